/** Helpers shared by the benchmarks: turn statistics and the forked server process. */
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Where every benchmark writes its results: `<benchmark>-<ISO time>.json` (bench/readme-table.ts reads them). */
export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

/** Writes a benchmark's results as `<benchmark>-<ISO time>.json` in RESULTS_DIR and prints the file's path. */
export async function writeResults(benchmark: string, results: object): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}${benchmark}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results: ${file}`);
  return file;
}

/** The median of a non-empty list (0 for an empty one). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Forks a bench server script (beside this file) in its own process, so it does not share an event loop with
 * the load generator, with `args`; resolves with the first IPC message it sends (its URLs), its process id
 * (to read its CPU time) and a stop function.
 */
export async function startServerProcess<Ready>(
  script: string,
  profileDir?: string,
  args: readonly string[] = [],
): Promise<{ ready: Ready; pid: number; stop: () => Promise<void> }> {
  const profile = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [...args], {
    execArgv: ['--import', 'tsx', ...profile],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`bench: the server process exited with ${code}`)));
  });
  return {
    ready,
    pid: child.pid ?? 0,
    stop: async () => {
      child.send('stop');
      await exited;
    },
  };
}
