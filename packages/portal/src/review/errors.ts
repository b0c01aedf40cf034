import { PortalError, type PortalErrorCode } from '../types.ts';

/**
 * `request_decided` (409): the request or published app is no longer in the state the reviewer's action needs.
 */
export const REQUEST_DECIDED = 'request_decided' satisfies PortalErrorCode;

/** The 409 of an approval, rejection, suspension or reinstatement that the record's state refuses. */
export function requestDecided(message: string): PortalError {
  return new PortalError(REQUEST_DECIDED, message);
}
