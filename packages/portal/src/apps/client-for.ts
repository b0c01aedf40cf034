import type { SmartClient } from '@plan-api/smart';
import type { PortalContext } from '../context.ts';
import type { AppRecord } from '../types.ts';

/** The app registered under a client id, if any. */
export async function appByClientId(ctx: PortalContext, clientId: string): Promise<AppRecord | undefined> {
  if (clientId === '') return undefined;
  const [app] = await ctx.apps.list({ where: { clientId }, limit: 1 });
  return app;
}

/** The authorization server's view of an app: its client metadata (the ClientSource of packages/smart). */
export function toSmartClient(app: AppRecord): SmartClient {
  const client: SmartClient = {
    clientId: app.clientId,
    redirectUris: [...app.redirectUris],
    name: app.name,
    appId: app.id,
  };
  if (app.oauthType === 'secret' && app.clientSecret !== undefined) client.clientSecret = app.clientSecret;
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
