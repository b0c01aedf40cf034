import { describe, expect, it } from 'vitest';
import { appInput, OWNER } from '../testing/harness.ts';
import { launchSetup } from '../testing/launch-setup.ts';

describe('listLaunches', () => {
  it('lists launches newest first with app name, patient name, status and step count', async () => {
    const { portal, app, patient, clock } = await launchSetup();
    const other = await portal.createApp(OWNER, appInput({ name: 'Other App' }));
    const first = (await portal.createLaunch(OWNER, app.id, { patientId: patient.id })).launch;
    clock.advance(1);
    const second = (await portal.createLaunch(OWNER, other.id, { patientId: patient.id })).launch;
    clock.advance(1);
    await portal.resolveLaunch(first.id, app.clientId);
    const list = await portal.listLaunches(OWNER);
    expect(list.map((l) => [l.id, l.appName, l.patientName, l.status, l.stepCount])).toEqual([
      [second.id, 'Other App', patient.name, 'created', 1],
      [first.id, 'Health Wallet', patient.name, 'authorizing', 2],
    ]);
  });

  it('filters by app and limits the count', async () => {
    const { portal, app, patient, clock } = await launchSetup();
    const other = await portal.createApp(OWNER, appInput({ name: 'Other App' }));
    for (let i = 0; i < 3; i++) {
      await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
      await portal.createLaunch(OWNER, other.id, { patientId: patient.id });
      clock.advance(1);
    }
    expect((await portal.listLaunches(OWNER, { appId: other.id })).map((l) => l.appName)).toEqual([
      'Other App',
      'Other App',
      'Other App',
    ]);
    expect(await portal.listLaunches(OWNER, { limit: 2 })).toHaveLength(2);
    expect(await portal.listLaunches(OWNER, { appId: 'nope' })).toEqual([]);
  });
});
