import { PortalError, type PortalErrorCode } from '../types.ts';

/**
 * `request_decided` (409): the request or published app is no longer in the state the reviewer's action needs.
 * The code joins PortalErrorCode with the vendor side of issue 11 (types.ts); until both branches are merged
 * the cast keeps this branch compiling, and it is the only place that names the code.
 */
export const REQUEST_DECIDED = 'request_decided' as string as PortalErrorCode;

/** The 409 of an approval, rejection, suspension or reinstatement that the record's state refuses. */
export function requestDecided(message: string): PortalError {
  return new PortalError(REQUEST_DECIDED, message);
}
