/** Helpers shared by the benchmarks: turn statistics and the forked server process. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The median of a non-empty list (0 for an empty one). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Forks a bench server script (beside this file) in its own process, so it does not share an event loop with
 * the load generator, with `args`; resolves with the first IPC message it sends (its URLs) and a stop function.
 */
export async function startServerProcess<Ready>(
  script: string,
  profileDir?: string,
  args: readonly string[] = [],
): Promise<{ ready: Ready; stop: () => Promise<void> }> {
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
    stop: async () => {
      child.send('stop');
      await exited;
    },
  };
}
