import type { ServerConfig } from '../config.ts';
import type { ServerLogger } from '../logger.ts';
import { refusal } from './refusal.ts';
import { withCommandSession } from './session.ts';
import { parseCommand, UsageError } from './usage.ts';

const USAGE = 'pnpm server reviewer add --email E [--name N]';

/**
 * `pnpm server reviewer add --email E [--name N]`: creates a pending reviewer account and mails it a
 * set-password link (to `/review/set-password`). The reviewer signs in at `/review` once the password is set.
 */
export async function runReviewer(config: ServerConfig, logger: ServerLogger, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'add') throw new UsageError(`Unknown reviewer action "${action ?? ''}".\nUsage: ${USAGE}`);
  const { values } = parseCommand(rest, { email: { type: 'string' }, name: { type: 'string' } }, USAGE);
  if (values.email === undefined) throw new UsageError(`--email is required.\nUsage: ${USAGE}`);
  const email = values.email;
  const name = values.name ?? email.split('@')[0] ?? email;
  return withCommandSession(config, logger, async ({ accounts, publicUrl }) => {
    try {
      const account = await accounts.inviteAccount('reviewer', { email, name });
      console.log(
        `Invited reviewer ${account.email}: a set-password link was mailed ` +
          `(it works once, for 24 hours). Reviewers sign in at ${publicUrl}/review.`,
      );
      return 0;
    } catch (error) {
      throw refusal(error, 'No reviewer was added');
    }
  });
}
