import { describe, expect, it } from 'vitest';
import { explain } from './explain.ts';

const base = { params: {}, fhirBase: 'http://h/fhir' };
const confidential = {
  clientId: 'app1',
  redirectUris: ['http://a/cb', 'http://b/cb'],
  clientAuthMethod: 'client_secret_basic',
};

describe('error explanations', () => {
  it('an unregistered redirect_uri names the registered ones', () => {
    const text = explain({
      ...base,
      error: 'invalid_redirect_uri',
      params: { redirect_uri: 'http://x/cb' },
      client: confidential,
    });
    expect(text).toBe('redirect_uri http://x/cb is not registered for this app; registered: http://a/cb, http://b/cb');
  });

  it('PKCE mistakes at the token endpoint say which side is wrong', () => {
    const grant = (detail: string) => explain({ ...base, error: 'invalid_grant', detail });
    expect(grant('code_verifier does not match code_challenge')).toMatch(
      /^code_verifier does not match the code_challenge/,
    );
    expect(grant('code_verifier must be provided')).toMatch(/^code_verifier is missing or blank/);
    expect(grant('unsupported code_challenge_method')).toMatch(/authorize request had no code_challenge/);
    expect(grant('authorization code already consumed')).toMatch(/single-use/);
  });

  it('client authentication failures say what kind of app it is', () => {
    const client = (detail: string, authMethod = 'client_secret_basic') =>
      explain({
        ...base,
        error: 'invalid_client',
        detail,
        clientId: 'app1',
        client: { ...confidential, clientAuthMethod: authMethod },
      });
    expect(
      client(
        'the provided authentication mechanism does not match the registered client authentication method',
        'none',
      ),
    ).toBe('client_id app1 is a public (PKCE) app: send only client_id, without a client secret');
    expect(
      client('the provided authentication mechanism does not match the registered client authentication method'),
    ).toMatch(/is a confidential app: authenticate with HTTP Basic/);
    expect(
      client(
        'the provided authentication mechanism does not match the registered client authentication method',
        'private_key_jwt',
      ),
    ).toMatch(/^client_id app1 is a Private Key JWT app: authenticate with client_assertion_type=/);
    expect(client('client assertion tokens must only be used once', 'private_key_jwt')).toMatch(
      /^the client_assertion of client_id app1 was refused \(client assertion tokens must only be used once\): send .*a new jti/,
    );
    expect(explain({ ...base, error: 'invalid_client', detail: 'client not found', clientId: 'zz' })).toBe(
      'client_id zz is not registered: use the client ID shown on the app page',
    );
  });

  it('a missing code_challenge says whether PKCE is required of public apps only or of every app', () => {
    const description = 'Authorization Server policy requires PKCE to be used for this request';
    const request = (clientAuthMethod: string) =>
      explain({ ...base, error: 'invalid_request', description, client: { ...confidential, clientAuthMethod } });
    expect(request('none')).toBe('this public app must use PKCE: send code_challenge and code_challenge_method=S256');
    expect(request('client_secret_basic')).toMatch(/^this server requires PKCE from every app, confidential ones too/);
  });

  it('a plain PKCE method and the implicit flow are named', () => {
    expect(
      explain({
        ...base,
        error: 'invalid_request',
        description: 'not supported value of code_challenge_method',
        params: { code_challenge_method: 'plain' },
      }),
    ).toBe('code_challenge_method must be S256 (plain is not accepted)');
    expect(explain({ ...base, error: 'unsupported_response_type', params: { response_type: 'token' } })).toMatch(
      /^response_type must be code \(token is not supported/,
    );
  });

  it("a hook's failure keeps the hook's own message instead of advice for a real failure of that kind", () => {
    const message = 'simulated invalid_client (the launch asked the sandbox to fail here)';
    expect(
      explain({
        ...base,
        error: 'invalid_client',
        description: 'client authentication failed',
        detail: 'invalid secret provided',
        clientId: 'app1',
        client: confidential,
        hookMessage: message,
      }),
    ).toBe(message);
    const scope = 'simulated invalid_scope (the launch asked the sandbox to fail here)';
    expect(explain({ ...base, error: 'invalid_scope', description: 'x', hookMessage: scope })).toBe(scope);
    expect(
      explain({
        ...base,
        error: 'invalid_client',
        detail: 'invalid secret provided',
        clientId: 'app1',
        client: confidential,
      }),
    ).toBe('client_secret is wrong for client_id app1: use the secret shown on the app page');
  });
});
