import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createOutboxMailer, createSmtpMailer } from '@plan-api/mail';
import type { Mailer } from '@plan-api/mail';
import type { RecordStore } from '@plan-api/store';
import type { ServerConfig } from './config.ts';
import type { ServerLogger } from './logger.ts';

/** A URL with its password (and user) masked, for the banner and logs. */
function maskedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = '***';
    parsed.password = '';
  }
  return parsed.href.replace(/\/$/, '');
}

/** The server's mail: the mailer the portal sends through, and what the banner says about it. */
export interface ServerMail {
  mailer: Mailer;
  /** Where mail goes, for the banner. */
  describe: string;
  /** Starts the delivery of mail that waits for a retry. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * With SMTP_URL, mail goes through the SMTP relay: kept in the outbox first, delivered at once, retried with
 * backoff while the relay cannot be reached (every process helps, none sends a message twice). Without it (trying
 * the server out), mail is kept in the outbox and each message is also written to `<data dir>/mail/<id>.eml`
 * (mode 0600: it holds single-use links) so the operator can open it.
 */
export function openServerMail(options: {
  config: ServerConfig;
  records: RecordStore;
  logger: ServerLogger;
}): ServerMail {
  const { config, records, logger } = options;
  const from = config.mailFrom ?? `${config.planName} <no-reply@plan-api.invalid>`;
  if (config.smtpUrl !== undefined) {
    const smtp = createSmtpMailer({ url: config.smtpUrl, from, planName: config.planName, records, logger });
    return {
      mailer: smtp,
      describe: `sent through ${maskedUrl(config.smtpUrl)} (kept in the outbox and retried while it cannot be reached)`,
      start: () => smtp.start(),
      stop: () => smtp.stop(),
    };
  }
  const dir = join(config.dataDir, 'mail');
  const outbox = createOutboxMailer({ records, from, planName: config.planName });
  return {
    mailer: {
      async send(message) {
        const sent = await outbox.send(message);
        const kept = await outbox.get(sent.id);
        if (kept) {
          await mkdir(dir, { recursive: true, mode: 0o700 });
          const file = join(dir, `${sent.id}.eml`);
          await writeFile(file, kept.raw, { mode: 0o600 });
          await chmod(file, 0o600);
          logger.info('Mail kept, not sent (SMTP_URL is not set)', { file, subject: kept.subject });
        }
        return sent;
      },
    },
    describe: `not sent (SMTP_URL is not set): each message is written to ${dir}`,
    start: () => undefined,
    stop: () => Promise.resolve(),
  };
}
