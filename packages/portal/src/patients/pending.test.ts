import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createMemoryRecordStore, createMemoryStore, type FhirStore, type RecordStore } from '@plan-api/store';
import { generateMember } from '@plan-api/synthetic';
import { COLLECTIONS } from '../context.ts';
import { createTestPortal, rejection, TEST_DIRECTORY, TEST_TERMINOLOGY, OWNER } from '../testing/harness.ts';
import type { PendingPatientRecord } from './pending.ts';

function member(seed: string) {
  return generateMember({
    seed,
    scenario: 'diabetes',
    directory: TEST_DIRECTORY.handle,
    terminology: TEST_TERMINOLOGY,
  });
}

/** How many of the resources the FHIR store still serves. */
async function present(fhir: FhirStore, resources: readonly Resource[]): Promise<number> {
  let count = 0;
  for (const r of resources) {
    try {
      await fhir.read(r.resourceType, r.id ?? '');
      count++;
    } catch {
      // 404 or 410: not there.
    }
  }
  return count;
}

/**
 * A FhirStore over `inner` whose bulkLoad loads the first `after` resources and then fails: `crash` never
 * settles (the process died there), `throw` rejects (a write error).
 */
function failingBulkLoad(inner: FhirStore, after: number, how: 'crash' | 'throw'): FhirStore {
  return {
    ...inner,
    bulkLoad: async (resources) => {
      const loaded: Resource[] = [];
      for await (const r of resources) {
        if (loaded.length === after) break;
        loaded.push(r);
      }
      await inner.bulkLoad(loaded);
      if (how === 'crash') return new Promise<number>(() => undefined);
      throw new Error('disk full');
    },
  };
}

function stores(): { fhir: FhirStore; records: RecordStore } {
  return { fhir: createMemoryStore({ registry: createDefaultRegistry() }), records: createMemoryRecordStore() };
}

describe('Initialize Patient is all or nothing', () => {
  it('a crash half-way through the load leaves resources that the clean-up at the next start deletes', async () => {
    const { fhir, records } = stores();
    const { resources } = member('crash');
    const crashed = createTestPortal({
      records,
      fhir: failingBulkLoad(fhir, Math.floor(resources.length / 2), 'crash'),
    });
    // The first process dies inside bulkLoad: its promise never settles.
    void crashed.portal.initializePatient(OWNER, { seed: 'crash', scenario: 'diabetes' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await present(fhir, resources)).toBe(Math.floor(resources.length / 2));

    const { portal } = createTestPortal({ records, fhir });
    const done = await portal.cleanUpInterruptedPatients();
    expect(done.patients).toHaveLength(1);
    expect(done.resources).toBe(resources.length);
    expect(await present(fhir, resources)).toBe(0);
    expect(await portal.listPatients(OWNER)).toEqual([]);
    expect(await records.collection(COLLECTIONS.pendingPatients).list()).toEqual([]);
    // The seed can be initialized again, completely.
    const record = await portal.initializePatient(OWNER, { seed: 'crash', scenario: 'diabetes' });
    expect(await present(fhir, resources)).toBe(resources.length);
    expect(await portal.listPatients(OWNER)).toEqual([record]);
  });

  it('a failed load is undone at once and the error passes through', async () => {
    const { fhir, records } = stores();
    const { resources } = member('fails');
    const { portal } = createTestPortal({ records, fhir: failingBulkLoad(fhir, 100, 'throw') });
    const error = await rejection(portal.initializePatient(OWNER, { seed: 'fails', scenario: 'diabetes' }));
    expect((error as Error).message).toBe('disk full');
    expect(await present(fhir, resources)).toBe(0);
    expect(await portal.listPatients(OWNER)).toEqual([]);
    expect(await records.collection(COLLECTIONS.pendingPatients).list()).toEqual([]);
  });

  it('the Patient resource is loaded last', async () => {
    const { fhir, records } = stores();
    const { resources } = member('last');
    const crashed = createTestPortal({ records, fhir: failingBulkLoad(fhir, resources.length - 1, 'crash') });
    void crashed.portal.initializePatient(OWNER, { seed: 'last', scenario: 'diabetes' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const patient = resources.find((r) => r.resourceType === 'Patient');
    expect(await present(fhir, patient === undefined ? [] : [patient])).toBe(0);
  });

  it('a marker whose patient record was written only goes; complete patients and fresh markers are kept', async () => {
    const { portal, fhir, records, clock } = createTestPortal();
    const record = await portal.initializePatient(OWNER, { seed: 'complete', scenario: 'diabetes' });
    const { resources } = member('complete');
    const markers = records.collection<PendingPatientRecord>(COLLECTIONS.pendingPatients);
    // A crash between writing the patient record and removing the marker.
    await markers.put({
      id: record.id,
      ownerId: OWNER,
      seed: 'complete',
      startedAt: clock.now().toISOString(),
      resources: { Patient: [record.id] },
    });
    const fresh: PendingPatientRecord = {
      id: 'other',
      ownerId: OWNER,
      seed: 'other',
      startedAt: clock.now().toISOString(),
      resources: {},
    };
    await markers.put(fresh);
    clock.advance(30);
    await markers.put({ ...fresh, startedAt: clock.now().toISOString() });
    expect(await portal.cleanUpInterruptedPatients({ olderThanSeconds: 10 })).toEqual({ patients: [], resources: 0 });
    expect((await markers.list()).map((m) => m.id)).toEqual(['other']);
    expect(await present(fhir, resources)).toBe(resources.length);
    expect(await portal.listPatients(OWNER)).toEqual([record]);
  });

  it('Initialize Patient first undoes an interrupted load of the same patient', async () => {
    const { fhir, records } = stores();
    const { resources } = member('retry');
    const crashed = createTestPortal({ records, fhir: failingBulkLoad(fhir, resources.length - 1, 'crash') });
    void crashed.portal.initializePatient(OWNER, { seed: 'retry', scenario: 'diabetes' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { portal } = createTestPortal({ records, fhir });
    await portal.initializePatient(OWNER, { seed: 'retry', scenario: 'healthy' });
    const healthy = new Set(
      generateMember({
        seed: 'retry',
        scenario: 'healthy',
        directory: TEST_DIRECTORY.handle,
        terminology: TEST_TERMINOLOGY,
      }).resources.map((r) => `${r.resourceType}/${r.id}`),
    );
    const loaded = resources.filter((r) => r.resourceType !== 'Patient');
    const leftovers = loaded.filter((r) => !healthy.has(`${r.resourceType}/${r.id}`));
    expect(leftovers.length).toBeGreaterThan(0);
    expect(await present(fhir, leftovers)).toBe(0);
    expect(await records.collection(COLLECTIONS.pendingPatients).list()).toEqual([]);
  });
});
