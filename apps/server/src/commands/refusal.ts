import { PortalError } from '@plan-api/portal';
import { UsageError } from './usage.ts';

/** A portal refusal (bad input, an account that exists) as a command-line message: what is wrong, field by field. */
export function refusal(error: unknown, what: string): unknown {
  if (!(error instanceof PortalError)) return error;
  const fields = Object.entries(error.fields).map(([field, message]) => `  ${field}: ${message}`);
  return new UsageError([`${what}: ${error.message}`, ...fields].join('\n'));
}
