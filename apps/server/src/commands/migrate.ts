import { migrate } from '@plan-api/store-postgres';
import type { ServerConfig } from '../config.ts';
import type { ServerLogger } from '../logger.ts';
import { sandboxSchema } from '../stores.ts';
import { parseCommand, UsageError } from './usage.ts';

/** `pnpm server migrate`: applies the migrations of both schemas alone (under the same advisory lock as a start). */
export async function runMigrate(config: ServerConfig, logger: ServerLogger, args: string[]): Promise<number> {
  parseCommand(args, {}, 'pnpm server migrate');
  if (config.databaseUrl === undefined) {
    throw new UsageError('migrate needs DATABASE_URL (the lowdb files of the embedded mode have no migrations).');
  }
  for (const schema of [config.databaseSchema, sandboxSchema(config.databaseSchema)]) {
    const report = await migrate({ connectionString: config.databaseUrl, schema });
    logger.info(
      report.applied.length === 0
        ? `Schema ${schema} is at version ${report.version}: nothing to apply.`
        : `Schema ${schema}: applied migration${report.applied.length === 1 ? '' : 's'} ${report.applied.join(', ')}; now at version ${report.version}.`,
    );
  }
  return 0;
}
