import type { RequestLogEntry } from '@plan-api/http';

/** The server's log: one line per event, JSON for log collectors or text for a person at a terminal. */
export interface ServerLogger {
  info(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
  /** One line per finished request. */
  request(entry: RequestLogEntry): void;
}

/** Error objects as JSON: name, message, code and the stack (for the operator's log only, never a client). */
function plain(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (details === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(details, (_key, value: unknown) =>
      value instanceof Error
        ? { name: value.name, message: value.message, code: (value as NodeJS.ErrnoException).code, stack: value.stack }
        : value,
    ),
  ) as Record<string, unknown>;
}

/** A logger writing lines to `out` (stdout) in the given format; `now` stamps them. */
export function createLogger(
  format: 'json' | 'text',
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  now: () => Date = () => new Date(),
): ServerLogger {
  const line = (level: 'info' | 'error', msg: string, details?: Record<string, unknown>) => {
    const time = now().toISOString();
    if (format === 'json') {
      out(JSON.stringify({ time, level, msg, ...plain(details) }));
      return;
    }
    const extra = details === undefined ? '' : ` ${JSON.stringify(plain(details))}`;
    out(`${time} ${level === 'error' ? 'ERROR ' : ''}${msg}${extra}`);
  };
  return {
    info: (message, details) => line('info', message, details),
    error: (message, details) => line('error', message, details),
    request: (entry) => {
      if (format === 'json') {
        out(JSON.stringify({ time: now().toISOString(), level: 'info', msg: 'request', ...entry }));
        return;
      }
      out(`${now().toISOString()} ${entry.method} ${entry.path} ${entry.status} ${entry.durationMs} ms ${entry.id}`);
    },
  };
}
