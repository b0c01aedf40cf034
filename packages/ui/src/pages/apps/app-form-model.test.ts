import { describe, expect, it } from 'vitest';
import type { AppRecord } from '../../api/types.ts';
import {
  appInputFromForm,
  canLaunch,
  credentialsCopy,
  emptyAppForm,
  formValuesFromApp,
  mapAppFieldErrors,
  saveErrorSummary,
} from './app-form-model.ts';

const APP: AppRecord = {
  id: 'app-1',
  name: 'Acme Health',
  oauthType: 'secret',
  clientId: 'cid',
  clientSecret: 'sec',
  redirectUris: ['https://acme.example/cb', 'http://localhost:3000/cb'],
  launchUrl: 'https://acme.example/launch',
  description: 'Tracks claims',
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  productionRequest: { state: 'draft' },
};

describe('mapAppFieldErrors', () => {
  it('puts the error of one redirect URI on the Redirect URL input, naming its line', () => {
    const { fieldErrors, unmatched } = mapAppFieldErrors({
      'redirectUris.1': 'Each redirect URI must be an absolute URL.',
    });
    expect(fieldErrors).toEqual({ redirectUris: 'Line 2: Each redirect URI must be an absolute URL.' });
    expect(unmatched).toEqual({});
  });

  it('joins several redirect URI errors and keeps plain field errors beside their field', () => {
    const { fieldErrors } = mapAppFieldErrors({
      name: 'Name is required.',
      'redirectUris.0': 'Bad one.',
      'redirectUris.2': 'Listed twice.',
      launchUrl: 'The launch URL must use https.',
    });
    expect(fieldErrors.name).toBe('Name is required.');
    expect(fieldErrors.redirectUris).toBe('Line 1: Bad one. Line 3: Listed twice.');
    expect(fieldErrors.launchUrl).toBe('The launch URL must use https.');
  });

  it('keeps an error of the whole redirect list without a line number', () => {
    const { fieldErrors } = mapAppFieldErrors({ redirectUris: 'Register at least one redirect URI.' });
    expect(fieldErrors.redirectUris).toBe('Register at least one redirect URI.');
  });

  it('reports errors of fields the form does not have as unmatched', () => {
    const { fieldErrors, unmatched } = mapAppFieldErrors({ color: '"color" is not a field of an app.' });
    expect(fieldErrors).toEqual({});
    expect(unmatched).toEqual({ color: '"color" is not a field of an app.' });
  });
});

describe('saveErrorSummary', () => {
  it('names the inputs in error by their labels when each error shows beside its input', () => {
    const summary = saveErrorSummary(
      { 'redirectUris.0': 'Bad.', 'redirectUris.1': 'Worse.', launchUrl: 'No.' },
      'The app was not saved because 3 fields are invalid.',
    );
    expect(summary).toBe('Fix the 2 fields marked in red: Redirect URL, Launch URL.');
  });

  it("keeps the server's message when there are no field errors or one the form cannot show", () => {
    expect(saveErrorSummary({}, 'Too many requests.')).toBe('Too many requests.');
    expect(saveErrorSummary({ name: 'Required.', color: 'Unknown.' }, 'Two problems.')).toBe('Two problems.');
  });
});

describe('appInputFromForm', () => {
  it('splits redirect lines, trims values and leaves blank optional fields out', () => {
    const values = {
      ...emptyAppForm(),
      name: '  My App ',
      redirectUris: ' https://a.example/cb \n\n\r\nhttps://b.example/cb\n',
      logoUrl: '   ',
      description: ' hello ',
    };
    expect(appInputFromForm(values)).toEqual({
      name: 'My App',
      oauthType: 'pkce',
      redirectUris: ['https://a.example/cb', 'https://b.example/cb'],
      description: 'hello',
    });
  });

  it('round-trips an app through the form without changing its fields', () => {
    const input = appInputFromForm(formValuesFromApp(APP));
    expect(input).toEqual({
      name: APP.name,
      oauthType: APP.oauthType,
      redirectUris: APP.redirectUris,
      launchUrl: APP.launchUrl,
      description: APP.description,
    });
  });
});

describe('a Private Key JWT app', () => {
  const jwks = { keys: [{ kty: 'EC', crv: 'P-384', x: 'x-value', y: 'y-value', kid: 'k1' }] };

  it('shows its JWKS as indented JSON and sends the keys back unchanged', () => {
    const keyed: AppRecord = { ...APP, oauthType: 'private_key_jwt', clientSecret: undefined, jwks };
    const values = formValuesFromApp(keyed);
    expect(values.jwks).toBe(JSON.stringify(jwks, null, 2));
    expect(values.jwksUri).toBe('');
    const input = appInputFromForm(values);
    expect(input).toMatchObject({ oauthType: 'private_key_jwt', jwks: values.jwks });
    expect(JSON.parse(input.jwks as string)).toEqual(jwks);
    expect(input).not.toHaveProperty('jwksUri');
  });

  it('sends the JWKS URL and JWKS only for that type', () => {
    const values = { ...emptyAppForm(), name: 'Keys', redirectUris: 'https://a.example/cb' };
    const filled = { ...values, jwksUri: ' https://a.example/jwks.json ', jwks: '  ' };
    expect(appInputFromForm({ ...filled, oauthType: 'private_key_jwt' })).toMatchObject({
      jwksUri: 'https://a.example/jwks.json',
    });
    expect(appInputFromForm({ ...filled, oauthType: 'private_key_jwt' })).not.toHaveProperty('jwks');
    expect(appInputFromForm({ ...filled, oauthType: 'secret' })).not.toHaveProperty('jwksUri');
  });

  it('puts the API errors on the JWKS URL and JWKS inputs, and says it has no secret', () => {
    expect(mapAppFieldErrors({ jwks: 'private key', jwksUri: 'https only' }).fieldErrors).toEqual({
      jwks: 'private key',
      jwksUri: 'https only',
    });
    expect(saveErrorSummary({ jwks: 'private key' }, 'server')).toBe('Fix the field marked in red: JWKS.');
    expect(credentialsCopy(undefined, 'private_key_jwt').secretHint).toBe(
      'None (Private Key JWT apps sign with their own key)',
    );
    expect(credentialsCopy({}, 'private_key_jwt').secretHint).toBe(
      'None (Private Key JWT apps sign with their own key)',
    );
  });
});

describe('app list helpers', () => {
  it('offers Launch App only with a launch URL and a redirect URL', () => {
    expect(canLaunch(APP)).toBe(true);
    expect(canLaunch({ ...APP, launchUrl: undefined })).toBe(false);
    expect(canLaunch({ ...APP, redirectUris: [] })).toBe(false);
  });
});

describe('credentialsCopy', () => {
  it('says the credentials are assigned on save only before the first save', () => {
    expect(credentialsCopy(undefined, 'secret')).toEqual({
      description: 'The sandbox assigns them when you save.',
      clientIdHint: 'Assigned on save',
      secretHint: 'Assigned on save',
    });
    const saved = credentialsCopy(APP, 'secret');
    expect(saved).toEqual({ description: 'Assigned by the sandbox to this app. Read-only: copy them into your app.' });
    expect(JSON.stringify(saved)).not.toMatch(/on save|when you save\./);
  });

  it('a PKCE app has no secret; a saved PKCE app switched to Secret gets one when the change is saved', () => {
    expect(credentialsCopy(undefined, 'pkce').secretHint).toBe('None (PKCE apps have no secret)');
    expect(credentialsCopy({}, 'pkce').secretHint).toBe('None (PKCE apps have no secret)');
    expect(credentialsCopy({}, 'secret').secretHint).toBe('Assigned when you save the change of type');
  });
});
