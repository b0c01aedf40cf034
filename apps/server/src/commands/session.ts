import { localUrl } from '@plan-api/http';
import { loadTerminology } from '@plan-api/synthetic';
import type { Terminology } from '@plan-api/synthetic';
import { createServerAccounts } from '../accounts.ts';
import type { ServerConfig } from '../config.ts';
import type { ServerLogger } from '../logger.ts';
import { openServerMail } from '../mail.ts';
import type { ServerMail } from '../mail.ts';
import { openServerStores } from '../stores.ts';
import type { ServerStores } from '../stores.ts';
import type { AccountsPortal } from '@plan-api/portal';

/** What an admin command works with: the server's stores, its mail, its accounts and its public URL. */
export interface CommandSession {
  stores: ServerStores;
  mail: ServerMail;
  accounts: AccountsPortal;
  /** The URL the mail's links use (PLAN_API_PUBLIC_URL, else the address the server would listen on). */
  publicUrl: string;
  terminology(): Terminology;
}

/** Opens the server's stores and mail for one admin command, runs it, and closes everything even when it fails. */
export async function withCommandSession<T>(
  config: ServerConfig,
  logger: ServerLogger,
  run: (session: CommandSession) => Promise<T>,
): Promise<T> {
  const stores = await openServerStores({
    ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl, schema: config.databaseSchema } : {}),
    dataDir: config.dataDir,
  });
  const mail = openServerMail({ config, records: stores.records, logger });
  try {
    const publicUrl = (config.publicUrl ?? localUrl(config.host, config.port, config.tls !== undefined)).replace(
      /\/+$/,
      '',
    );
    const accounts = createServerAccounts({ records: stores.records, kv: stores.kv, mailer: mail.mailer, publicUrl });
    return await run({ stores, mail, accounts, publicUrl, terminology: () => loadTerminology(config.terminologyDir) });
  } finally {
    await mail.stop().catch(() => undefined);
    await stores.close();
  }
}
