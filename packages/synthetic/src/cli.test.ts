import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `pnpm synthetic` does (tsx), in a child process. */
function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === 'number' ? err.code : err ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const lines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'synthetic-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the synthetic CLI', () => {
  it('writes members as NDJSON to a file: one parseable resource per line, Patient first', async () => {
    const out = join(dir, 'members.ndjson');
    const result = await run(['members', '--count', '3', '--seed', 'cli', '--directory-size', '800', '--out', out]);
    expect(result.stderr).toMatch(/wrote 3 members, \d+ resources/);
    expect(result.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const resources = lines(text) as { resourceType: string }[];
    const reported = Number(/(\d+) resources/.exec(result.stderr)?.[1]);
    expect(resources).toHaveLength(reported);
    expect(resources[0]?.resourceType).toBe('Patient');
    expect(resources.filter((r) => r.resourceType === 'Patient')).toHaveLength(3);
  });

  it('writes the directory to stdout with --out -, the same bytes as to a file', async () => {
    const out = join(dir, 'directory.ndjson');
    const [toStdout, toFile] = await Promise.all([
      run(['directory', '--size', '300', '--seed', 'cli', '--out', '-']),
      run(['directory', '--size', '300', '--seed', 'cli', '--out', out]),
    ]);
    expect(toStdout.code).toBe(0);
    expect(toFile.code).toBe(0);
    const resources = lines(toStdout.stdout) as { resourceType: string }[];
    expect(resources.length).toBeGreaterThan(100);
    expect(resources.every((r) => typeof r.resourceType === 'string')).toBe(true);
    expect(await readFile(out, 'utf8')).toBe(toStdout.stdout);
  });

  it('exits with 2 and says what is wrong for an unknown scenario', async () => {
    const result = await run(['members', '--scenario', 'flu']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('valid scenarios: healthy, diabetes, pregnancy, pediatric, elderly-multimorbid');
    expect(result.stdout).toBe('');
  });

  it('exits with 2 for a count that is not a number', async () => {
    const result = await run(['members', '--count', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--count must be a positive whole number, got "many"');
  });

  it('prints usage with --help and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('pnpm synthetic members');
    expect(result.stdout).toContain('pnpm synthetic directory');
  });

  it('exits with 1 and a message when the output cannot be written', async () => {
    const result = await run(['directory', '--size', '300', '--out', join(dir, 'missing', 'x.ndjson')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/synthetic: .*ENOENT/);
  });
});
