import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm } from './testing/flow.ts';
import { startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';

// A JWKS URL on 127.0.0.1 is fetched only where the composition allows loopback (the sandbox on a developer's
// machine); elsewhere oidc-provider's protection against requests into the server's own network refuses it.
describe('client JWKS URLs on a loopback host', () => {
  let privateKey: CryptoKey;
  let jwksRequests = 0;
  let jwksUri = '';
  let jwks = '';
  const jwksServer = createServer((_req, res) => {
    jwksRequests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  });

  beforeAll(async () => {
    const pair = await generateKeyPair('ES384', { extractable: true });
    privateKey = pair.privateKey;
    jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1' }] });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUri = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => {
    jwksServer.closeAllConnections();
    jwksServer.close();
  });

  async function introspectAs(h: Harness, clientId: string) {
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ jti: randomBytes(16).toString('base64url') })
      .setProtectedHeader({ alg: 'ES384', kid: 'k1' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(`${h.issuer}/token`)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(privateKey);
    return postForm(`${h.issuer}/introspect`, {
      token: 'unknown-token',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
  }

  for (const loopbackJwksUris of [false, true]) {
    it(loopbackJwksUris ? 'are fetched when allowed' : 'are refused by default', async () => {
      const h = await startHarness({ loopbackJwksUris });
      try {
        h.apps.set('keyed-app', { clientId: 'keyed-app', redirectUris: ['http://127.0.0.1:9/cb'], name: 'K', jwksUri });
        const before = jwksRequests;
        const res = await introspectAs(h, 'keyed-app');
        if (loopbackJwksUris) {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect(res.body).toEqual({ active: false });
          expect(jwksRequests).toBe(before + 1);
        } else {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.body.active).toBeUndefined();
          expect(jwksRequests).toBe(before);
          expect(h.events.at(-1)).toMatchObject({ type: 'introspect', status: 'error', error: 'invalid_client' });
          expect(h.events.at(-1)?.message).toMatch(/public keys of client_id keyed-app could not be read/);
        }
      } finally {
        await h.close();
      }
    });
  }
});
