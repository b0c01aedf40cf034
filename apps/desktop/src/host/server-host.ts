import type { ServerStatus } from '../shared/api.ts';
import { waitForHealth } from './health.ts';
import { parseServerMessage, type ServerStartConfig, type ServerToHost } from './protocol.ts';
import { backoffDelay, type Backoff, type ForkServer, type ServerChild } from './server-child.ts';

export interface ServerHostOptions {
  fork: ForkServer;
  /** The settings of one attempt; `portTaken` says the previous attempt found its port in use. */
  prepare(attempt: { portTaken: boolean }): Promise<ServerStartConfig>;
  onStatus?(status: ServerStatus): void;
  /** The server's own log lines, and the host's account of what happened. */
  onLog?(level: 'info' | 'warn' | 'error', message: string, details?: string): void;
  /** Runs once the server is healthy, before the `ready` status (e.g. remember its port). */
  onReady?(url: string): Promise<void> | void;
  backoff?: Backoff;
  /** Consecutive failures before giving up (default 6). */
  maxAttempts?: number;
  /** From fork to healthy (default 120 s: the first start generates the synthetic directory). */
  startTimeoutMs?: number;
  /** How long a `stop` may take before the process is killed (default 10 s). */
  stopTimeoutMs?: number;
  /** A server that ran this long before dying starts a fresh count of failures (default 60 s). */
  stableAfterMs?: number;
  fetch?: typeof fetch;
}

/** Runs the sandbox server in a child process, keeps it running, and says how it is doing. */
export interface ServerHost {
  /** Starts it (if not running) and resolves its URL once healthy; rejects when it gives up or is stopped. */
  start(): Promise<string>;
  /** Stops it (a clean `stop` message, then a kill after the timeout) and stops restarting it. */
  stop(): Promise<void>;
  /** Stops it, runs `between` (e.g. delete the data dir), starts it again with a fresh count of failures. */
  restart(between?: () => Promise<void>): Promise<string>;
  readonly status: ServerStatus;
  /** Its URL while ready. */
  readonly url: string | undefined;
  /** The server process's id while there is one (for the log). */
  readonly pid: number | undefined;
}

interface Running {
  child: ServerChild;
  exited: Promise<number | null>;
  alive: boolean;
  control?: (message: Exclude<ServerToHost, { type: 'log' }>) => void;
}

type Launch =
  | { kind: 'ready'; url: string; running: Running }
  | { kind: 'failed'; reason: string; portTaken: boolean }
  | { kind: 'cancelled' };

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The server host: forks the server, sends it its settings, waits for `ready` and a healthy `/health`, and when
 * the process dies unexpectedly (or fails to start) starts it again after an exponential backoff, giving up after
 * `maxAttempts` consecutive failures. A port found taken is retried at once on any free port.
 */
export function createServerHost(options: ServerHostOptions): ServerHost {
  const maxAttempts = options.maxAttempts ?? 6;
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const log = (level: 'info' | 'warn' | 'error', message: string, details?: string): void =>
    options.onLog?.(level, message, details);

  let status: ServerStatus = { state: 'stopped', message: 'The sandbox server is not running.' };
  let url: string | undefined;
  let wanted = false;
  let loop: Promise<void> | undefined;
  let current: Running | undefined;
  let wake: (() => void) | undefined;
  const waiters: { resolve(url: string): void; reject(error: Error): void }[] = [];

  const setStatus = (next: ServerStatus): void => {
    status = next;
    options.onStatus?.(next);
  };
  const settle = (result: { url: string } | { error: Error }): void => {
    for (const waiter of waiters.splice(0)) {
      if ('url' in result) waiter.resolve(result.url);
      else waiter.reject(result.error);
    }
  };

  const spawn = (): Running => {
    const child = options.fork();
    let exit!: (code: number | null) => void;
    const running: Running = { child, alive: true, exited: new Promise((done) => (exit = done)) };
    child.onExit((code) => {
      running.alive = false;
      exit(code);
    });
    child.onMessage((raw) => {
      const message = parseServerMessage(raw);
      if (message?.type === 'log') log(message.level, `[server] ${message.message}`, message.details);
      else if (message) running.control?.(message);
    });
    return running;
  };

  /** Asks the process to stop, kills it if it takes too long, and waits for it to be gone. */
  const terminate = async (running: Running): Promise<void> => {
    if (!running.alive) return;
    running.child.postMessage({ type: 'stop' });
    await Promise.race([running.exited, sleep(stopTimeoutMs)]);
    if (running.alive) {
      log('warn', `The sandbox server did not stop within ${stopTimeoutMs} ms: killing it.`);
      running.child.kill();
      await Promise.race([running.exited, sleep(5_000)]);
    }
  };

  const launch = async (portTaken: boolean): Promise<Launch> => {
    const config = await options.prepare({ portTaken });
    if (!wanted) return { kind: 'cancelled' };
    const running = spawn();
    current = running;
    const deadline = Date.now() + startTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const first = new Promise<ServerToHost | { type: 'exit'; code: number | null } | { type: 'timeout' }>((done) => {
      running.control = done;
      void running.exited.then((code) => done({ type: 'exit', code }));
      timer = setTimeout(() => done({ type: 'timeout' }), startTimeoutMs);
    });
    running.child.postMessage({ type: 'start', config });
    const outcome = await first;
    clearTimeout(timer);
    running.control = undefined;

    if (outcome.type === 'ready') {
      const exited = new AbortController();
      void running.exited.then(() => exited.abort(new Error('The sandbox server exited while starting.')));
      try {
        await waitForHealth(outcome.url, {
          timeoutMs: Math.max(1_000, deadline - Date.now()),
          signal: exited.signal,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        });
        return { kind: 'ready', url: outcome.url, running };
      } catch (error) {
        await terminate(running);
        return {
          kind: 'failed',
          reason: `The sandbox server never became healthy: ${messageOf(error)}`,
          portTaken: false,
        };
      }
    }
    if (outcome.type === 'failed') {
      await terminate(running);
      return {
        kind: 'failed',
        reason: `The sandbox server could not start: ${outcome.message}`,
        portTaken: outcome.code === 'EADDRINUSE',
      };
    }
    if (outcome.type === 'timeout') {
      running.child.kill();
      await Promise.race([running.exited, sleep(5_000)]);
      return {
        kind: 'failed',
        reason: `The sandbox server was not ready within ${startTimeoutMs} ms.`,
        portTaken: false,
      };
    }
    const code = outcome.type === 'exit' ? outcome.code : null;
    return {
      kind: 'failed',
      reason: `The sandbox server exited (code ${code ?? 'none: killed'}) before it was ready.`,
      portTaken: false,
    };
  };

  const run = async (): Promise<void> => {
    let failures = 0;
    let portTaken = false;
    while (wanted) {
      setStatus(
        failures === 0
          ? { state: 'starting', message: 'Starting the sandbox server…' }
          : {
              state: 'restarting',
              message: `Restarting the sandbox server (attempt ${failures + 1})…`,
              attempt: failures,
            },
      );
      let result: Launch;
      try {
        result = await launch(portTaken);
      } catch (error) {
        result = {
          kind: 'failed',
          reason: `The sandbox server could not be prepared: ${messageOf(error)}`,
          portTaken: false,
        };
      }
      current = result.kind === 'ready' ? result.running : undefined;
      if (!wanted || result.kind === 'cancelled') break;

      let reason: string;
      if (result.kind === 'ready') {
        portTaken = false;
        try {
          await options.onReady?.(result.url);
        } catch (error) {
          log('warn', 'The ready hook failed', messageOf(error));
        }
        url = result.url;
        log('info', `The sandbox server is ready at ${result.url}.`);
        setStatus({ state: 'ready', message: 'The sandbox server is running.', url: result.url });
        settle({ url: result.url });
        const readyAt = Date.now();
        const code = await result.running.exited;
        url = undefined;
        current = undefined;
        if (!wanted) break;
        if (Date.now() - readyAt >= stableAfterMs) failures = 0;
        reason = `The sandbox server stopped unexpectedly (exit code ${code ?? 'none: killed'}).`;
      } else {
        reason = result.reason;
        portTaken = result.portTaken;
      }
      failures += 1;
      log('error', reason);
      if (failures >= maxAttempts) {
        wanted = false;
        const message = `${reason} Gave up after ${failures} attempts in a row.`;
        setStatus({ state: 'failed', message, attempt: failures });
        settle({ error: new Error(message) });
        return;
      }
      const delay = portTaken ? 0 : backoffDelay(failures, options.backoff);
      setStatus({ state: 'restarting', message: reason, attempt: failures, retryInMs: delay });
      await new Promise<void>((done) => {
        const timer = setTimeout(done, delay);
        wake = () => {
          clearTimeout(timer);
          done();
        };
      });
      wake = undefined;
    }
    setStatus({ state: 'stopped', message: 'The sandbox server is stopped.' });
    settle({ error: new Error('The sandbox server was stopped.') });
  };

  const host: ServerHost = {
    async start() {
      if (loop && !wanted) await loop;
      if (status.state === 'ready' && url !== undefined) return url;
      const ready = new Promise<string>((resolve, reject) => waiters.push({ resolve, reject }));
      if (!loop) {
        wanted = true;
        loop = run().finally(() => {
          loop = undefined;
        });
      }
      return ready;
    },
    async stop() {
      wanted = false;
      wake?.();
      const running = current;
      if (running) await terminate(running);
      await loop;
    },
    async restart(between) {
      await host.stop();
      await between?.();
      return host.start();
    },
    get status() {
      return status;
    },
    get url() {
      return url;
    },
    get pid() {
      return current?.child.pid;
    },
  };
  return host;
}
