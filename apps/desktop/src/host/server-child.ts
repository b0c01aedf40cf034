import type { HostToServer } from './protocol.ts';

/** A started server process, whatever started it (Electron's utilityProcess, Node's child_process). */
export interface ServerChild {
  postMessage(message: HostToServer): void;
  onMessage(listener: (message: unknown) => void): void;
  /** `code` is null when the process was killed by a signal. */
  onExit(listener: (code: number | null) => void): void;
  /** Ends the process at once. */
  kill(): void;
  readonly pid?: number | undefined;
}

/** Starts one server process (injected: Electron's utilityProcess.fork in the app, a Node fork in tests). */
export type ForkServer = () => ServerChild;

export interface Backoff {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, factor: 2, maxMs: 30_000 };

/** The wait before the next attempt after `failures` consecutive failures (1, 2, ...): exponential, capped. */
export function backoffDelay(failures: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(backoff.maxMs, Math.round(backoff.initialMs * backoff.factor ** exponent));
}
