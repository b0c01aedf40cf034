import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn, SignInError } from './sign-in.ts';

describe('signIn', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((done) => server?.close(done) ?? done(undefined));
  });

  /** A stand-in for the sandbox's /login: the real one is exercised in server-host.int.test.ts. */
  async function login(
    handler: (url: URL) => { status: number; cookie?: string },
  ): Promise<{ origin: string; seen: string[] }> {
    const seen: string[] = [];
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push(`${req.method} ${url.pathname}`);
      const { status, cookie } = handler(url);
      res.writeHead(status, { ...(cookie ? { 'Set-Cookie': cookie } : {}), Location: '/' }).end();
    });
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen };
  }

  it('sends the token once and does not follow the redirect', async () => {
    const { origin, seen } = await login((url) =>
      url.searchParams.get('token') === 's3cret+/='
        ? { status: 303, cookie: 'sid=1; Path=/; HttpOnly' }
        : { status: 401 },
    );
    expect(await signIn(origin, 's3cret+/=')).toMatchObject({ name: 'sid', value: '1', httpOnly: true });
    expect(seen).toEqual(['GET /login']);
  });

  it('fails clearly on a refused token or a missing cookie', async () => {
    const { origin } = await login((url) =>
      url.searchParams.get('token') === 'good' ? { status: 303 } : { status: 401 },
    );
    await expect(signIn(origin, 'bad')).rejects.toThrow(new SignInError('The sandbox refused the sign-in (HTTP 401).'));
    await expect(signIn(origin, 'good')).rejects.toThrow('set no session cookie');
  });
});
