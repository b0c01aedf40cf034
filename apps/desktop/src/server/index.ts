/**
 * The desktop app's server entry, run in an Electron utility process: the same sandbox server as `pnpm sandbox`
 * (createSandboxServer), configured by the main process through a `start` message.
 */
// First: keeps oidc-provider's Node.js 22 notice out of a runtime this project supports.
import '@plan-api/smart/quiet-runtime-warning';
import { createSandboxServer } from '@plan-api/sandbox';
import { parentChannel } from './channel.ts';
import { runServerChild } from './run.ts';

runServerChild({ channel: parentChannel(), createServer: createSandboxServer, exit: (code) => process.exit(code) });
