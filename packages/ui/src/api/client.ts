import type { ApiErrorBody } from './types.ts';

/** An error answer of the management API (or a network failure, status 0), with the fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** How long to wait before trying again (a 429's Retry-After), in seconds. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** True for the 401 the API answers without a session: the UI then shows the sign-in card. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * True when a 401 means the session is gone (none, expired, signed out elsewhere). A 401 `invalid_credentials`
 * is a wrong email or password typed into a form (sign in, change password): the form shows it, the session stays.
 */
export function isSessionLost(error: unknown): boolean {
  return isUnauthorized(error) && (error as ApiError).code !== 'invalid_credentials';
}

/** True for a 429: too many attempts; `retryAfterSeconds` says how long to wait when the server said. */
export function isRateLimited(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 429;
}

/**
 * The seconds a Retry-After header asks for: delay-seconds or an HTTP date (RFC 9110 10.2.3); undefined when
 * absent or unreadable. A date in the past is 0.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date names its weekday and month; without letters, Date.parse reads "-5" as a year.
  const at = /[A-Za-z]/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.error === 'string' && typeof v.message === 'string';
}

function stringFields(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(value)) if (typeof message === 'string') out[key] = message;
  return out;
}

/** Builds the ApiError of a non-2xx response from its JSON body (or its status when the body is not ours). */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isErrorBody(body))
    return new ApiError(response.status, body.error, body.message, stringFields(body.fields), retryAfter);
  const text = response.statusText ? `${response.status} ${response.statusText}` : String(response.status);
  return new ApiError(response.status, 'http_error', `The sandbox answered ${text}.`, {}, retryAfter);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Accept header (default JSON). */
  accept?: string;
}

/**
 * Calls the management API at `/api<path>` with the session cookie. Mutations carry `X-Requested-With`
 * (the sandbox's CSRF rule). Resolves to the parsed JSON (undefined for 204); rejects with ApiError.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (MUTATING.has(method)) headers['X-Requested-With'] = 'plan-api';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'The sandbox server cannot be reached. Is `pnpm sandbox` running?');
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
