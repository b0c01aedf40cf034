/**
 * The FHIR API's view of tokens: what a bearer token allows (or a 401), and revoking every authorization an
 * app holds for a member.
 */
import type Provider from 'oidc-provider';
import type { KeyValueStore } from '@plan-api/store';
import type { AccessGrant } from './types.ts';
import type { Runtime } from './runtime.ts';
import { SmartAuthError } from './errors.ts';
import { readableTypes, splitScope } from './scopes.ts';

const unauthorized = (message: string): SmartAuthError => new SmartAuthError(401, 'invalid_token', message);

/** Validates an access token for the FHIR base and returns what it allows. */
export function createVerifier(provider: Provider, runtime: Runtime): (token: string) => Promise<AccessGrant> {
  return async (token) => {
    if (typeof token !== 'string' || token.length === 0) throw unauthorized('An access token is required.');
    const access = await provider.AccessToken.find(token);
    if (!access) throw unauthorized('The access token is unknown, expired or revoked.');
    const audience = Array.isArray(access.aud) ? access.aud : [access.aud];
    if (!audience.includes(runtime.fhirBase))
      throw unauthorized('The access token was not issued for this FHIR server.');
    const clientId = access.clientId;
    if (!clientId) throw unauthorized('The access token has no client.');
    const [grant, context, client] = await Promise.all([
      access.grantId ? provider.Grant.find(access.grantId) : Promise.resolve(undefined),
      runtime.contexts.grant(access.grantId),
      runtime.config.clients(clientId),
    ]);
    if (!grant || !client) throw unauthorized('The authorization behind this access token was revoked.');
    const patientId = context?.patientId;
    if (!patientId) throw unauthorized('The access token is not bound to a patient.');
    const extra = (access.extra ?? {}) as { scope?: unknown; fhirUser?: unknown };
    const scopes = splitScope(typeof extra.scope === 'string' ? extra.scope : access.scope);
    return {
      clientId,
      patientId,
      scopes,
      readable: readableTypes(splitScope(access.scope), runtime.resourceTypes),
      ...(typeof extra.fhirUser === 'string' ? { fhirUser: extra.fhirUser } : {}),
      ...(context?.launchId ? { launchId: context.launchId } : {}),
      ...(access.grantId ? { grantId: access.grantId } : {}),
      expiresAt: access.exp ?? 0,
      ...(context?.tags ? { tags: context.tags } : {}),
    };
  };
}

/** Revokes every grant (and its codes and tokens) of an app for a member's account; returns how many grants. */
export function createRevoker(
  kv: KeyValueStore,
  runtime: Runtime,
): (clientId: string, accountId: string) => Promise<number> {
  return async (clientId, accountId) => {
    const grantIds = await runtime.contexts.grantIds(clientId, accountId);
    for (const grantId of grantIds) await kv.deleteByIndex('grantId', grantId);
    if (grantIds.length > 0) {
      const patientId = (await runtime.accounts(accountId))?.patientId;
      runtime.emit({
        type: 'revoke',
        status: 'ok',
        clientId,
        ...(patientId ? { patientId } : {}),
        message: `The member revoked the app: ${grantIds.length} authorization${grantIds.length === 1 ? '' : 's'} and their tokens.`,
      });
    }
    return grantIds.length;
  };
}
