import type { ServerConfig } from '../config.ts';
import type { ServerLogger } from '../logger.ts';
import { createPlanServer } from '../server.ts';
import type { StartedServer } from '../server.ts';
import { parseCommand } from './usage.ts';

/** What `pnpm server` prints once ready: where everything is, where mail goes, what to do next. */
export function startBanner(started: StartedServer, planName: string): string[] {
  const { url } = started;
  return [
    `${planName}: Plan API server is running at ${url}`,
    `  Member portal:             ${url}/`,
    `  Developer sandbox:         ${url}/developer/  (Vendor Enrollment to Sandbox: ${url}/developer/enroll)`,
    `  Review queue:              ${url}/review/`,
    `  Patient Access FHIR base:  ${url}/fhir  (approved apps; authorization server ${url}/auth)`,
    `  Sandbox FHIR base:         ${url}/sandbox/fhir`,
    `  Provider Directory base:   ${url}/directory/fhir`,
    `  JSON API:                  ${url}/api  (OpenAPI: ${url}/api/openapi.json)`,
    `  Probes:                    ${url}/health, ${url}/ready`,
    `  Storage:                   ${started.storage}`,
    `  Mail:                      ${started.mail}`,
    '  Add a reviewer:            pnpm server reviewer add --email you@plan.example',
    '  Demo members:              pnpm server members synthetic --count 10, then members invite --patient ID --email E',
  ];
}

/**
 * `pnpm server` / `pnpm server start`: starts the server, prints the banner, and on SIGTERM or SIGINT stops
 * taking connections, lets requests in flight finish, closes the stores and exits 0. Resolves -1: the process
 * lives on until a signal.
 */
export async function runStart(config: ServerConfig, logger: ServerLogger, args: string[]): Promise<number> {
  parseCommand(args, {}, 'pnpm server [start]');
  const server = createPlanServer(config, logger);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.error(`Received ${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`Received ${signal}: draining requests and stopping.`);
    server.stop().then(
      () => {
        logger.info('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('The server did not stop cleanly', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const started = await server.start();
  const lines = startBanner(started, config.planName);
  if (config.logFormat === 'text') console.log(lines.join('\n'));
  else logger.info('ready', { url: started.url, listenUrl: started.listenUrl, banner: lines });
  return -1;
}
