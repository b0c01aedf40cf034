/** The server did not say it was healthy in time. */
export class HealthTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HealthTimeout';
  }
}

export interface HealthOptions {
  timeoutMs: number;
  /** Pause between polls (default 150 ms). */
  intervalMs?: number;
  fetch?: typeof fetch;
  /** Gives up at once when this aborts (e.g. the server process exited). */
  signal?: AbortSignal;
}

/**
 * Polls `<url>/health` until it answers 200 `{"status":"ok"}` (the sandbox answers 503 `starting` until its
 * stores and directory are ready). Throws HealthTimeout after `timeoutMs`, or the signal's reason when aborted.
 */
export async function waitForHealth(url: string, options: HealthOptions): Promise<void> {
  const fetchImpl = options.fetch ?? fetch;
  const interval = options.intervalMs ?? 150;
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      const res = await fetchImpl(new URL('/health', url), {
        signal: AbortSignal.any([
          AbortSignal.timeout(Math.max(500, interval * 4)),
          ...(options.signal ? [options.signal] : []),
        ]),
        headers: { Accept: 'application/json' },
      });
      const body = (await res.json().catch(() => undefined)) as { status?: unknown } | undefined;
      if (res.status === 200 && body?.status === 'ok') return;
      last = `HTTP ${res.status}${typeof body?.status === 'string' ? ` (${body.status})` : ''}`;
    } catch (error) {
      options.signal?.throwIfAborted();
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() + interval > deadline) {
      throw new HealthTimeout(`${url}/health did not answer ok within ${options.timeoutMs} ms (last: ${last}).`);
    }
    await new Promise((done) => setTimeout(done, interval));
  }
}
