import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLog } from './request-log.ts';
import type { RequestLogEntry } from './request-log.ts';

const entries: RequestLogEntry[] = [];
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const app = express();
  app.use(requestLog((entry) => entries.push(entry)));
  app.get('/login', (_req, res) => {
    res.status(401).send('no');
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

describe('requestLog', () => {
  it('logs method, path without the query, status, duration and an id it also sends back', async () => {
    const res = await fetch(`${base}/login?token=secret-value`);
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const entry = entries.at(-1);
    expect(entry).toMatchObject({ method: 'GET', path: '/login', status: 401 });
    expect(entry?.durationMs).toBeGreaterThanOrEqual(0);
    expect(res.headers.get('x-request-id')).toBe(entry?.id);
    expect(JSON.stringify(entries)).not.toContain('secret-value');
  });

  it('keeps a well-formed X-Request-Id of a load balancer and replaces a malformed one', async () => {
    await fetch(`${base}/login`, { headers: { 'X-Request-Id': 'lb-0123456789' } });
    await fetch(`${base}/login`, { headers: { 'X-Request-Id': 'bad id\twith spaces' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [kept, replaced] = entries.slice(-2);
    expect(kept?.id).toBe('lb-0123456789');
    expect(replaced?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
