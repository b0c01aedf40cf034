import { fork } from 'node:child_process';
import type { ForkServer } from './server-child.ts';

/**
 * A ForkServer on Node's child_process (IPC channel): runs the server entry without Electron, as the tests do.
 * `execArgv` e.g. `['--import', 'tsx']` to run the TypeScript entry.
 */
export function nodeFork(entry: string, options: { execArgv?: string[]; cwd?: string } = {}): ForkServer {
  return () => {
    const child = fork(entry, [], {
      execArgv: options.execArgv ?? [],
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    // Unread stderr would fill its pipe and block the child: keep the tail for failures.
    child.stderr?.resume();
    return {
      postMessage: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code)),
      kill: () => {
        child.kill('SIGKILL');
      },
      get pid() {
        return child.pid;
      },
    };
  };
}
