import { describe, expect, it } from 'vitest';
import { appInput, createTestPortal, rejection, OWNER } from '../testing/harness.ts';
import { completeApp } from '../testing/production.ts';
import type { PortalError } from '../types.ts';

describe('productionChecks', () => {
  it("runs the pre-checks on the owner's app as it is now", async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    const blocking = (await portal.productionChecks(OWNER, app.id)).filter(
      (c) => c.severity === 'blocking' && !c.passed,
    );
    expect(blocking.map((c) => c.field)).toEqual([
      'privacyPolicyUrl',
      'termsOfServiceUrl',
      'securityPolicyUrl',
      'organizationName',
      'description',
      'logoUrl',
    ]);
    await portal.updateApp(OWNER, app.id, completeApp());
    expect((await portal.productionChecks(OWNER, app.id)).every((c) => c.passed)).toBe(true);
  });

  it("another owner's app is not found", async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    expect(((await rejection(portal.productionChecks('vendor-2', app.id))) as PortalError).code).toBe('not_found');
  });
});
