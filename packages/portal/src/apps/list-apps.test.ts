import { describe, expect, it } from 'vitest';
import { appInput, createTestPortal, OWNER } from '../testing/harness.ts';

describe('listApps', () => {
  it("lists the owner's apps newest first", async () => {
    const { portal, clock } = createTestPortal();
    const first = await portal.createApp(OWNER, appInput({ name: 'First' }));
    clock.advance(1);
    const second = await portal.createApp(OWNER, appInput({ name: 'Second' }));
    expect((await portal.listApps(OWNER)).map((a) => a.id)).toEqual([second.id, first.id]);
  });

  it('lists only the newest `limit` apps when asked (a page of the API)', async () => {
    const { portal, clock } = createTestPortal();
    const ids: string[] = [];
    for (const name of ['One', 'Two', 'Three']) {
      ids.unshift((await portal.createApp(OWNER, appInput({ name }))).id);
      clock.advance(1);
    }
    expect((await portal.listApps(OWNER, { limit: 2 })).map((a) => a.id)).toEqual(ids.slice(0, 2));
  });

  it('is empty before any app is created', async () => {
    expect(await createTestPortal().portal.listApps(OWNER)).toEqual([]);
  });
});
