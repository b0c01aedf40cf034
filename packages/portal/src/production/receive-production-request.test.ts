import { describe, expect, it } from 'vitest';
import { createTestPortal, rejection, OWNER } from '../testing/harness.ts';
import { keepingMailer } from '../testing/mailer.ts';
import { ATTESTATION, completeApp, decideRequest, requestsOf } from '../testing/production.ts';
import { PortalError } from '../types.ts';

const CLIENT_ID = 'desktop-client-id-0001';
const SECRET = 'desktop-secret-abcdefghijklmnop';

function hosted() {
  const mailer = keepingMailer();
  const test = createTestPortal({
    mailer,
    vendorContact: (owner) => Promise.resolve({ name: owner, email: `${owner}@vendor.example` }),
  });
  return { ...test, mailer };
}

const body = (app: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) => ({
  app: { ...completeApp(), clientId: CLIENT_ID, clientSecret: SECRET, ...app },
  attestation: ATTESTATION,
  ...rest,
});

async function refusal(promise: Promise<unknown>): Promise<PortalError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(PortalError);
  return error as PortalError;
}

/** An EC P-384 public key (ES384), as a vendor's JWKS lists it. */
const PUBLIC_JWK = {
  kty: 'EC',
  crv: 'P-384',
  x: 'm9GSmJ5iGmAYlMlaOJGSFN_CjN9cIn8GGYExP-C0FBiIXlWTNvGN38R9WMrHxpJL',
  y: 'sP6dl5lStDzChj_vlodZJMe0lBU5bhPTg6Li5WtmL9OzIDYW7sN3kOk5SYYrr1KV',
  kid: 'key-1',
};

describe('receiveProductionRequest', () => {
  it("creates the vendor's app with exactly the sandbox's client ID and secret and sends the request", async () => {
    const { portal, mailer, records } = hosted();
    const app = await portal.receiveProductionRequest(OWNER, body({}, { notes: 'From the desktop.' }));
    expect(app).toMatchObject({ ownerId: OWNER, clientId: CLIENT_ID, clientSecret: SECRET, name: 'Health Wallet' });
    expect(app.productionRequest).toMatchObject({ state: 'pending', version: 1 });
    expect(await portal.getApp(OWNER, app.id)).toEqual(app);
    expect((await portal.clientFor(CLIENT_ID))?.clientSecret).toBe(SECRET);
    expect(mailer.sent[0]).toMatchObject({ to: 'sandbox@vendor.example', data: { notes: 'From the desktop.' } });
    expect((await requestsOf(records, app.id))[0]?.versions[0]?.notes).toBe('From the desktop.');
  });

  it('a second send while pending updates the app and appends a version with the new answers', async () => {
    const { portal, records, mailer } = hosted();
    const first = await portal.receiveProductionRequest(OWNER, body());
    const second = await portal.receiveProductionRequest(
      OWNER,
      body({ name: 'Wallet 2' }, { attestation: { ...ATTESTATION, sellsData: 'yes' } }),
    );
    expect(second.id).toBe(first.id);
    expect(second.productionRequest).toMatchObject({ state: 'pending', version: 2 });
    const [request] = await requestsOf(records, first.id);
    expect(request?.versions.map((v) => [v.app.name, v.attestation.sellsData])).toEqual([
      ['Health Wallet', 'no'],
      ['Wallet 2', 'yes'],
    ]);
    expect(request?.history.map((h) => h.type)).toEqual(['submitted', 'updated']);
    expect(mailer.sent).toHaveLength(1);
    const same = await portal.receiveProductionRequest(
      OWNER,
      body({ name: 'Wallet 2' }, { attestation: { ...ATTESTATION, sellsData: 'yes' } }),
    );
    expect(same.productionRequest.version).toBe(2);
  });

  it('after approval, a changed app is an update request; an unchanged one is 409 production_unchanged', async () => {
    const { portal, records } = hosted();
    const app = await portal.receiveProductionRequest(OWNER, body());
    await decideRequest(records, app.id, 'approved');
    expect((await refusal(portal.receiveProductionRequest(OWNER, body()))).code).toBe('production_unchanged');
    const update = await portal.receiveProductionRequest(OWNER, body({ launchUrl: 'https://wallet.example.com/v2' }));
    expect(update.productionRequest).toMatchObject({ state: 'pending', version: 2, published: { version: 1 } });
    expect((await requestsOf(records, app.id)).map((r) => r.kind)).toEqual(['new', 'update']);
  });

  it("another vendor's client ID is 409 client_id_taken, also once only its published version is left", async () => {
    const { portal, records } = hosted();
    const app = await portal.receiveProductionRequest('vendor-1', body());
    const error = await refusal(portal.receiveProductionRequest('vendor-2', body()));
    expect(error.code).toBe('client_id_taken');
    await decideRequest(records, app.id, 'approved');
    await portal.deleteApp('vendor-1', app.id);
    expect((await refusal(portal.receiveProductionRequest('vendor-2', body()))).code).toBe('client_id_taken');
    // The owner can bring it back: the published version is found again by its client ID.
    const back = await portal.receiveProductionRequest('vendor-1', body({ name: 'Back' }));
    expect(back.productionRequest).toMatchObject({ state: 'pending', published: { version: 1 } });
  });

  it('takes a private_key_jwt app with its JWKS and no secret', async () => {
    const { portal } = hosted();
    const keys = { keys: [PUBLIC_JWK] };
    const app = await portal.receiveProductionRequest(
      OWNER,
      body({ oauthType: 'private_key_jwt', jwks: keys, clientSecret: undefined }),
    );
    expect(app).toMatchObject({ oauthType: 'private_key_jwt', jwks: keys, productionRequest: { state: 'pending' } });
    expect(app.clientSecret).toBeUndefined();
    expect(await portal.clientFor(CLIENT_ID)).toMatchObject({ clientId: CLIENT_ID, jwks: keys });
  });

  it('checks the client ID and secret, the app fields and the pre-checks, and stores nothing when they fail', async () => {
    const { portal } = hosted();
    const fieldsOf = async (input: unknown) => (await refusal(portal.receiveProductionRequest(OWNER, input))).fields;
    expect(await fieldsOf(body({ clientId: 'short' }))).toEqual({
      clientId: 'clientId must be 8 to 128 characters long.',
    });
    expect(Object.keys(await fieldsOf(body({ clientId: 'has spaces in it' })))).toEqual(['clientId']);
    expect(Object.keys(await fieldsOf(body({ clientSecret: undefined })))).toEqual(['clientSecret']);
    expect(Object.keys(await fieldsOf(body({ oauthType: 'pkce' })))).toEqual(['clientSecret']);
    expect(Object.keys(await fieldsOf(body({ oauthType: 'private_key_jwt', jwks: { keys: [PUBLIC_JWK] } })))).toEqual([
      'clientSecret',
    ]);
    const loopbackKeys = body({
      oauthType: 'private_key_jwt',
      jwksUri: 'http://localhost:8080/jwks',
      clientSecret: undefined,
    });
    expect(Object.keys(await fieldsOf(loopbackKeys))).toEqual(['jwksUri']);
    expect(Object.keys(await fieldsOf(body({ name: '', redirectUris: 'x' })).then((f) => f))).toEqual([
      'name',
      'redirectUris',
    ]);
    expect(await fieldsOf(body({ privacyPolicyUrl: '' }, { attestation: undefined }))).toMatchObject({
      'attestation.sellsData': "Answer: does the app sell members' data?",
      privacyPolicyUrl: expect.stringContaining('is missing') as unknown,
    });
    expect(Object.keys(await fieldsOf({ attestation: ATTESTATION }))).toEqual(['app']);
    expect(await portal.listApps(OWNER)).toEqual([]);
  });
});
