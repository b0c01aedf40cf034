import { describe, expect, it } from 'vitest';
import { createTestPortal } from '../test-support/harness.ts';

describe('listPatients', () => {
  it('lists sandbox patients newest first', async () => {
    const { portal, clock } = createTestPortal();
    const a = await portal.initializePatient({ seed: 'list-a', scenario: 'healthy' });
    clock.advance(1);
    const b = await portal.initializePatient({ seed: 'list-b', scenario: 'healthy' });
    expect((await portal.listPatients()).map((p) => p.id)).toEqual([b.id, a.id]);
  });

  it("does not list another owner's patients", async () => {
    const { portal, records, fhir } = createTestPortal();
    await portal.initializePatient({ seed: 'mine', scenario: 'healthy' });
    const other = createTestPortal({ records, fhir, ownerId: 'vendor-2' }).portal;
    expect(await other.listPatients()).toEqual([]);
  });
});
