import type { SmartClient } from '@plan-api/smart';
import type { PortalContext } from '../context.ts';
import type { AppSnapshot } from '../production/model.ts';
import type { AppRecord } from '../types.ts';

/** The app registered under a client id, if any. */
export async function appByClientId(ctx: PortalContext, clientId: string): Promise<AppRecord | undefined> {
  if (clientId === '') return undefined;
  const [app] = await ctx.apps.list({ where: { clientId }, limit: 1 });
  return app;
}

/**
 * What a client is made of: an app's fields (a sandbox app, or a published snapshot: the public keys of a
 * "private_key_jwt" app among them), its id and its secret.
 */
export type ClientFields = AppSnapshot & { id: string; clientSecret?: string };

/**
 * The authorization server's view of an app: its client metadata (the ClientSource of packages/smart), for the
 * sandbox's apps and the production realm's approved snapshots alike.
 */
export function toSmartClient(app: ClientFields): SmartClient {
  const client: SmartClient = {
    clientId: app.clientId,
    redirectUris: [...app.redirectUris],
    name: app.name,
    appId: app.id,
  };
  if (app.oauthType === 'secret' && app.clientSecret !== undefined) client.clientSecret = app.clientSecret;
  if (app.oauthType === 'private_key_jwt') {
    if (app.jwksUri !== undefined) client.jwksUri = app.jwksUri;
    else if (app.jwks !== undefined) client.jwks = structuredClone(app.jwks);
  }
  if (app.logoUrl !== undefined) client.logoUri = app.logoUrl;
  if (app.organizationUrl !== undefined) client.clientUri = app.organizationUrl;
  if (app.privacyPolicyUrl !== undefined) client.policyUri = app.privacyPolicyUrl;
  if (app.termsOfServiceUrl !== undefined) client.tosUri = app.termsOfServiceUrl;
  if (app.organizationName !== undefined) client.organizationName = app.organizationName;
  return client;
}

/** Looks a client up by client_id for the authorization server; undefined when no app has it. */
export async function clientFor(ctx: PortalContext, clientId: string): Promise<SmartClient | undefined> {
  const app = await appByClientId(ctx, clientId);
  return app === undefined ? undefined : toSmartClient(app);
}
