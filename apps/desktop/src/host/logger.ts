import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

/** The desktop app's log: one line per event, in a file people can open from Help. */
export interface Logger {
  readonly file: string;
  info(message: string, details?: unknown): void;
  warn(message: string, details?: unknown): void;
  error(message: string, details?: unknown): void;
}

export interface FileLoggerOptions {
  file: string;
  /** The file is rotated before it would grow past this (default 2 MiB). */
  maxBytes?: number;
  /** Rotated files kept beside it: `<file>.1` (newest) to `<file>.<keep>` (default 3). */
  keep?: number;
  now?: () => Date;
  /** Also hands every line here (the console during development). */
  echo?: (line: string) => void;
}

/** One line is at most this long, so one huge detail cannot push everything else out of the capped file. */
export const MAX_LINE_CHARS = 16_384;

function detailsText(details: unknown): string {
  if (details === undefined) return '';
  if (details instanceof Error) return ` ${details.stack ?? `${details.name}: ${details.message}`}`;
  if (typeof details === 'string') return ` ${details}`;
  try {
    return ` ${JSON.stringify(details, (_key, value: unknown) =>
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
    )}`;
  } catch {
    return ' [details that cannot be shown as JSON]';
  }
}

/** `2026-06-30T12:00:00.000Z ERROR message details`, newlines kept inside one entry but capped in length. */
export function formatLogLine(time: Date, level: LogLevel, message: string, details?: unknown): string {
  const line = `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${detailsText(details)}`;
  const mark = ' [truncated]';
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - mark.length)}${mark}` : line;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * A logger that appends to `file` synchronously (a crash loses nothing written before it) and rotates it so the
 * log folder stays under about `maxBytes × (keep + 1)`. Logging never throws: a full disk must not take the app
 * down.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const { file } = options;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const keep = Math.max(0, options.keep ?? 3);
  const now = options.now ?? (() => new Date());
  let size: number | undefined;

  const rotate = (): void => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    if (keep > 0) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
    size = 0;
  };

  const write = (level: LogLevel, message: string, details?: unknown): void => {
    const line = `${formatLogLine(now(), level, message, details)}\n`;
    options.echo?.(line.trimEnd());
    try {
      if (size === undefined) {
        mkdirSync(dirname(file), { recursive: true });
        size = sizeOf(file);
      }
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line);
      size += bytes;
    } catch {
      size = undefined;
    }
  };

  return {
    file,
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  };
}
