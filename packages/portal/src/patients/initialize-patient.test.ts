import { describe, expect, it } from 'vitest';
import { generateMember, memberPatientId, SCENARIOS } from '@plan-api/synthetic';
import type { Patient } from 'fhir/r4';
import { PortalError } from '../types.ts';
import { createTestPortal, rejection, TEST_DIRECTORY, TEST_TERMINOLOGY, OWNER } from '../testing/harness.ts';

describe('initializePatient', () => {
  it('generates the member of the seed, loads it into the FHIR store and records it', async () => {
    const { portal, fhir } = createTestPortal();
    const record = await portal.initializePatient(OWNER, { seed: 'alice', scenario: 'diabetes' });
    const member = generateMember({
      seed: 'alice',
      scenario: 'diabetes',
      directory: TEST_DIRECTORY.handle,
      terminology: TEST_TERMINOLOGY,
    });
    const person = member.timeline.person;
    expect(record).toMatchObject({
      id: memberPatientId('alice'),
      ownerId: 'sandbox',
      name: `${person.given.join(' ')} ${person.family}`,
      birthDate: person.birthDate,
      gender: person.sex,
      scenario: 'diabetes',
      seed: 'alice',
      createdAt: '2026-07-01T12:00:00.000Z',
    });
    const total = Object.values(record.resourceCounts).reduce((a, b) => a + b, 0);
    expect(total).toBe(member.resources.length);
    expect(record.resourceCounts.Patient).toBe(1);
    expect(record.resourceCounts.ExplanationOfBenefit).toBeGreaterThan(0);
    const stored = JSON.parse((await fhir.read('Patient', record.id)).json) as Patient;
    expect(stored.birthDate).toBe(person.birthDate);
    const lastEob = member.resources.filter((r) => r.resourceType === 'ExplanationOfBenefit').at(-1);
    expect((await fhir.read('ExplanationOfBenefit', lastEob?.id ?? '')).id).toBe(lastEob?.id);
    expect(await portal.listPatients(OWNER)).toEqual([record]);
  });

  it('without a seed, a random one is used and kept on the record', async () => {
    const { portal } = createTestPortal({ random: undefined });
    const a = await portal.initializePatient(OWNER);
    const b = await portal.initializePatient(OWNER, {});
    expect(a.seed).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(a.seed).not.toBe(b.seed);
    expect(a.id).toBe(memberPatientId(a.seed));
    expect(SCENARIOS).toContain(a.scenario);
  });

  it('an integer seed is the same member as its string', async () => {
    const { portal } = createTestPortal();
    const record = await portal.initializePatient(OWNER, { seed: 42, scenario: 'healthy' });
    expect(record.seed).toBe('42');
    expect(record.id).toBe(memberPatientId('42'));
  });

  it('the same seed twice is a 409 naming the existing patient', async () => {
    const { portal } = createTestPortal();
    const first = await portal.initializePatient(OWNER, { seed: 'twice', scenario: 'healthy' });
    const error = (await rejection(portal.initializePatient(OWNER, { seed: 'twice' }))) as PortalError;
    expect(error).toBeInstanceOf(PortalError);
    expect(error.code).toBe('patient_exists');
    expect(error.message).toContain(`Patient/${first.id}`);
    expect(error.fields.seed).toBeDefined();
  });

  it('an unknown scenario is a 400 that lists the scenarios', async () => {
    const { portal } = createTestPortal();
    const error = (await rejection(portal.initializePatient(OWNER, { scenario: 'athlete' }))) as PortalError;
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual({ scenario: `scenario must be one of ${SCENARIOS.join(', ')}.` });
    expect(await portal.listPatients(OWNER)).toEqual([]);
  });

  it('an unknown option, an empty seed or a non-object body is a 400', async () => {
    const { portal } = createTestPortal();
    const unknown = (await rejection(portal.initializePatient(OWNER, { age: 40 }))) as PortalError;
    expect(unknown.fields.age).toBe('"age" is not an option of Initialize Patient; the options are seed and scenario.');
    const empty = (await rejection(portal.initializePatient(OWNER, { seed: '' }))) as PortalError;
    expect(empty.fields.seed).toContain('seed must be a non-empty string');
    const fraction = (await rejection(portal.initializePatient(OWNER, { seed: 1.5 }))) as PortalError;
    expect(fraction.fields.seed).toBe(empty.fields.seed);
    const bidi = (await rejection(portal.initializePatient(OWNER, { seed: 'ali\u202Ece' }))) as PortalError;
    expect(bidi.fields.seed).toBe(
      'seed must not contain control or text-direction characters (such as line breaks or right-to-left overrides).',
    );
    const notObject = (await rejection(portal.initializePatient(OWNER, 'alice'))) as PortalError;
    expect(notObject.code).toBe('validation_failed');
  });
});
