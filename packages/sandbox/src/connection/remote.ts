import { PortalError } from '@plan-api/portal';
import type { PortalErrorCode } from '@plan-api/portal';

/** How long the sandbox waits for the plan server (connecting, sending, following a request). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** What the plan server answered. */
export interface RemoteAnswer {
  status: number;
  /** The parsed JSON body, or undefined (empty or not JSON). */
  body: unknown;
  /** A redirect's target (redirects are not followed: the key must not go elsewhere). */
  location?: string;
}

/** The plan server's error body (`{error, message, fields}`), as far as it has one. */
export interface RemoteError {
  error?: string;
  message?: string;
  fields?: Record<string, string>;
}

/** The message of a server that cannot be reached (field `serverUrl`). */
export function unreachableMessage(serverUrl: string, reason: string): string {
  return `Could not reach ${serverUrl}: ${reason}. Check the address and that the server is running.`;
}

/** The message of a key the server refused (field `apiKey`). */
export const KEY_REFUSED =
  "The server refused this API key: make one on your account page of the plan's developer area.";

/** Why a fetch failed, in words (the cause's code where Node gives one). */
function failureReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} seconds`;
  }
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  const words: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'the host name could not be resolved',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
  };
  if (typeof code === 'string') return words[code] ? `${words[code]} (${code})` : code;
  if (cause instanceof Error && cause.message !== '') return cause.message;
  return error instanceof Error && error.message !== '' ? error.message : 'the request failed';
}

/**
 * One call of the plan server's JSON API: `<serverUrl>/api<path>` with the vendor's key as a bearer token, a
 * JSON body when there is one, a timeout, and no redirects followed. A server that cannot be reached is a
 * PortalError validation_failed on `serverUrl`. The key is never logged nor put in an error.
 */
export async function callPlanServer(
  serverUrl: string,
  apiKey: string,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; timeoutMs?: number },
): Promise<RemoteAnswer> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${serverUrl}/api${request.path}`, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${apiKey}`,
        Accept: 'application/json',
        ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (error) {
    throw serverUrlError(unreachableMessage(serverUrl, failureReason(error, timeoutMs)));
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  const location = res.headers.get('location');
  return { status: res.status, body, ...(location !== null ? { location } : {}) };
}

/** The `{error, message, fields}` of an answer's body (only the parts that have the right types). */
export function remoteError(body: unknown): RemoteError {
  if (typeof body !== 'object' || body === null) return {};
  const b = body as Record<string, unknown>;
  const out: RemoteError = {};
  if (typeof b.error === 'string') out.error = b.error;
  if (typeof b.message === 'string') out.message = b.message;
  if (typeof b.fields === 'object' && b.fields !== null && !Array.isArray(b.fields)) {
    const fields = Object.entries(b.fields as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    if (fields.length > 0) out.fields = Object.fromEntries(fields);
  }
  return out;
}

/** A sentence on an answer the sandbox did not expect (status, the server's message, a redirect's target). */
export function unexpectedAnswer(serverUrl: string, what: string, answer: RemoteAnswer): string {
  const { message } = remoteError(answer.body);
  const detail =
    answer.location !== undefined
      ? ` (a redirect to ${answer.location}: use that address)`
      : message !== undefined
        ? `: ${message.slice(0, 300)}`
        : '';
  return `The server at ${serverUrl} answered HTTP ${answer.status} to ${what}${detail}. Check that the address is the plan server's.`;
}

/** A PortalError validation_failed on `serverUrl` with this message. */
export function serverUrlError(message: string): PortalError {
  return new PortalError('validation_failed', message, { serverUrl: message });
}

/** A PortalError validation_failed on `apiKey`: the server refused the key (401). */
export function keyRefused(): PortalError {
  return new PortalError('validation_failed', KEY_REFUSED, { apiKey: KEY_REFUSED });
}

/**
 * The portal error codes a plan server's 409 may carry that the sandbox passes on as they are. Exhaustive over
 * PortalErrorCode on purpose: a new code must be placed here (true = a conflict of the request's state).
 */
const PASSED_ON_CONFLICTS: Record<PortalErrorCode, boolean> = {
  validation_failed: false,
  not_found: false,
  patient_exists: true,
  production_request_pending: true,
  production_unchanged: true,
  request_decided: true,
  client_id_taken: true,
  invalid_credentials: false,
  rate_limited: false,
  link_invalid: false,
  account_exists: true,
  too_many_api_keys: true,
  grant_gone: false,
};

/** The server's 409 code when the sandbox knows it as a conflict code, else undefined. */
export function knownConflict(code: string | undefined): PortalErrorCode | undefined {
  if (code === undefined || !Object.hasOwn(PASSED_ON_CONFLICTS, code)) return undefined;
  return PASSED_ON_CONFLICTS[code as PortalErrorCode] ? (code as PortalErrorCode) : undefined;
}
