/**
 * The FHIR API's view of tokens: what a bearer token allows (or a 401), and revoking every authorization an
 * app holds for a member.
 */
import type Provider from 'oidc-provider';
import type { KeyValueStore } from '@plan-api/store';
import type { AccessGrant } from './types.ts';
import type { Runtime } from './runtime.ts';
import { SmartAuthError } from './errors.ts';
import { revocationEpoch } from './revocations.ts';
import { readableTypes, splitScope } from './scopes.ts';

const unauthorized = (message: string): SmartAuthError => new SmartAuthError(401, 'invalid_token', message);

/** Verified tokens remembered per process (the oldest are forgotten beyond this). */
const REMEMBERED = 10_000;

/**
 * Validates an access token for the FHIR base and returns what it allows.
 *
 * A verified token is remembered with the revocation counter it was verified under (see RevocationEpoch), so the
 * next request with it reads one counter instead of the token, its grant and its launch context: the check stays
 * on every request, across processes, and a revocation anywhere is seen by the next request everywhere. The app
 * itself is looked up on every request (a suspended or deleted app's tokens stop at once).
 */
export function createVerifier(provider: Provider, runtime: Runtime): (token: string) => Promise<AccessGrant> {
  const revocations = revocationEpoch(runtime.config.kv);
  const remembered = new Map<string, { grant: AccessGrant; epoch: number }>();
  const verify = async (token: string): Promise<AccessGrant> => {
    if (typeof token !== 'string' || token.length === 0) throw unauthorized('An access token is required.');
    const epoch = await revocations.current();
    const known = remembered.get(token);
    if (known && known.epoch === epoch && known.grant.expiresAt * 1000 > Date.now()) {
      if (!(await runtime.config.clients(known.grant.clientId))) {
        throw unauthorized('The authorization behind this access token was revoked.');
      }
      return known.grant;
    }
    const grant = await lookUp(token);
    remembered.delete(token);
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value ?? '');
    remembered.set(token, { grant, epoch });
    return grant;
  };
  const lookUp = async (token: string): Promise<AccessGrant> => {
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
  return verify;
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
      await revocationEpoch(kv).bump();
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
