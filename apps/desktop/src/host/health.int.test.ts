import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthTimeout, waitForHealth } from './health.ts';

describe('waitForHealth', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((done) => server?.close(done) ?? done(undefined));
    server = undefined;
  });

  async function serve(answers: { status: number; body: string }[]): Promise<{ url: string; hits: () => number }> {
    let hits = 0;
    server = createServer((_req, res) => {
      const answer = answers[Math.min(hits, answers.length - 1)] ?? { status: 500, body: '' };
      hits += 1;
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits: () => hits };
  }

  it('keeps asking while the sandbox says it is starting, and returns once it says ok', async () => {
    const { url, hits } = await serve([
      { status: 503, body: '{"status":"starting"}' },
      { status: 503, body: '{"status":"starting"}' },
      { status: 200, body: '{"status":"ok"}' },
    ]);
    await waitForHealth(url, { timeoutMs: 5_000, intervalMs: 20 });
    expect(hits()).toBe(3);
  });

  it('does not take a 200 that is not the sandbox saying ok', async () => {
    const { url } = await serve([{ status: 200, body: '<html>someone else</html>' }]);
    await expect(waitForHealth(url, { timeoutMs: 300, intervalMs: 20 })).rejects.toThrow(HealthTimeout);
  });

  it('times out when nothing listens, naming the last error', async () => {
    const { url } = await serve([]);
    await new Promise((done) => server?.close(done));
    server = undefined;
    await expect(waitForHealth(url, { timeoutMs: 300, intervalMs: 20 })).rejects.toThrow(
      /\/health did not answer ok within 300 ms \(last: fetch failed\)/,
    );
  });

  it('gives up at once when aborted', async () => {
    const { url } = await serve([{ status: 503, body: '{"status":"starting"}' }]);
    const abort = new AbortController();
    setTimeout(() => abort.abort(new Error('the server exited')), 50);
    const t0 = Date.now();
    await expect(waitForHealth(url, { timeoutMs: 10_000, intervalMs: 20, signal: abort.signal })).rejects.toThrow(
      'the server exited',
    );
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
