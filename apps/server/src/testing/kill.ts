import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/** The processes below `pid` (children, grandchildren, ...), deepest last. */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined || Number.isNaN(child)) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `kill -9` of a process started through tsx, and of what it started: tsx's CLI runs the program in a child
 * node process, so a SIGKILL of `child` alone would leave the real server (or import) running as an orphan.
 * The program is killed first, then the tsx relay; resolves once `child` has exited and none of them is alive.
 */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) throw new Error('the process has no pid');
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pids = [...descendantsOf(child.pid).reverse(), child.pid];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // It ended on its own in the meantime.
    }
  }
  await exited;
  for (let i = 0; i < 100 && pids.some(isAlive); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  const alive = pids.filter(isAlive);
  if (alive.length > 0) throw new Error(`still alive after SIGKILL: ${alive.join(', ')}`);
}
