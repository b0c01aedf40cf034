import { describe, expect, it } from 'vitest';
import { decodeJwt, describeDetails, isSecretKey, maskDeep, maskRequest, maskSecret } from './secrets.ts';

/** Builds an unsigned-looking JWT from a header and payload, base64url-encoded like a real one. */
function jwt(header: object, payload: object): string {
  const encode = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${encode(header)}.${encode(payload)}.c2lnbmF0dXJl`;
}

const idToken = jwt(
  { alg: 'RS256', kid: 'k1', typ: 'JWT' },
  { iss: 'http://127.0.0.1:4011/auth', sub: 'p-ec60dc41', fhirUser: 'Patient/p-ec60dc41', name: 'Zoë' },
);

describe('maskSecret', () => {
  it('keeps the first six characters and the length of a long secret', () => {
    expect(maskSecret('abcdef1234567890uvwxyz0123')).toBe('abcdef… (26 chars)');
  });

  it('shows only the length of a short secret', () => {
    expect(maskSecret('abc')).toBe('… (3 chars)');
    expect(maskSecret('123456789012')).toBe('… (12 chars)');
  });

  it('leaves a value the server masked as it is', () => {
    expect(maskSecret('eyJhbG… (812 chars)')).toBe('eyJhbG… (812 chars)');
    expect(maskSecret('… (6 chars)')).toBe('… (6 chars)');
  });
});

describe('isSecretKey and maskDeep', () => {
  it('recognises the credential names of OAuth', () => {
    for (const key of ['access_token', 'refresh_token', 'client_secret', 'code', 'code_verifier', 'id_token']) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['scope', 'patient', 'token_type', 'expires_in', 'launchUrl'])
      expect(isSecretKey(key), key).toBe(false);
  });

  it('masks secrets at any depth and leaves everything else alone', () => {
    const masked = maskDeep({
      token_type: 'Bearer',
      access_token: 'eyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAZZZZ',
      nested: [{ refresh_token: 'r-0123456789abcdef' }],
      expires_in: 3600,
    });
    expect(masked).toEqual({
      token_type: 'Bearer',
      access_token: 'eyAAAA… (38 chars)',
      nested: [{ refresh_token: '… (18 chars)' }],
      expires_in: 3600,
    });
  });

  it('masks secret query parameters of a request line', () => {
    expect(maskRequest('GET Observation?category=laboratory&access_token=abcdef0123456789wxyz')).toBe(
      'GET Observation?category=laboratory&access_token=… (20 chars)',
    );
    expect(maskRequest('GET Patient/p-1')).toBe('GET Patient/p-1');
  });
});

describe('decodeJwt', () => {
  it('decodes the header and payload of a JWT, UTF-8 included', () => {
    expect(decodeJwt(idToken)).toEqual({
      header: { alg: 'RS256', kid: 'k1', typ: 'JWT' },
      payload: { iss: 'http://127.0.0.1:4011/auth', sub: 'p-ec60dc41', fhirUser: 'Patient/p-ec60dc41', name: 'Zoë' },
    });
  });

  it('does not take dotted strings or opaque tokens for JWTs', () => {
    expect(decodeJwt('Patient.read.all')).toBeUndefined();
    expect(decodeJwt('opaque-token-value')).toBeUndefined();
    expect(decodeJwt(`${btoa('{"typ":"JWT"}')}.${btoa('{}')}.x`)).toBeUndefined();
  });
});

describe('describeDetails', () => {
  it('masks secrets, decodes JWTs for reading, and shows objects as JSON', () => {
    const views = describeDetails({
      launchUrl: 'http://localhost:5174/launch.html?iss=x&launch=y',
      code: 'c0ffee0123456789beef',
      id_token: idToken,
      droppedScopes: ['system/*.read'],
      count: 3,
    });
    expect(views.map((v) => [v.key, v.text, v.masked])).toEqual([
      ['launchUrl', 'http://localhost:5174/launch.html?iss=x&launch=y', false],
      ['code', '… (20 chars)', true],
      ['id_token', maskSecret(idToken), true],
      ['droppedScopes', '[\n  "system/*.read"\n]', false],
      ['count', '3', false],
    ]);
    expect(views[2]?.jwt?.payload.fhirUser).toBe('Patient/p-ec60dc41');
    expect(JSON.stringify(views)).not.toContain('c0ffee0123456789beef');
    expect(JSON.stringify(views)).not.toContain(idToken);
  });

  it("puts the token response and the id_token claims first, with plain labels and the server's masks kept", () => {
    const views = describeDetails({
      grantId: 'g1',
      idTokenClaims: { sub: 'p-1', fhirUser: 'Patient/p-1' },
      tokenResponse: { access_token: 'eyJhbG… (812 chars)', token_type: 'Bearer', patient: 'p-1' },
    });
    expect(views.map((v) => v.label)).toEqual(['Token response', 'id_token claims', 'Grant']);
    expect(JSON.parse(views[0]?.text ?? '')).toEqual({
      access_token: 'eyJhbG… (812 chars)',
      token_type: 'Bearer',
      patient: 'p-1',
    });
    expect(JSON.parse(views[1]?.text ?? '')).toEqual({ sub: 'p-1', fhirUser: 'Patient/p-1' });
  });

  it('returns nothing for a step without details', () => {
    expect(describeDetails(undefined)).toEqual([]);
  });
});
