import { describe, expect, it } from 'vitest';
import { OWNER } from '../testing/harness.ts';
import { launchSetup } from '../testing/launch-setup.ts';

const AT = '2026-07-01T12:00:01.000Z';

describe('recordLogEvents (the sandbox portal logs auth events and FHIR accesses in batches)', () => {
  it('keeps arrival order across kinds within a burst, and each access finds its launch', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const base = { at: AT, clientId: app.clientId, launchId: launch.id } as const;
    const access = (request: string) =>
      portal.recordFhirAccess({
        clientId: app.clientId,
        patientId: patient.id,
        grantId: 'g-burst',
        method: 'GET',
        request,
        status: 200,
        count: 1,
      });
    // One burst (nothing awaited in between): one batch.
    const settled = await Promise.all([
      portal.recordAuthEvent({ ...base, type: 'authorize', status: 'ok' }),
      portal.recordAuthEvent({ ...base, type: 'token', status: 'ok', grantId: 'g-burst', patientId: patient.id }),
      access('Patient/1'),
      access('Coverage?patient=1'),
      access('ExplanationOfBenefit?patient=1'),
    ]);
    expect(settled.every((result) => result !== undefined)).toBe(true);
    const { steps } = await portal.getLaunch(OWNER, launch.id);
    expect(steps.slice(-5).map((s) => [s.step, s.request ?? ''])).toEqual([
      ['authorize', ''],
      ['token', ''],
      ['fhir', 'GET Patient/1'],
      ['fhir', 'GET Coverage?patient=1'],
      ['fhir', 'GET ExplanationOfBenefit?patient=1'],
    ]);
    const seqs = steps.map((s) => s.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const log = await portal.listAccessLog(OWNER, {});
    expect(log.filter((e) => e.launchId === launch.id)).toHaveLength(3);
  });
});
