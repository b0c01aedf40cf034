/**
 * Asymmetric client authentication for the e2e tests (SMART client-confidential-asymmetric): key pairs made with
 * jose, client assertions signed as a vendor's backend would (and spoiled as an attacker's would), and a JWKS URL
 * served from a port of 127.0.0.1.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import * as oidc from 'openid-client';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface AssertionKey {
  alg: 'RS384' | 'ES384';
  kid: string;
  privateKey: CryptoKey;
  /** The public JWK (with kid and alg) the app registers. */
  publicJwk: JWK;
}

/** A fresh signing key of the algorithm, with its public JWK. */
export async function assertionKey(alg: AssertionKey['alg']): Promise<AssertionKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomBytes(8).toString('hex');
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** What to change in an assertion (claims set to undefined are left out). */
export interface AssertionOptions {
  aud?: string;
  iss?: string;
  sub?: string;
  jti?: string;
  /** Seconds from now (default 120). */
  expiresIn?: number;
}

/** A client assertion signed with `key`: iss = sub = the client_id, aud = the token URL, a fresh jti. */
export function clientAssertion(
  key: AssertionKey,
  clientId: string,
  tokenUrl: string,
  options: AssertionOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: options.jti ?? randomBytes(16).toString('base64url') })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(options.iss ?? clientId)
    .setSubject(options.sub ?? clientId)
    .setAudience(options.aud ?? tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 120))
    .sign(key.privateKey);
}

/** An assertion with the right claims signed HS256 with `secret` (a symmetric "key" anyone could guess). */
export function hs256Assertion(clientId: string, tokenUrl: string, secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: randomBytes(16).toString('base64url') })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(now + 120)
    .sign(new TextEncoder().encode(secret));
}

/** An unsigned assertion (`alg: none`) with the right claims. */
export function unsignedAssertion(clientId: string, tokenUrl: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { iss: clientId, sub: clientId, aud: tokenUrl, jti: randomBytes(16).toString('base64url') };
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + 120 })}.`;
}

/** openid-client's private_key_jwt with `key`, its assertions' aud the token URL (as SMART says). */
export function privateKeyJwt(key: AssertionKey, tokenUrl: string): oidc.ClientAuth {
  return oidc.PrivateKeyJwt(
    { key: key.privateKey, kid: key.kid },
    {
      [oidc.modifyAssertion]: (_header, payload) => {
        payload.aud = tokenUrl;
      },
    },
  );
}

/** The form parameters of private_key_jwt authentication. */
export function assertionParams(assertion: string): Record<string, string> {
  return { client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion };
}

export interface JwksServer {
  /** `http://127.0.0.1:<port>/jwks.json` */
  url: string;
  stop(): Promise<void>;
}

/** Serves `{keys}` as the app's JWKS URL on 127.0.0.1 and a free port. */
export async function serveJwks(keys: JWK[]): Promise<JwksServer> {
  const server: Server = createServer((req, res) => {
    if (req.url !== '/jwks.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
