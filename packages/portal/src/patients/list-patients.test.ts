import { describe, expect, it } from 'vitest';
import { createTestPortal, OWNER } from '../testing/harness.ts';

describe('listPatients', () => {
  it('lists sandbox patients newest first', async () => {
    const { portal, clock } = createTestPortal();
    const a = await portal.initializePatient(OWNER, { seed: 'list-a', scenario: 'healthy' });
    clock.advance(1);
    const b = await portal.initializePatient(OWNER, { seed: 'list-b', scenario: 'healthy' });
    expect((await portal.listPatients(OWNER)).map((p) => p.id)).toEqual([b.id, a.id]);
  });

  it("does not list another owner's patients", async () => {
    const { portal } = createTestPortal();
    await portal.initializePatient(OWNER, { seed: 'mine', scenario: 'healthy' });
    expect(await portal.listPatients('vendor-2')).toEqual([]);
  });
});
