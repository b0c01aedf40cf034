/**
 * The messages between the desktop's main process and the sandbox server it runs in a child (an Electron utility
 * process, or a Node child process in tests). The token travels in a message, not in argv or the environment,
 * so no other process can read it from the process table.
 */

/** What the server child needs to start: all of it decided by the main process. */
export interface ServerStartConfig {
  host: string;
  /** 0 = any free port. */
  port: number;
  dataDir: string;
  token: string;
  /** Where the token is kept, for the sign-in page's hint. */
  tokenHint: string;
  /** The built web UI (packages/ui/dist, or the packaged copy). */
  uiDir: string;
  /** resources/terminology (or the packaged copy), read by the synthetic data generator. */
  terminologyDir: string;
  /** Approximate size of the synthetic provider directory (default: the sandbox's own default). */
  directorySize?: number;
}

export type HostToServer = { type: 'start'; config: ServerStartConfig } | { type: 'stop' };

export type ServerToHost =
  | { type: 'ready'; url: string }
  /** `code` is the Node error code when there is one (EADDRINUSE: the port was taken). */
  | { type: 'failed'; message: string; code?: string }
  | { type: 'log'; level: 'info' | 'error'; message: string; details?: string }
  | { type: 'stopped' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): value is string | undefined =>
  value === undefined || typeof value === 'string';

/** The child's message, or undefined for anything that is not one (a child must not crash its host). */
export function parseServerMessage(value: unknown): ServerToHost | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
      return typeof value.url === 'string' && /^https?:\/\//.test(value.url)
        ? { type: 'ready', url: value.url }
        : undefined;
    case 'failed':
      if (typeof value.message !== 'string' || !optionalString(value.code)) return undefined;
      return value.code === undefined
        ? { type: 'failed', message: value.message }
        : { type: 'failed', message: value.message, code: value.code };
    case 'log':
      if ((value.level !== 'info' && value.level !== 'error') || typeof value.message !== 'string') return undefined;
      if (!optionalString(value.details)) return undefined;
      return value.details === undefined
        ? { type: 'log', level: value.level, message: value.message }
        : { type: 'log', level: value.level, message: value.message, details: value.details };
    case 'stopped':
      return { type: 'stopped' };
    default:
      return undefined;
  }
}

/** The host's message, or undefined for anything else. */
export function parseHostMessage(value: unknown): HostToServer | undefined {
  if (!isRecord(value)) return undefined;
  if (value.type === 'stop') return { type: 'stop' };
  if (value.type !== 'start' || !isRecord(value.config)) return undefined;
  const c = value.config;
  const strings = ['host', 'dataDir', 'token', 'tokenHint', 'uiDir', 'terminologyDir'] as const;
  if (strings.some((key) => typeof c[key] !== 'string' || c[key] === '')) return undefined;
  if (typeof c.port !== 'number' || !Number.isInteger(c.port) || c.port < 0 || c.port > 65535) return undefined;
  if (c.directorySize !== undefined && (typeof c.directorySize !== 'number' || c.directorySize < 1)) return undefined;
  return { type: 'start', config: c as unknown as ServerStartConfig };
}
