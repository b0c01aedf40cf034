/**
 * The interaction steps the pages drive: details of the pending step, the patient the member picked, the scopes
 * the member left ticked, and Deny. Each step ends with a 303 redirect back into the authorization.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { AuthServer, InteractionDetails } from './types.ts';
import type { Runtime } from './runtime.ts';
import { describeRequested } from './describe.ts';
import { consentedScopes, grantableScopes, isContextScope, resourceScopes, splitScope } from './scopes.ts';
import { SmartAuthError } from './errors.ts';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

const epoch = (): number => Math.floor(Date.now() / 1000);

function redirect303(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', '0');
  res.end();
}

function paramOf(interaction: Interaction, name: string): string | undefined {
  const value = interaction.params[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The account the interaction is for: the signed-in member, or the one picked at the login step. */
function accountOf(interaction: Interaction): string | undefined {
  const login = interaction.lastSubmission?.login as { accountId?: string } | undefined;
  return interaction.session?.accountId ?? login?.accountId;
}

/** The interaction helpers of the AuthServer. */
export function createInteractions(provider: Provider, runtime: Runtime): AuthServer['interactions'] {
  const { config, contexts, resourceTypes } = runtime;

  async function pending(req: IncomingMessage, res: ServerResponse, prompt: 'login' | 'consent') {
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.prompt.name !== prompt) {
      throw new SmartAuthError(
        400,
        'invalid_request',
        `This sign-in step is not waiting for ${prompt}; reload the page.`,
      );
    }
    const clientId = paramOf(interaction, 'client_id') ?? '';
    const launch = await contexts.launch(paramOf(interaction, 'launch'));
    return { interaction, clientId, launch };
  }

  async function finish(res: ServerResponse, interaction: Interaction): Promise<void> {
    await interaction.save(Math.max(interaction.exp - epoch(), 1));
    redirect303(res, interaction.returnTo);
  }

  return {
    async details(req, res) {
      const interaction = await provider.interactionDetails(req, res);
      const clientId = paramOf(interaction, 'client_id') ?? '';
      const client = await config.clients(clientId);
      if (!client)
        throw new SmartAuthError(400, 'invalid_client', 'The app of this sign-in request is no longer registered.');
      const requested = splitScope(paramOf(interaction, 'scope'));
      const launch = await contexts.launch(paramOf(interaction, 'launch'));
      const prompt = interaction.prompt.name === 'login' ? 'login' : 'consent';
      const signedIn = prompt === 'consent' ? accountOf(interaction) : undefined;
      const patientId =
        launch?.patientId ?? (signedIn !== undefined ? (await runtime.accounts(signedIn))?.patientId : undefined);
      return {
        uid: interaction.uid,
        prompt,
        client,
        requested: describeRequested(requested, resourceTypes, { ehrLaunch: launch !== undefined }),
        offlineAccess: requested.includes('offline_access'),
        ...(patientId ? { patientId } : {}),
        ...(launch ? { launchId: launch.launchId } : {}),
      } satisfies InteractionDetails;
    },

    async login(req, res, accountId) {
      const { interaction, clientId, launch } = await pending(req, res, 'login');
      if (launch && launch.patientId !== accountId) {
        throw new SmartAuthError(400, 'invalid_request', 'This launch is for another patient.');
      }
      const account = await runtime.accounts(accountId);
      if (!account) throw new SmartAuthError(400, 'invalid_request', 'This account is not known.');
      const previous = interaction.session;
      if (previous?.accountId && previous.accountId !== accountId) {
        // Another member is signed in in this browser: end that session so the authorization resumes as the
        // patient just picked, instead of oidc-provider's sign-out confirmation detour.
        const session = await provider.Session.findByUid(previous.uid);
        await session?.destroy();
        delete interaction.session;
      }
      interaction.result = { login: { accountId, remember: false } };
      runtime.emit({
        type: 'login',
        status: 'ok',
        clientId,
        patientId: account.patientId,
        ...(launch ? { launchId: launch.launchId } : {}),
        message: launch ? 'Signed in as the patient of the launch.' : 'The member picked the patient.',
      });
      await finish(res, interaction);
    },

    async consent(req, res, grantedScopes) {
      const { interaction, clientId, launch } = await pending(req, res, 'consent');
      const accountId = accountOf(interaction);
      const account = accountId ? await runtime.accounts(accountId) : undefined;
      if (!accountId || !account) {
        throw new SmartAuthError(400, 'invalid_request', 'Nobody is signed in for this request.');
      }
      const requested = splitScope(paramOf(interaction, 'scope'));
      const options = { ehrLaunch: launch !== undefined };
      const granted = consentedScopes(requested, grantedScopes, resourceTypes, options);
      const grant = new provider.Grant({ accountId, clientId });
      const contextScopes = granted.filter(isContextScope);
      const resources = resourceScopes(granted, resourceTypes);
      if (contextScopes.length > 0) grant.addOIDCScope(contextScopes);
      if (resources.length > 0) grant.addResourceScope(runtime.fhirBase, resources);
      const grantId = await grant.save();
      await contexts.saveGrant(
        grantId,
        {
          clientId,
          accountId,
          patientId: account.patientId,
          ...(launch ? { launchId: launch.launchId } : {}),
          ...(launch?.tags ? { tags: launch.tags } : {}),
        },
        runtime.ttl.grant,
      );
      // The authorization resumes with what was granted, so the code, tokens and `scope` all say exactly that.
      interaction.params.scope = granted.join(' ');
      interaction.result = { ...interaction.lastSubmission, consent: { grantId } };
      const declined = grantableScopes(requested, resourceTypes, options).filter((scope) => !granted.includes(scope));
      runtime.emit({
        type: 'consent',
        status: 'ok',
        clientId,
        grantId,
        patientId: account.patientId,
        scopes: granted,
        ...(launch ? { launchId: launch.launchId } : {}),
        message: declined.length
          ? `The member allowed access, without: ${declined.join(' ')}.`
          : 'The member allowed every requested permission.',
        ...(declined.length ? { details: { declined } } : {}),
      });
      await finish(res, interaction);
    },

    async deny(req, res) {
      const interaction = await provider.interactionDetails(req, res);
      const launch = await contexts.launch(paramOf(interaction, 'launch'));
      interaction.result = { error: 'access_denied', error_description: 'The member denied access to the app.' };
      runtime.emit({
        type: 'consent',
        status: 'error',
        clientId: paramOf(interaction, 'client_id') ?? '',
        ...(launch ? { launchId: launch.launchId } : {}),
        error: 'access_denied',
        message: 'The member denied access: the app receives error=access_denied.',
      });
      await finish(res, interaction);
    },
  };
}
