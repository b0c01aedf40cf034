import type { Server } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUiRouter } from './router.ts';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-api-ui-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
  await writeFile(join(dir, 'assets', 'index-abc.js'), 'console.log(1);\n//# sourceMappingURL=index-abc.js.map\n');
  await writeFile(join(dir, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["src/App.tsx"]}');
  await writeFile(join(dir, 'assets', 'index-abc.css.map'), '{"version":3}');
  const app = express();
  app.use(createUiRouter({ distDir: dir }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('the web UI router', () => {
  it('serves the build but never its source maps', async () => {
    expect((await fetch(`${base}/assets/index-abc.js`)).status).toBe(200);
    for (const path of ['/assets/index-abc.js.map', '/assets/index-abc.css.map', '/assets/INDEX-ABC.JS.MAP']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('sources');
    }
    // A browser's navigation to a map gets no app page either.
    const page = await fetch(`${base}/assets/index-abc.js.map`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
  });
});
