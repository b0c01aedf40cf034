/**
 * The desktop app's server entry, run in an Electron utility process: the same sandbox server as `pnpm sandbox`
 * (createSandboxServer), configured by the main process through a `start` message.
 */
import { createSandboxServer } from '@plan-api/sandbox';
import { parentChannel } from './channel.ts';
import { runServerChild } from './run.ts';

runServerChild({ channel: parentChannel(), createServer: createSandboxServer, exit: (code) => process.exit(code) });
