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
  it('keeps the first and last four characters of a long secret', () => {
    expect(maskSecret('abcd1234567890wxyz')).toBe('abcd…wxyz');
  });

  it('hides a short secret entirely', () => {
    expect(maskSecret('abc')).toBe('••••');
    expect(maskSecret('123456789012')).toBe('••••••••');
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
      access_token: 'eyAA…ZZZZ',
      nested: [{ refresh_token: 'r-01…cdef' }],
      expires_in: 3600,
    });
  });

  it('masks secret query parameters of a request line', () => {
    expect(maskRequest('GET Observation?category=laboratory&access_token=abcdef0123456789wxyz')).toBe(
      'GET Observation?category=laboratory&access_token=abcd…wxyz',
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
      droppedScopes: ['user/*.read'],
      count: 3,
    });
    expect(views.map((v) => [v.key, v.text, v.masked])).toEqual([
      ['launchUrl', 'http://localhost:5174/launch.html?iss=x&launch=y', false],
      ['code', 'c0ff…beef', true],
      ['id_token', maskSecret(idToken), true],
      ['droppedScopes', '[\n  "user/*.read"\n]', false],
      ['count', '3', false],
    ]);
    expect(views[2]?.jwt?.payload.fhirUser).toBe('Patient/p-ec60dc41');
    expect(JSON.stringify(views)).not.toContain('c0ffee0123456789beef');
    expect(JSON.stringify(views)).not.toContain(idToken);
  });

  it('returns nothing for a step without details', () => {
    expect(describeDetails(undefined)).toEqual([]);
  });
});
