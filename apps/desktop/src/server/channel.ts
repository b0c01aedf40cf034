import type { ServerToHost } from '../host/protocol.ts';

/** The server child's line to the main process. */
export interface ParentChannel {
  send(message: ServerToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called when the parent goes away (a Node parent's IPC channel closes; Electron kills utility processes). */
  onDisconnect(listener: () => void): void;
}

/** Electron's `process.parentPort` in a utility process (not typed by @types/node). */
interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * The channel to whoever started this process: Electron's `process.parentPort` in a utility process, or Node's
 * IPC (`process.send`) when a Node parent forked it (the tests do, to run the real entry without Electron).
 */
export function parentChannel(proc: NodeJS.Process = process): ParentChannel {
  const parentPort = (proc as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      onDisconnect: () => undefined,
    };
  }
  if (typeof proc.send === 'function') {
    return {
      send: (message) => {
        if (proc.connected) proc.send?.(message);
      },
      onMessage: (listener) => proc.on('message', listener),
      onDisconnect: (listener) => proc.once('disconnect', listener),
    };
  }
  throw new Error('This is the desktop app server entry: start it from the desktop app (or a Node fork with IPC).');
}
