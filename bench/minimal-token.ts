/**
 * The floor of the refresh benchmark: a minimal token endpoint doing the cryptography a refresh grant needs and
 * nothing else. It checks HTTP Basic client credentials in constant time, swaps the presented opaque refresh token
 * (a confidential client's refresh token is kept until 70% of its life has passed, as the authorization server
 * does, so it is answered back unchanged here), mints an opaque access token and signs an RS256 id_token
 * (2048-bit key, as the authorization server's), and answers the token JSON. No storage beyond a Map, no audit,
 * no policy: what any server would have to do at least.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { RequestHandler } from 'express';
import { generateKeyPair, SignJWT } from 'jose';

export interface MinimalTokenEndpoint {
  handler: RequestHandler[];
  /** Issues a refresh token the endpoint accepts (one per load-generator connection). */
  issueRefreshToken(): string;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

export async function minimalTokenEndpoint(options: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  subject: string;
}): Promise<MinimalTokenEndpoint> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const expected = digest(`${options.clientId}:${options.clientSecret}`);
  const refreshTokens = new Map<string, { scope: string }>();
  const issue = (): string => {
    const token = randomBytes(32).toString('base64url');
    refreshTokens.set(token, { scope: 'openid fhirUser offline_access patient/*.rs' });
    return token;
  };
  const token: RequestHandler = async (req, res) => {
    const header = req.headers.authorization ?? '';
    const presented = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString() : '';
    const [id = '', secret = ''] = presented.split(':').map((part) => decodeURIComponent(part));
    if (!timingSafeEqual(digest(`${id}:${secret}`), expected)) {
      res.status(401).json({ error: 'invalid_client' });
      return;
    }
    const body = req.body as Record<string, string | undefined>;
    const old = body.grant_type === 'refresh_token' ? refreshTokens.get(body.refresh_token ?? '') : undefined;
    if (!old) {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    const refresh = body.refresh_token ?? '';
    const now = Math.floor(Date.now() / 1000);
    const idToken = await new SignJWT({ fhirUser: options.subject })
      .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
      .setIssuer(options.issuer)
      .setAudience(options.clientId)
      .setSubject(options.subject)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json({
      access_token: randomBytes(32).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: old.scope,
      refresh_token: refresh,
      id_token: idToken,
    });
  };
  return { handler: [express.urlencoded({ extended: false }), token], issueRefreshToken: issue };
}
