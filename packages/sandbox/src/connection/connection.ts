import { PortalError } from '@plan-api/portal';
import type { RecordStore } from '@plan-api/store';
import { CONNECTION_ID, SETTINGS_COLLECTION } from './model.ts';
import type { ConnectedAccount, ConnectionRecord, ConnectionView } from './model.ts';
import { callPlanServer, keyRefused, serverUrlError, unexpectedAnswer } from './remote.ts';

export interface ConnectionOptions {
  /** The sandbox's records: the setting is one record of the `settings` collection. */
  records: RecordStore;
  /** The time source (tests pin it). */
  now?: () => Date;
  /** How long to wait for the plan server (default 10 seconds). */
  timeoutMs?: number;
}

/** The desktop/headless sandbox's connection to a plan server (DESIGN.md "Flows": desktop to production). */
export interface Connection {
  /** The connection as the UI sees it (never the key). */
  get(): Promise<ConnectionView>;
  /**
   * Checks the server URL and the key (`GET <serverUrl>/api/session` with the key as a bearer token must answer
   * a vendor's session), then stores them. Throws PortalError validation_failed with `serverUrl` or `apiKey`.
   */
  connect(input: unknown): Promise<ConnectionView>;
  /** Forgets the server and the key (unconnected: production requests go to the outbox again). */
  disconnect(): Promise<void>;
  /** The stored setting, key included: for the production gateway only. */
  current(): Promise<ConnectionRecord | undefined>;
}

const API_KEY = /^pak_[A-Za-z0-9_-]{8,}$/;

/** The view of a stored setting (never the key). */
export function connectionView(record: ConnectionRecord | undefined): ConnectionView {
  if (record === undefined) return { connected: false };
  return { connected: true, serverUrl: record.serverUrl, account: record.account, connectedAt: record.connectedAt };
}

/**
 * A server URL as the sandbox keeps it: an absolute http(s) URL without credentials, query or fragment, and
 * without a trailing slash. Returns the normalized URL or a message for the `serverUrl` field.
 */
export function normalizeServerUrl(value: unknown): { url: string } | { error: string } {
  if (typeof value !== 'string' || value.trim() === '') {
    return { error: "Enter the plan server's address, e.g. https://developer.example-plan.com." };
  }
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: `"${text.slice(0, 200)}" is not an absolute URL: write it as https://host (or http://host:port).` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: 'The server URL must start with https:// (or http:// for a server on this computer or network).' };
  }
  if (url.username !== '' || url.password !== '') {
    return { error: 'Leave the user name and password out of the server URL; the API key is the credential.' };
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return { error: 'The server URL has no query (?...) or fragment (#...): use the address the server is at.' };
  }
  return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/** The `account` of a vendor session answer, or undefined when the body is not one. */
function vendorAccount(body: unknown): ConnectedAccount | 'not_vendor' | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { kind, account } = body as { kind?: unknown; account?: unknown };
  if (typeof account !== 'object' || account === null) return undefined;
  const a = account as Record<string, unknown>;
  if (typeof a.email !== 'string') return undefined;
  if (kind !== 'vendor') return 'not_vendor';
  return {
    name: typeof a.name === 'string' ? a.name : a.email,
    email: a.email,
    ...(typeof a.organizationName === 'string' && a.organizationName !== ''
      ? { organizationName: a.organizationName }
      : {}),
  };
}

/** The connection setting over the sandbox's RecordStore. */
export function createConnection(options: ConnectionOptions): Connection {
  const settings = options.records.collection<ConnectionRecord>(SETTINGS_COLLECTION);
  const now = options.now ?? (() => new Date());
  const current = () => settings.get(CONNECTION_ID);

  return {
    current,
    get: async () => connectionView(await current()),

    async connect(input) {
      const body = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
      const fields: Record<string, string> = {};
      const server = normalizeServerUrl(body.serverUrl);
      if ('error' in server) fields.serverUrl = server.error;
      const apiKey = typeof body.apiKey === 'string' ? body.apiKey.trim() : '';
      if (apiKey === '') {
        fields.apiKey = "Enter an API key: make one on your account page of the plan's developer area.";
      } else if (!API_KEY.test(apiKey)) {
        fields.apiKey =
          "That is not an API key: a key starts with pak_ (make one on your account page of the plan's developer area).";
      }
      if (!('url' in server) || Object.keys(fields).length > 0) {
        throw new PortalError('validation_failed', 'Check the server URL and the API key.', fields);
      }
      const serverUrl = server.url;
      const answer = await callPlanServer(serverUrl, apiKey, {
        method: 'GET',
        path: '/session',
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      });
      if (answer.status === 401) throw keyRefused();
      if (answer.status !== 200) throw serverUrlError(unexpectedAnswer(serverUrl, 'GET /api/session', answer));
      const account = vendorAccount(answer.body);
      if (account === 'not_vendor') {
        const message = "This key is not a vendor's: make one on your account page of the plan's developer area.";
        throw new PortalError('validation_failed', message, { apiKey: message });
      }
      if (account === undefined) {
        throw serverUrlError(
          `The server at ${serverUrl} answered GET /api/session, but not as a plan server does. Check the address.`,
        );
      }
      const record: ConnectionRecord = {
        id: CONNECTION_ID,
        serverUrl,
        apiKey,
        account,
        connectedAt: now().toISOString(),
      };
      await settings.put(record);
      return connectionView(record);
    },

    async disconnect() {
      await settings.delete(CONNECTION_ID);
    },
  };
}
