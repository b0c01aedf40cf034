import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is apps/server/src/testing/server-process.ts). */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'apps', 'server', 'src', 'main.ts');

/**
 * A port nothing listens on yet, for a server whose public URL (or a party that must know it) is set before it
 * starts.
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A `pnpm server` process started by a test, with its JSON log lines. */
export interface ServerProcess {
  /** The public URL it printed. */
  url: string;
  /** Where it really listens (differs from `url` behind a proxy). */
  listenUrl: string;
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** Output that was not a JSON line (it should stay empty: the server writes only JSON lines). */
  other: string[];
  child: ChildProcess;
  /** Sends SIGTERM and resolves the exit code. */
  stop(): Promise<number | null>;
}

/** A `pnpm server [args]` command running (tsx, from source) that a test can kill; `done` resolves at its exit. */
export interface RunningCommand {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `pnpm server [args]` with these variables and hands back the process. */
export function spawnServerCommand(args: string[], env: Record<string, string>): RunningCommand {
  const child = spawn(TSX, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
  return { child, done };
}

/** Runs `pnpm server [args]` (tsx, from source) with these variables; resolves its output once it exits. */
export async function runServerCommand(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await spawnServerCommand(args, env).done;
  return { code, stdout, stderr };
}

/**
 * Starts the server in a child process (JSON logs, loopback, a free port unless `PORT` is given, a data dir of
 * its own) and waits for its `ready` line.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plan-api-server-'));
  const child = spawn(TSX, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      PLAN_API_DATA_DIR: dataDir,
      PLAN_API_LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const other: string[] = [];
  let buffer = '';
  const ready = new Promise<{ url: string; listenUrl: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ready line in ${timeoutMs} ms:\n${other.join('\n')}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.msg === 'ready' && typeof entry.url === 'string' && typeof entry.listenUrl === 'string') {
            clearTimeout(timer);
            resolve({ url: entry.url, listenUrl: entry.listenUrl });
          }
        } catch {
          other.push(line);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => other.push(chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it was ready:\n${other.join('\n')}`));
    });
  });
  const { url, listenUrl } = await ready;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    listenUrl,
    logs,
    other,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
