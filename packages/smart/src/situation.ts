/**
 * Builds an ErrorSituation from an oidc-provider request context and error, for explanations shown on the
 * error page and written to the launch log.
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import { explain } from './explain.ts';
import { hookMessage } from './hook-errors.ts';
import type { ErrorSituation } from './explain.ts';
import type { Runtime } from './runtime.ts';

interface OAuthErrorFields {
  error?: unknown;
  error_description?: unknown;
  error_detail?: unknown;
  message?: unknown;
  expose?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

const LAUNCH_REFUSAL = Symbol('launch refused');

/** Marks the error of a `launch` value the resolver refused (it has no launch id to report). */
export function markLaunchRefusal<E extends object>(error: E): E {
  Object.defineProperty(error, LAUNCH_REFUSAL, { value: true });
  return error;
}

/** Whether an error is the refusal of a `launch` value. */
export function isLaunchRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && LAUNCH_REFUSAL in error;
}

/** The OAuth error code of an oidc-provider error (server_error for anything unexpected). */
export function errorCode(error: unknown): string {
  const fields = (error ?? {}) as OAuthErrorFields;
  return fields.expose === true ? (text(fields.error) ?? text(fields.message) ?? 'server_error') : 'server_error';
}

/** The request parameters oidc-provider parsed, or the raw query/body when it failed before parsing. */
export function requestParams(ctx: KoaContextWithOIDC): Record<string, unknown> {
  const parsed = ctx.oidc?.params as Record<string, unknown> | undefined;
  if (parsed) return parsed;
  const body = ctx.method === 'POST' ? (ctx.oidc?.body as Record<string, unknown> | undefined) : undefined;
  return body ?? (ctx.query as Record<string, unknown>);
}

/** The client id of an HTTP Basic header (never the secret), to attribute failed client authentication. */
export function basicClientId(ctx: KoaContextWithOIDC): string | undefined {
  const [scheme, value] = (ctx.get('authorization') || '').split(' ');
  if (scheme?.toLowerCase() !== 'basic' || !value) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

/** The situation of an error in this request. */
export function situationOf(ctx: KoaContextWithOIDC, error: unknown, runtime: Runtime): ErrorSituation {
  const fields = (error ?? {}) as OAuthErrorFields;
  const client = ctx.oidc?.client;
  const code = errorCode(error);
  const description = code === 'server_error' ? 'the server failed; try again' : text(fields.error_description);
  const detail = text(fields.error_detail);
  const clientId = client?.clientId ?? text(requestParams(ctx).client_id) ?? basicClientId(ctx);
  const fromHook = hookMessage(error);
  return {
    error: code,
    ...(fromHook !== undefined ? { hookMessage: fromHook } : {}),
    ...(clientId ? { clientId } : {}),
    ...(description ? { description } : {}),
    ...(detail ? { detail } : {}),
    params: requestParams(ctx),
    ...(client
      ? {
          client: {
            clientId: client.clientId,
            redirectUris: client.redirectUris ?? [],
            clientAuthMethod: client.clientAuthMethod ?? '',
          },
        }
      : {}),
    fhirBase: runtime.fhirBase,
  };
}

/** What to fix, for this request's error. */
export function explainFromContext(ctx: KoaContextWithOIDC, error: unknown, runtime: Runtime): string {
  return explain(situationOf(ctx, error, runtime));
}
