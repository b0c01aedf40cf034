import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createLowdbStore } from './store.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Runs the writer until it has reported `minWrites` writes plus a random extra while, then SIGKILLs it. */
function runAndKill(dir: string, round: number, minWrites: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, '../testing/crash-writer.ts'), dir, String(round)],
      {
        cwd: here,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l.startsWith('ok ')));
      if (lines.length >= minWrites && !killTimer) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 150));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${code}): ${stderr}`));
      else resolve(lines);
    });
  });
}

describe('lowdb store under SIGKILL', () => {
  it('a writer killed mid-write several times leaves valid files holding every acknowledged write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-api-lowdb-crash-'));
    dirs.push(dir);
    const acknowledged: string[] = [];
    for (let round = 0; round < 4; round++) {
      acknowledged.push(...(await runAndKill(dir, round, 15 + round * 10)));

      for (const name of await readdir(dir)) {
        if (name.startsWith('.') || !name.endsWith('.json')) continue;
        const text = await readFile(join(dir, name), 'utf8');
        expect(() => JSON.parse(text), `${name} after round ${round}`).not.toThrow();
      }
      const store = await createLowdbStore({ registry: createDefaultRegistry(), dir });
      for (const line of acknowledged) {
        const [, path = '', versionId = ''] = line.split(' ');
        const [type = '', id = ''] = path.split('/');
        const stored = await store.vread(type, id, versionId);
        expect(JSON.parse(stored.json).id).toBe(id);
      }
      await store.close();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(15 + 25 + 35 + 45);
  }, 120_000);
});
