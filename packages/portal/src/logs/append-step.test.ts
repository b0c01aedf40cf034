import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createMemoryRecordStore, createMemoryStore, type RecordStore } from '@plan-api/store';
import { createPortalContext, type PortalContext } from '../context.ts';
import type { RateCounter } from '../accounts/model.ts';
import { appInput, counterRandom, createTestPortal, FHIR_BASE, manualClock, OWNER } from '../testing/harness.ts';
import { memoryRateCounter } from '../testing/rate-counter.ts';
import { appendStep } from './append-step.ts';

function contextOver(records: RecordStore, label = 'test', counters?: RateCounter): PortalContext {
  return createPortalContext({
    records,
    fhir: createMemoryStore({ registry: createDefaultRegistry() }),
    fhirBaseUrl: FHIR_BASE,
    random: counterRandom(label),
    ...(counters ? { counters } : {}),
  });
}

const stepOf = (message: string) => ({ step: 'fhir' as const, status: 'ok' as const, message });

describe('appendStep', () => {
  it('parallel appends to two launches number each launch 1..n in call order, without gaps or repeats', async () => {
    const ctx = contextOver(createMemoryRecordStore());
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => appendStep(ctx, i % 3 === 0 ? 'L2' : 'L1', stepOf(String(i)))),
    );
    for (const launchId of ['L1', 'L2']) {
      const steps = await ctx.steps.list({ where: { launchId }, orderBy: 'seq' });
      const calls = Array.from({ length: 60 }, (_, i) => i).filter((i) => (i % 3 === 0) === (launchId === 'L2'));
      expect(steps.map((s) => s.seq)).toEqual(calls.map((_, n) => n + 1));
      expect(steps.map((s) => s.message)).toEqual(calls.map(String));
    }
  });

  it('two processes appending to one launch through the shared counter never repeat a number', async () => {
    const records = createMemoryRecordStore();
    const counters = memoryRateCounter(manualClock());
    const [a, b] = [contextOver(records, 'a', counters), contextOver(records, 'b', counters)];
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendStep(i % 2 === 0 ? a : b, 'L1', stepOf(String(i)))));
    const seqs = (await a.steps.list({ where: { launchId: 'L1' }, orderBy: 'seq' })).map((s) => s.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    // Without the counter each process numbers from what it saw: the two would repeat numbers.
    const apart = createMemoryRecordStore();
    const [c, d] = [contextOver(apart, 'c'), contextOver(apart, 'd')];
    await Promise.all([appendStep(c, 'L2', stepOf('c')), appendStep(d, 'L2', stepOf('d'))]);
    expect((await c.steps.list({ where: { launchId: 'L2' } })).map((s) => s.seq)).toEqual([1, 1]);
  });

  it('a portal started over stored steps numbers new steps after the last stored one', async () => {
    const records = createMemoryRecordStore();
    const first = contextOver(records);
    for (const message of ['a', 'b', 'c']) await appendStep(first, 'L1', stepOf(message));
    const restarted = contextOver(records, 'restarted');
    const [d, e] = await Promise.all([
      appendStep(restarted, 'L1', stepOf('d')),
      appendStep(restarted, 'L1', stepOf('e')),
    ]);
    expect([d?.seq, e?.seq]).toEqual([4, 5]);
    expect(await restarted.steps.count({ launchId: 'L1' })).toBe(5);
  });

  it('a long launch log keeps its first and latest steps, and the launch detail says how many were dropped', async () => {
    const { portal } = createTestPortal({ launchLogLimits: { first: 3, latest: 5 } });
    const app = await portal.createApp(OWNER, appInput());
    const patient = await portal.initializePatient(OWNER, { seed: 'long-log', scenario: 'healthy' });
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    await portal.resolveLaunch(launch.id, app.clientId);
    const fhirCall = (n: number) =>
      portal.recordFhirAccess({
        clientId: app.clientId,
        patientId: patient.id,
        launchId: launch.id,
        method: 'GET',
        request: `Observation?_count=${n}`,
        status: 200,
      });
    await fhirCall(1);
    expect((await portal.getLaunch(OWNER, launch.id)).truncated).toBe(0);
    // 2 launch steps + 30 FHIR calls: seq 1..32, keeping 1..3 and 28..32.
    await Promise.all(Array.from({ length: 29 }, (_, i) => fhirCall(i + 2)));
    const detail = await portal.getLaunch(OWNER, launch.id);
    expect(detail.steps.map((s) => s.seq)).toEqual([1, 2, 3, 28, 29, 30, 31, 32]);
    expect(detail.steps.at(-1)?.request).toBe('GET Observation?_count=30');
    expect(detail.truncated).toBe(24);
    expect(detail.launch.stepCount).toBe(8);
    expect(await portal.listAccessLog(OWNER, { clientId: app.clientId })).toHaveLength(30);
  });
});
