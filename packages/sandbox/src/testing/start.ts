import { fileURLToPath } from 'node:url';
import { repoTerminologyDir } from '@plan-api/synthetic/testing';
import type { SandboxLogger, SandboxServerConfig } from '../config.ts';
import { createSandboxServer } from '../server.ts';
import type { SandboxServer } from '../server.ts';

/** The web UI build of this repository (`pnpm build:ui` makes it; `pnpm test` builds it first). */
export function repoUiDir(): string {
  return fileURLToPath(new URL('../../../ui/dist', import.meta.url));
}

/** The settings every test sandbox starts with, before its own: the repository's UI build and terminology. */
export function testSandboxConfig(): Pick<SandboxServerConfig, 'uiDir' | 'terminologyDir'> {
  return { uiDir: repoUiDir(), terminologyDir: repoTerminologyDir() };
}

/** A logger that keeps what it is told (tests read it; nothing is printed). */
export function memoryLogger(): SandboxLogger & { infos: string[]; errors: string[] } {
  const infos: string[] = [];
  const errors: string[] = [];
  return {
    infos,
    errors,
    info: (message) => infos.push(message),
    error: (message) => errors.push(message),
  };
}

export interface TestSandbox {
  /** The public URL (as configured). */
  url: string;
  /** Where the server really listens (use it to connect). */
  listenUrl: string;
  token: string;
  server: SandboxServer;
  logger: ReturnType<typeof memoryLogger>;
  /** A management API call with the bearer token; JSON body in, parsed JSON (or undefined) out. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers }>;
  stop(): Promise<void>;
}

/**
 * Starts a sandbox on a free port with memory stores (or `dataDir`) and a small directory, for
 * integration tests.
 */
export async function startTestSandbox(config: Partial<SandboxServerConfig> = {}): Promise<TestSandbox> {
  const logger = memoryLogger();
  const token = config.managementToken ?? 'test-management-token-0123456789';
  const server = createSandboxServer({
    ...testSandboxConfig(),
    host: '127.0.0.1',
    port: 0,
    directorySize: 300,
    directorySeed: 'test',
    logger,
    ...config,
    managementToken: token,
  });
  const { url, listenUrl } = await server.start();
  return {
    url,
    listenUrl,
    token,
    server,
    logger,
    async api(method, path, body) {
      const res = await fetch(`${listenUrl}/api${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
        headers: res.headers,
      };
    },
    stop: () => server.stop(),
  };
}
