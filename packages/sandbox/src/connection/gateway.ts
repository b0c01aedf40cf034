import { PortalError } from '@plan-api/portal';
import type { AppRecord } from '@plan-api/portal';
import type { Connection } from './connection.ts';
import type { ConnectionRecord, PrivacyAttestation, ProductionGateway, ProductionStatus } from './model.ts';
import { callPlanServer, keyRefused, knownConflict, remoteError, serverUrlError, unexpectedAnswer } from './remote.ts';
import type { RemoteAnswer } from './remote.ts';

export interface HttpGatewayOptions {
  connection: Pick<Connection, 'current'>;
  /** How long to wait for the plan server (default 10 seconds). */
  timeoutMs?: number;
}

const STATES: readonly string[] = ['draft', 'pending', 'approved', 'rejected', 'suspended'];

/** The app's fields as the plan server's `POST /api/production-requests` takes them: with its client ID and secret. */
export function productionRequestApp(app: AppRecord): Record<string, unknown> {
  return {
    name: app.name,
    oauthType: app.oauthType,
    jwksUri: app.jwksUri,
    jwks: app.jwks,
    redirectUris: app.redirectUris,
    launchUrl: app.launchUrl,
    logoUrl: app.logoUrl,
    organizationName: app.organizationName,
    organizationUrl: app.organizationUrl,
    privacyPolicyUrl: app.privacyPolicyUrl,
    securityPolicyUrl: app.securityPolicyUrl,
    termsOfServiceUrl: app.termsOfServiceUrl,
    description: app.description,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
  };
}

/** A ProductionStatus from the server's JSON, or undefined when it is not one. */
function productionStatus(value: unknown): ProductionStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = (value as { state?: unknown }).state;
  return typeof state === 'string' && STATES.includes(state) ? (value as ProductionStatus) : undefined;
}

/** The `app` of the server's app view (`{app: {id, productionRequest}}` or the view itself). */
function appOf(body: unknown, wrapped: boolean): { id: string; status: ProductionStatus } | undefined {
  const view = wrapped ? (body as { app?: unknown } | undefined)?.app : body;
  if (typeof view !== 'object' || view === null) return undefined;
  const { id, productionRequest } = view as { id?: unknown; productionRequest?: unknown };
  const status = productionStatus(productionRequest);
  return typeof id === 'string' && id !== '' && status ? { id, status } : undefined;
}

/** The PortalError of a refusal of the plan server (anything but the success the caller expected). */
function refusal(serverUrl: string, what: string, answer: RemoteAnswer): PortalError {
  const error = remoteError(answer.body);
  if (answer.status === 401) return keyRefused();
  if (answer.status === 400 && error.error === 'validation_failed') {
    return new PortalError(
      'validation_failed',
      error.message ?? 'The plan server refused the request; check the fields.',
      error.fields ?? {},
    );
  }
  if (answer.status === 409) {
    const code = knownConflict(error.error);
    if (code !== undefined) {
      return new PortalError(code, error.message ?? `The plan server refused the request (${code}).`, error.fields);
    }
  }
  if (answer.status === 429 && error.error === 'rate_limited') {
    return new PortalError('rate_limited', error.message ?? 'The plan server asks to wait; try again later.');
  }
  return serverUrlError(unexpectedAnswer(serverUrl, what, answer));
}

/**
 * The production gateway of a connected desktop/headless sandbox: sends production requests to the plan server
 * it is connected to (`POST <serverUrl>/api/production-requests`, the vendor's API key as a bearer token) and
 * follows their status (`GET <serverUrl>/api/apps/{id}`). The connection is read at each call, so connecting
 * and disconnecting take effect at once.
 */
export function createHttpProductionGateway(options: HttpGatewayOptions): ProductionGateway {
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  const connected = async (): Promise<ConnectionRecord> => {
    const record = await options.connection.current();
    if (record === undefined) {
      throw new PortalError(
        'validation_failed',
        'The sandbox is not connected to a plan server: connect it in Settings ("Connect to a plan server").',
      );
    }
    return record;
  };

  return {
    async connection() {
      const record = await options.connection.current();
      return record === undefined ? undefined : { serverUrl: record.serverUrl };
    },

    async send(app: AppRecord, input: { attestation: PrivacyAttestation; notes?: string }) {
      const { serverUrl, apiKey } = await connected();
      const answer = await callPlanServer(serverUrl, apiKey, {
        method: 'POST',
        path: '/production-requests',
        body: {
          app: productionRequestApp(app),
          attestation: input.attestation,
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
        },
        ...timeout,
      });
      const what = 'POST /api/production-requests';
      if (answer.status !== 201 && answer.status !== 200) throw refusal(serverUrl, what, answer);
      const sent = appOf(answer.body, true);
      if (sent === undefined) {
        throw serverUrlError(`The server at ${serverUrl} accepted the request but did not answer with the app.`);
      }
      return { appId: sent.id, status: sent.status };
    },

    async status(appId: string) {
      const { serverUrl, apiKey } = await connected();
      const what = `GET /api/apps/${appId}`;
      const answer = await callPlanServer(serverUrl, apiKey, {
        method: 'GET',
        path: `/apps/${encodeURIComponent(appId)}`,
        ...timeout,
      });
      if (answer.status === 404) {
        throw new PortalError(
          'not_found',
          `The plan server at ${serverUrl} has no app ${appId} of this vendor (was it deleted there, or is the key another vendor's?).`,
        );
      }
      if (answer.status !== 200) throw refusal(serverUrl, what, answer);
      const app = appOf(answer.body, false);
      if (app === undefined) {
        throw serverUrlError(`The server at ${serverUrl} answered ${what} without the app's production status.`);
      }
      return app.status;
    },
  };
}
