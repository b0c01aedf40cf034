import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { PortalError } from '@plan-api/portal';
import type { PortalErrorCode } from '@plan-api/portal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorHandler, unknownApiRoute } from './errors.ts';
import { mountRoutes, OWNER_LOCAL } from './route.ts';

const logged: { message: string; details?: Record<string, unknown> }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.locals[OWNER_LOCAL] = 'vendor-1';
    next();
  });
  mountRoutes(router, [
    {
      method: 'get',
      path: '/boom',
      handler: () => Promise.reject(new Error('secret internals at /srv/app.ts:12')),
    },
    {
      method: 'get',
      path: '/conflict',
      handler: () => Promise.reject(new PortalError('patient_exists', 'That seed is taken.', { seed: 'Taken.' })),
    },
    ...['production_unchanged', 'request_decided', 'client_id_taken', 'some_future_code'].map((code) => ({
      method: 'get' as const,
      path: `/code/${code}`,
      handler: () => Promise.reject(new PortalError(code as PortalErrorCode, `Refused: ${code}.`)),
    })),
    {
      method: 'get',
      path: '/missing',
      handler: () => Promise.reject(new PortalError('not_found', 'No app has id "x".')),
    },
  ]);
  router.use(unknownApiRoute);
  router.use(
    apiErrorHandler({ error: (message, details) => logged.push({ message, ...(details ? { details } : {}) }) }),
  );
  const app = express();
  app.use('/api', router);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the management API error handler', () => {
  it('answers an unexpected failure with a generic 500, never the message or a stack, and logs it', async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: 'server_error',
      message: 'Something went wrong on the server; see its log.',
    });
    expect(text).not.toContain('secret internals');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.details).toMatchObject({ method: 'GET', path: '/api/boom' });
  });

  it("answers a PortalError with its code's status, its code, message and fields", async () => {
    const res = await fetch(`${base}/conflict`);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: 'patient_exists',
      message: 'That seed is taken.',
      fields: { seed: 'Taken.' },
    });
    const missing = await fetch(`${base}/missing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found', message: 'No app has id "x".' });
  });

  it("answers issue 11's conflicts with 409, and a code it does not know with 400, its code and message", async () => {
    for (const code of ['production_unchanged', 'request_decided', 'client_id_taken']) {
      const res = await fetch(`${base}/code/${code}`);
      expect(res.status, code).toBe(409);
      expect(await res.json()).toEqual({ error: code, message: `Refused: ${code}.` });
    }
    const future = await fetch(`${base}/code/some_future_code`);
    expect(future.status).toBe(400);
    expect(await future.json()).toEqual({ error: 'some_future_code', message: 'Refused: some_future_code.' });
  });
});
