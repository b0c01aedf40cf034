/**
 * `pnpm server [command]`: the plan's production server and its admin commands. Settings come from the
 * environment (config.ts); each command prints what it did and exits non-zero with a clear message on bad input.
 */
// First: keeps oidc-provider's Node.js 22 notice out of a runtime this project supports.
import '@plan-api/smart/quiet-runtime-warning';
import { ConfigError, loadServerConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { runMigrate } from './commands/migrate.ts';
import { runImport } from './commands/import.ts';
import { runMembers } from './commands/members.ts';
import { runReviewer } from './commands/reviewer.ts';
import { runStart } from './commands/start.ts';
import { UsageError } from './commands/usage.ts';

const HELP = `Usage: pnpm server [command]

Commands:
  (none), start          start the server (PORT, HOST, PLAN_API_PUBLIC_URL, PLAN_API_TLS_CERT and
                         PLAN_API_TLS_KEY, DATABASE_URL, SMTP_URL, ...)
  migrate                apply the database migrations (DATABASE_URL) and exit
  import FILE...         load members' records (FHIR NDJSON or Bundle JSON) into the plan's store
  reviewer add --email E [--name N]
                         invite a plan reviewer (a set-password link is mailed; they sign in at /review)
  members synthetic --count N [--seed S]
                         load N synthetic members (Patient, Coverage, EOBs, clinical data) for demos
  members invite --patient ID --email E [--name N]
                         invite the member of Patient ID (a set-password link is mailed)
  help                   show this

Settings (environment): see README.md, "Production server".`;

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return 0;
  }
  const config = loadServerConfig();
  const logger = createLogger(config.logFormat);
  switch (command) {
    case 'start':
      return runStart(config, logger, rest);
    case 'migrate':
      return runMigrate(config, logger, rest);
    case 'import':
      return runImport(config, logger, rest);
    case 'reviewer':
      return runReviewer(config, logger, rest);
    case 'members':
      return runMembers(config, logger, rest);
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(`pnpm server: ${error.message}`);
      process.exit(2);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        'pnpm server: the port is already in use. Stop what uses it or set another PORT (PORT=0 picks one).',
      );
      process.exit(1);
    }
    console.error('pnpm server failed:', error);
    process.exit(1);
  },
);
