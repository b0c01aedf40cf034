import type { SandboxLogger, SandboxServer, SandboxServerConfig } from '@plan-api/sandbox';
import { parseHostMessage } from '../host/protocol.ts';
import type { ServerStartConfig } from '../host/protocol.ts';
import type { ParentChannel } from './channel.ts';

/** Details as one line of JSON; Error objects keep their name, message, code and stack. */
export function detailsText(details: Record<string, unknown> | undefined): string | undefined {
  if (details === undefined) return undefined;
  try {
    return JSON.stringify(details, (_key, value: unknown) =>
      value instanceof Error
        ? { name: value.name, message: value.message, code: (value as NodeJS.ErrnoException).code, stack: value.stack }
        : value,
    );
  } catch {
    return '[details that cannot be shown as JSON]';
  }
}

/** A SandboxLogger that hands every line to the main process (which writes the desktop log file). */
export function channelLogger(channel: ParentChannel): SandboxLogger {
  const log = (level: 'info' | 'error', message: string, details?: Record<string, unknown>): void => {
    const text = detailsText(details);
    channel.send(text === undefined ? { type: 'log', level, message } : { type: 'log', level, message, details: text });
  };
  return { info: (message, details) => log('info', message, details), error: (m, d) => log('error', m, d) };
}

/** The sandbox server's settings from the host's start message. */
export function sandboxConfig(config: ServerStartConfig, logger: SandboxLogger): SandboxServerConfig {
  return {
    dataDir: config.dataDir,
    host: config.host,
    port: config.port,
    managementToken: config.token,
    tokenHint: config.tokenHint,
    uiDir: config.uiDir,
    terminologyDir: config.terminologyDir,
    logger,
    ...(config.directorySize !== undefined ? { directorySize: config.directorySize } : {}),
  };
}

export interface ServerChildDeps {
  channel: ParentChannel;
  createServer: (config: SandboxServerConfig) => SandboxServer;
  exit: (code: number) => void;
}

/**
 * The server child's life: waits for `start` (once), starts the same sandbox server as `pnpm sandbox`, says
 * `ready` with its URL or `failed` (then exits 1); on `stop` or when the parent goes away, stops cleanly and
 * exits 0.
 */
export function runServerChild(deps: ServerChildDeps): void {
  const { channel } = deps;
  let server: SandboxServer | undefined;
  let stopping = false;

  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const done = server ? server.stop() : Promise.resolve();
    done.then(
      () => {
        channel.send({ type: 'stopped' });
        deps.exit(0);
      },
      (error: unknown) => {
        channel.send({
          type: 'log',
          level: 'error',
          message: 'The sandbox did not stop cleanly',
          details: String(error),
        });
        deps.exit(1);
      },
    );
  };

  channel.onDisconnect(stop);
  channel.onMessage((raw) => {
    const message = parseHostMessage(raw);
    if (message === undefined) return;
    if (message.type === 'stop') {
      stop();
      return;
    }
    if (server || stopping) return;
    const logger = channelLogger(channel);
    server = deps.createServer(sandboxConfig(message.config, logger));
    server.start().then(
      ({ url }) => channel.send({ type: 'ready', url }),
      (error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        const text = error instanceof Error ? error.message : String(error);
        channel.send(code === undefined ? { type: 'failed', message: text } : { type: 'failed', message: text, code });
        deps.exit(1);
      },
    );
  });
}
