import { describe, expect, it } from 'vitest';
import { idTokenClaims, maskDetails, maskToken, tokenStepDetails } from './mask-details.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const CLAIMS = { iss: 'http://127.0.0.1:4011', sub: 'p-1', aud: 'client-1', fhirUser: 'Patient/p-1', nonce: 'n' };
const ID_TOKEN = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(CLAIMS)}.${'s'.repeat(342)}`;
const ACCESS = 'Zq3xY9a0bC1dE2fG3hI4jK5lM6nO7pQ8rS9tU0vW1xY';
const REFRESH = 'Rf0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0uV1wX2yZ3a';

describe('maskDetails', () => {
  it('keeps the first 6 characters and the length of a token, and masking twice changes nothing', () => {
    expect(maskToken(ACCESS)).toBe(`Zq3xY9… (${ACCESS.length} chars)`);
    expect(maskToken(maskToken(ACCESS))).toBe(maskToken(ACCESS));
    expect(maskToken('abc123')).toBe('… (6 chars)');
  });

  it('masks credential-named keys at any depth and leaves the rest', () => {
    expect(
      maskDetails({ grantId: 'g1', nested: [{ code: 'abcdefghijklmnopqrstuvwxyz' }], client_secret: 'shh' }),
    ).toEqual({ grantId: 'g1', nested: [{ code: 'abcdef… (26 chars)' }], client_secret: '… (3 chars)' });
  });
});

describe('tokenStepDetails', () => {
  const response = {
    access_token: ACCESS,
    token_type: 'Bearer',
    expires_in: 3600,
    scope: 'openid fhirUser patient/Patient.rs',
    refresh_token: REFRESH,
    id_token: ID_TOKEN,
    patient: 'p-1',
  };

  it('keeps the token response with every token masked and the decoded id_token claims', () => {
    const details = tokenStepDetails({ tokenResponse: response, grantId: 'g1' });
    expect(details).toEqual({
      grantId: 'g1',
      tokenResponse: {
        ...response,
        access_token: `Zq3xY9… (${ACCESS.length} chars)`,
        refresh_token: `Rf0aB1… (${REFRESH.length} chars)`,
        id_token: `${ID_TOKEN.slice(0, 6)}… (${ID_TOKEN.length} chars)`,
      },
      idTokenClaims: CLAIMS,
    });
    expect(JSON.stringify(details)).not.toContain(ACCESS);
    expect(JSON.stringify(details)).not.toContain(ID_TOKEN);
  });

  it('moves a token response given as the details themselves under tokenResponse', () => {
    const details = tokenStepDetails({ ...response, grantId: 'g1' });
    expect(details.grantId).toBe('g1');
    expect(details.tokenResponse).toMatchObject({ token_type: 'Bearer', patient: 'p-1' });
    expect(details.idTokenClaims).toEqual(CLAIMS);
    expect(JSON.stringify(details)).not.toContain(REFRESH);
  });

  it('without a token response, only masks', () => {
    expect(tokenStepDetails({ grantId: 'g1' })).toEqual({ grantId: 'g1' });
  });

  it('reads no claims from a value that is not a JWT', () => {
    expect(idTokenClaims('not.a.jwt!')).toBeUndefined();
    expect(idTokenClaims(ACCESS)).toBeUndefined();
  });
});
