import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../testing/index.ts';
import type { TestSandbox } from '../testing/index.ts';

/** A stand-in for the Vite build: index.html with one inline script, one hashed asset, one plain file. */
const FIXTURE_UI = fileURLToPath(new URL('../testing/e2e/ui-build', import.meta.url));
const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';

let sandbox: TestSandbox;
let cookie: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ uiDir: FIXTURE_UI });
  const res = await fetch(`${sandbox.url}/login?token=${encodeURIComponent(sandbox.token)}`, { redirect: 'manual' });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => {
  await sandbox.stop();
});

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${sandbox.url}${path}`, { redirect: 'manual', headers });
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

describe('the web UI at /', () => {
  it('serves index.html to a signed-in browser with a strict CSP that allows its own inline script', async () => {
    const res = await get('/', { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('Plan API sandbox (test build)');
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`script-src 'self' ${sha256(inline)}`);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("img-src 'self' data: https: http:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("answers the app's own routes with index.html on reload (SPA fallback)", async () => {
    for (const path of ['/apps', '/apps/abc/edit', '/patients/p-1.2?tab=data', '/index.html']) {
      const res = await get(path, { Cookie: cookie, Accept: HTML });
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<div id="root"></div>');
    }
  });

  it('sends a signed-out visitor to the sign-in page, which returns them to the page they asked for', async () => {
    const res = await get('/patients/p-1?tab=data', { Accept: HTML });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`/login?next=${encodeURIComponent('/patients/p-1?tab=data')}`);
    const help = await get(location);
    expect(help.status).toBe(401);
    expect(help.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; /);
    const html = await help.text();
    expect(html).toContain('Sign in to open the web UI.');
    expect(html).toContain('name="token"');
    expect(html).toContain('name="next" value="/patients/p-1?tab=data"');
    const signIn = await get(
      `/login?token=${encodeURIComponent(sandbox.token)}&next=${encodeURIComponent('/patients/p-1?tab=data')}`,
    );
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/patients/p-1?tab=data');
  });

  it('never redirects a sign-in to another site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/login?token=x']) {
      const res = await get(`/login?token=${encodeURIComponent(sandbox.token)}&next=${encodeURIComponent(next)}`);
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toBe('/');
    }
  });

  it('serves hashed assets to anyone with a year-long immutable cache, other files with no-cache', async () => {
    const asset = await get('/assets/index-3f2a1b9c.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await asset.text()).toContain('test build');
    const plain = await get('/robots.txt');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset, an API path or a non-page request with the JSON 404, never the app', async () => {
    for (const [path, accept] of [
      ['/assets/missing-123.js', '*/*'],
      ['/api/no-such-route', HTML],
      ['/interaction/x/y/z', HTML],
      ['/favicon.ico', 'image/*'],
    ] as const) {
      const res = await get(path, { Cookie: cookie, Accept: accept });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/json/);
    }
    const post = await fetch(`${sandbox.url}/`, { method: 'POST', headers: { Cookie: cookie } });
    expect(post.status).toBe(404);
  });
});

describe('without a UI build', () => {
  it('says to run pnpm build:ui and links the APIs', async () => {
    const bare = await startTestSandbox({
      uiDir: fileURLToPath(new URL('../testing/e2e/no-such-build', import.meta.url)),
    });
    try {
      const res = await fetch(`${bare.url}/`);
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toContain('The web UI is not built');
      expect(html).toContain('<code>pnpm build:ui</code>');
      expect(html).toContain('href="/api/openapi.json"');
    } finally {
      await bare.stop();
    }
  });
});
