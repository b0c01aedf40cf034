/**
 * A hook's AuthHookError as the oidc-provider error of the same OAuth code, marked so the launch log and the
 * error page show the hook's own words rather than advice for a real failure of that kind.
 */
import { errors } from 'oidc-provider';
import { AuthHookError } from './types.ts';

const HOOK_FAILURE = Symbol('hook failure');

function toOidcError(error: AuthHookError, scope: string): Error {
  switch (error.error) {
    case 'access_denied':
      return new errors.AccessDenied(error.message);
    case 'invalid_scope':
      return new errors.InvalidScope(error.message, scope);
    case 'invalid_client':
      return new errors.InvalidClientAuth(error.message);
    case 'invalid_grant':
      return new errors.InvalidGrant(error.message);
    default:
      return new errors.InvalidRequest(error.message);
  }
}

/** Runs a hook; an AuthHookError it throws becomes the marked oidc-provider error (anything else is rethrown). */
export async function runHook(hook: () => void | Promise<void>, scope = ''): Promise<void> {
  try {
    await hook();
  } catch (error) {
    if (!(error instanceof AuthHookError)) throw error;
    const failure = toOidcError(error, scope);
    Object.defineProperty(failure, HOOK_FAILURE, { value: error.message });
    throw failure;
  }
}

/** The hook's own message when an error came from a hook. */
export function hookMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !(HOOK_FAILURE in error)) return undefined;
  return (error as { [HOOK_FAILURE]: string })[HOOK_FAILURE];
}
