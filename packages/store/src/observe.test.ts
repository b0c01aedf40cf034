import { describe, expect, it } from 'vitest';
import type { Organization } from 'fhir/r4';
import { createDefaultRegistry, parseSearch } from '@plan-api/fhir';
import { createMemoryStore } from './memory.ts';
import { countWrites } from './observe.ts';

describe('countWrites', () => {
  it('counts finished writes, failed ones too, and not reads or searches', async () => {
    const registry = createDefaultRegistry();
    const { store, writes } = countWrites(createMemoryStore({ registry }));
    expect(writes()).toBe(0);
    const org = (id: string | undefined, name: string): Organization => ({
      resourceType: 'Organization',
      ...(id ? { id } : {}),
      name,
    });
    const created = await store.create(org(undefined, 'Acme'));
    expect(writes()).toBe(1);
    await store.read('Organization', created.resource.id);
    await store.search(
      parseSearch('Organization', [['name', 'Acme']], registry, { defaultCount: 10, maxCount: 10, strict: true }),
    );
    expect(writes()).toBe(1);
    await store.update(org(created.resource.id, 'Acme 2'));
    await store.bulkLoad([org('o2', 'Other')]);
    await store.delete('Organization', 'o2');
    expect(writes()).toBe(4);
    await expect(
      store.update({ resourceType: 'Organization', id: created.resource.id }, { ifMatch: 'W/"99"' }),
    ).rejects.toThrow();
    expect(writes()).toBe(5);
  });
});
