import { describe, expect, it } from 'vitest';
import { type PortalError } from '../types.ts';
import { appInput, createTestPortal, rejection } from '../test-support/harness.ts';

describe('getApp', () => {
  it('returns the app by id', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(appInput());
    expect(await portal.getApp(app.id)).toEqual(app);
  });

  it("another owner's app is not found", async () => {
    const { portal, records, fhir } = createTestPortal();
    const app = await portal.createApp(appInput());
    const other = createTestPortal({ records, fhir, ownerId: 'vendor-2' }).portal;
    const error = (await rejection(other.getApp(app.id))) as PortalError;
    expect(error.status).toBe(404);
    expect(error.code).toBe('not_found');
  });
});
