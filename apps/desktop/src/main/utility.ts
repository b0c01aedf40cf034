import { utilityProcess } from 'electron';
import type { Logger } from '../host/logger.ts';
import type { ForkServer } from '../host/server-child.ts';

/**
 * The ForkServer of the desktop app: an Electron utility process (a Node.js child that Electron manages and
 * kills with the app) running the bundled server entry. Its stdout/stderr go to the log.
 */
export function utilityFork(entry: string, logger: Logger): ForkServer {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Plan API Sandbox server', stdio: 'pipe' });
    child.stdout?.on('data', (chunk: Buffer) => logger.info(`[server stdout] ${chunk.toString().trimEnd()}`));
    child.stderr?.on('data', (chunk: Buffer) => logger.warn(`[server stderr] ${chunk.toString().trimEnd()}`));
    child.on('error', (type, location) => logger.error(`The server process failed: ${type}`, { location }));
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => {
        child.kill();
      },
      get pid() {
        return child.pid;
      },
    };
  };
}
