import { describe, expect, it } from 'vitest';
import type { Observation } from 'fhir/r4';
import { createDefaultRegistry, parseSearch } from '@plan-api/fhir';
import { runFhirStoreContract } from './contract/index.ts';
import { createMemoryStore } from './memory.ts';

runFhirStoreContract('memory', async () => createMemoryStore({ registry: createDefaultRegistry() }));

describe('memory store', () => {
  const registry = createDefaultRegistry();
  const observation: Observation = {
    resourceType: 'Observation',
    status: 'final',
    code: { text: 'x' },
    subject: { reference: 'Patient/p' },
  };

  it('reads and searches hand out the version serialized at write time, not a new serialization', async () => {
    const store = createMemoryStore({ registry });
    const { resource } = await store.create(observation);
    const request = parseSearch('Observation', [['patient', 'p']], registry, {
      defaultCount: 10,
      maxCount: 10,
      strict: true,
    });
    expect(await store.read('Observation', resource.id)).toBe(resource);
    expect((await store.search(request)).matches[0]).toBe(resource);
    expect(await store.vread('Observation', resource.id, '1')).toBe(resource);
  });

  it('uses the clock and id generator it is given', async () => {
    let n = 0;
    const store = createMemoryStore({
      registry,
      now: () => new Date('2024-02-03T04:05:06.789Z'),
      idGenerator: () => `gen-${++n}`,
    });
    const { resource } = await store.create(observation);
    expect(resource.id).toBe('gen-1');
    expect(resource.lastUpdated).toBe('2024-02-03T04:05:06.789Z');
    expect(JSON.parse(resource.json).meta).toEqual({ versionId: '1', lastUpdated: '2024-02-03T04:05:06.789Z' });
  });
});
