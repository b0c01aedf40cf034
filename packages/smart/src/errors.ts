/**
 * An error of the SMART layer with an HTTP status and an OAuth error code: 401 from verifyAccessToken,
 * 400 from interaction steps that cannot proceed.
 */
export class SmartAuthError extends Error {
  override readonly name = 'SmartAuthError';

  constructor(
    readonly status: number,
    /** OAuth error code (`invalid_token`, `invalid_request`, ...). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
