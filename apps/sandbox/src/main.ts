/**
 * `pnpm sandbox`: the headless sandbox, the same server the desktop app embeds, without a window.
 * Settings come from the environment (see config.ts); SIGTERM or SIGINT stops it cleanly (exit 0).
 */
// First: keeps oidc-provider's Node.js 22 notice out of a runtime this project supports.
import '@plan-api/smart/quiet-runtime-warning';
import { createSandboxServer } from '@plan-api/sandbox';
import type { SandboxServer } from '@plan-api/sandbox';
import { ConfigError, loadSandboxConfig } from './config.ts';
import { startBanner } from './banner.ts';

async function main(): Promise<void> {
  const config = await loadSandboxConfig();
  const sandbox: SandboxServer = createSandboxServer({
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    publicUrl: config.publicUrl,
    managementToken: config.token,
    uiDir: config.uiDir,
    terminologyDir: config.terminologyDir,
    supportedTypes: config.supportedTypes,
    requirePkce: config.requirePkce,
    tokenHint:
      config.tokenSource.kind === 'env'
        ? 'the PLAN_API_SANDBOX_TOKEN the sandbox was started with'
        : `in the file ${config.tokenSource.path}`,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`Received ${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`Received ${signal}: stopping the sandbox...`);
    sandbox.stop().then(
      () => {
        console.log('Sandbox stopped.');
        process.exit(0);
      },
      (err: unknown) => {
        console.error('The sandbox did not stop cleanly:', err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  const { url } = await sandbox.start();
  console.log(startBanner({ url, config }));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`Cannot start the sandbox: ${err.message}`);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `Cannot start the sandbox: the port is already in use. Stop what uses it or set another PORT (PORT=0 picks a free one).`,
    );
  } else {
    console.error('Cannot start the sandbox:', err);
  }
  process.exit(1);
});
