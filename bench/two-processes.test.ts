import { describe, expect, it } from 'vitest';
import { ceilingsOf, processCpuMs } from './two-processes.ts';

describe('ceilingsOf', () => {
  it('allows no gain from a second process when the cores run out before one node process does', () => {
    // 10 ms of CPU per request on 2 cores: 200 req/s; one node process alone could do 250.
    const c = ceilingsOf({ node: 4, postgres: 5.5, loadGenerator: 0.5, other: 9, idle: 0 }, 2);
    expect(c).toEqual({ oneNodeProcess: 250, wholeMachine: 200, bestRatio: 1, largestShare: 'postgres' });
  });

  it('allows up to twice the throughput when one node process is the limit and the cores are plenty', () => {
    const c = ceilingsOf({ node: 4, postgres: 1, loadGenerator: 1, other: 0, idle: 10 }, 8);
    expect(c).toMatchObject({ oneNodeProcess: 250, wholeMachine: 1333, bestRatio: 2, largestShare: 'node' });
  });

  it('allows a partial gain in between', () => {
    // One node process: 250 req/s; 4 cores doing only this: 4000 / 12 = 333 req/s.
    expect(ceilingsOf({ node: 4, postgres: 6, loadGenerator: 2, other: 0, idle: 0 }, 4).bestRatio).toBe(1.33);
  });
});

describe('processCpuMs', () => {
  it("reads a live process's CPU time from /proc, and 0 for one that is gone", async () => {
    const started = performance.now();
    while (performance.now() - started < 300) Math.sqrt(Math.random());
    const usage = process.cpuUsage();
    const fromProc = await processCpuMs(process.pid);
    // /proc counts in clock ticks (10 ms): within a few ticks of what Node itself reports.
    expect(fromProc).toBeGreaterThan(250);
    expect(Math.abs(fromProc - (usage.user + usage.system) / 1000)).toBeLessThan(50);
    expect(await processCpuMs(2 ** 22 + 1)).toBe(0);
  });
});
