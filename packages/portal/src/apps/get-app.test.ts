import { describe, expect, it } from 'vitest';
import { type PortalError } from '../types.ts';
import { appInput, createTestPortal, rejection, OWNER } from '../testing/harness.ts';

describe('getApp', () => {
  it('returns the app by id', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    expect(await portal.getApp(OWNER, app.id)).toEqual(app);
  });

  it("another owner's app is not found", async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    const error = (await rejection(portal.getApp('vendor-2', app.id))) as PortalError;
    expect(error.code).toBe('not_found');
  });
});
