import { describe, expect, it } from 'vitest';
import { appInput, OWNER } from '../testing/harness.ts';
import { launchSetup } from '../testing/launch-setup.ts';

describe('listAccessLog', () => {
  it('lists accesses newest first, even within one millisecond, filtered by patient and client', async () => {
    const { portal, app, patient, clock } = await launchSetup();
    const other = await portal.createApp(OWNER, appInput({ name: 'Other' }));
    const log = (clientId: string, patientId: string, request: string) =>
      portal.recordFhirAccess({ clientId, patientId, method: 'GET', request, status: 200 });
    await log(app.clientId, patient.id, 'a');
    await log(app.clientId, patient.id, 'b');
    await log(other.clientId, patient.id, 'c');
    clock.advance(1);
    await log(app.clientId, 'p-other', 'd');
    expect((await portal.listAccessLog(OWNER)).map((e) => e.request)).toEqual(['d', 'c', 'b', 'a']);
    expect((await portal.listAccessLog(OWNER, { patientId: patient.id })).map((e) => e.request)).toEqual([
      'c',
      'b',
      'a',
    ]);
    expect((await portal.listAccessLog(OWNER, { clientId: app.clientId })).map((e) => e.request)).toEqual([
      'd',
      'b',
      'a',
    ]);
    expect(
      (await portal.listAccessLog(OWNER, { patientId: patient.id, clientId: other.clientId })).map((e) => e.appName),
    ).toEqual(['Other']);
    expect(await portal.listAccessLog(OWNER, { limit: 1 })).toHaveLength(1);
  });
});
