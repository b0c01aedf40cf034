/**
 * SMART rules of the authorization endpoint, as oidc-provider hooks: the `aud` check, `launch` resolution
 * (single-use, bound to the app; then the composition's launchResolved hook), scope filtering, the login checks
 * that bind the patient, and the grant that skipConsent launches get without a consent screen.
 */
import { errors, interactionPolicy } from 'oidc-provider';
import type { Client, Configuration, Grant, KoaContextWithOIDC } from 'oidc-provider';
import type { Runtime } from './runtime.ts';
import { withoutTrailingSlash } from './runtime.ts';
import { grantableScopes, isContextScope, resourceScopes, splitScope } from './scopes.ts';
import { markLaunchRefusal } from './situation.ts';
import { runHook } from './hook-errors.ts';

const { Check } = interactionPolicy;

/** The raw request parameters (before oidc-provider dropped what it does not know). */
function rawParams(ctx: KoaContextWithOIDC): Record<string, unknown> {
  const body = ctx.method === 'POST' ? (ctx.oidc.body as Record<string, unknown> | undefined) : undefined;
  return body ?? (ctx.query as Record<string, unknown>);
}

/** The `extraParams` validators: `aud`, `launch` and `scope`, run once per authorization request. */
export function authorizationParams(runtime: Runtime): NonNullable<Configuration['extraParams']> {
  const { fhirBase, resourceTypes, contexts, config, ttl } = runtime;
  return {
    aud(_ctx: KoaContextWithOIDC, value: string | undefined) {
      if (value !== undefined && withoutTrailingSlash(value) === fhirBase) return;
      throw new errors.InvalidRequest(
        value === undefined
          ? `aud is missing: it must be the FHIR base ${fhirBase}`
          : `aud must be the FHIR base ${fhirBase} (got ${value})`,
      );
    },

    scope(ctx: KoaContextWithOIDC) {
      const raw = rawParams(ctx);
      const requested = splitScope(String(raw.scope ?? ''));
      const params = ctx.oidc.params as Record<string, unknown>;
      const current = splitScope(params.scope as string | undefined);
      // OpenID Connect drops offline_access without prompt=consent; SMART apps never send it, yet mean it.
      if (requested.includes('offline_access') && !current.includes('offline_access')) current.push('offline_access');
      // From here on the request asks for what it can be granted: wildcards as each supported type, read and
      // search only, `launch` only with a launch. The consent page, the grant and the token response follow.
      const ehrLaunch = typeof raw.launch === 'string' && raw.launch !== '';
      const grantable = grantableScopes(current, resourceTypes, { ehrLaunch });
      params.scope = grantable.join(' ') || undefined;
      if (grantable.length === 0) {
        throw new errors.InvalidScope(
          `none of the requested scopes can be granted: request openid, fhirUser, launch/patient, offline_access and patient/<Type>.read or patient/<Type>.rs (or the same user/ scopes) for the supported types`,
          requested.join(' '),
        );
      }
    },

    async launch(ctx: KoaContextWithOIDC, value: string | undefined, client: Client) {
      if (value === undefined || value === '') return;
      const resolved = await config.launches(value, client.clientId);
      if (!resolved || resolved.clientId !== client.clientId) {
        throw markLaunchRefusal(
          new errors.InvalidRequest(
            'launch is unknown, expired, already used or created for another app: start a new launch from the sandbox',
          ),
        );
      }
      await contexts.saveLaunch(value, resolved, ttl.interaction);
      const { launchResolved } = runtime.hooks;
      if (launchResolved) await runHook(() => launchResolved(resolved), String(ctx.oidc.params?.scope ?? ''));
    },
  };
}

/** The interaction policy: oidc-provider's login and consent prompts plus SMART's patient binding. */
export function smartPolicy(runtime: Runtime): interactionPolicy.DefaultPolicy {
  const policy = interactionPolicy.base();
  const login = policy.get('login');
  if (!login) throw new Error('oidc-provider policy without a login prompt');
  login.checks.add(
    new Check('smart_launch_patient', 'the launch is for another patient than the signed-in one', async (ctx) => {
      const launch = await runtime.contexts.launch(ctx.oidc.params?.launch);
      if (!launch) return Check.NO_NEED_TO_PROMPT;
      return ctx.oidc.session?.accountId === launch.patientId ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  login.checks.add(
    new Check('smart_patient_pick', 'a standalone launch lets the member pick the patient', (ctx) => {
      if (ctx.oidc.params?.launch || !ctx.oidc.requestParamScopes.has('launch/patient')) return Check.NO_NEED_TO_PROMPT;
      return ctx.oidc.result?.login ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}

/**
 * Grants come from the consent step (its grantId), or, for a launch with skipConsent, are made here with every
 * supported requested scope; otherwise none, so the member is asked.
 */
export function loadExistingGrant(runtime: Runtime): (ctx: KoaContextWithOIDC) => Promise<Grant | undefined> {
  return async (ctx) => {
    const { provider, client } = ctx.oidc;
    const params = ctx.oidc.params ?? {};
    const consented = ctx.oidc.result?.consent?.grantId;
    if (consented) return provider.Grant.find(consented);
    const launch = await runtime.contexts.launch(params.launch);
    if (!launch?.skipConsent || !client || ctx.oidc.session?.accountId !== launch.patientId) return undefined;

    const scopes = grantableScopes(splitScope(params.scope as string | undefined), runtime.resourceTypes, {
      ehrLaunch: true,
    });
    const grant = new provider.Grant({ accountId: launch.patientId, clientId: client.clientId });
    const contextScopes = scopes.filter(isContextScope);
    const resources = resourceScopes(scopes, runtime.resourceTypes);
    if (contextScopes.length > 0) grant.addOIDCScope(contextScopes);
    if (resources.length > 0) grant.addResourceScope(runtime.fhirBase, resources);
    const grantId = await grant.save();
    await runtime.contexts.saveGrant(
      grantId,
      {
        clientId: client.clientId,
        accountId: launch.patientId,
        patientId: launch.patientId,
        launchId: launch.launchId,
        ...(launch.tags ? { tags: launch.tags } : {}),
      },
      runtime.ttl.grant,
    );
    runtime.emit({
      type: 'consent',
      status: 'ok',
      clientId: client.clientId,
      launchId: launch.launchId,
      grantId,
      patientId: launch.patientId,
      scopes,
      message: 'Consent skipped (the launch has skipConsent): every supported requested scope was granted.',
    });
    return grant;
  };
}
