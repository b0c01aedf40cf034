import { describe, expect, it } from 'vitest';
import { carePlan, careTeam, device, goal, provenance, rowValue } from '../../testing/fhir-fixtures.ts';
import { summarizeCarePlan, summarizeCareTeam, summarizeDevice, summarizeGoal, summarizeProvenance } from './care.ts';

describe('summarizeCarePlan', () => {
  it('shows the plan title, status, period, goals and the conditions it addresses', () => {
    const s = summarizeCarePlan(carePlan);
    expect(s.title).toBe('Diabetes self-management plan');
    expect(s.subtitle).toBe('active · since Sep 17, 2021 · 1 goal');
    expect(rowValue(s, 'Addresses')).toEqual(['Hyperlipidemia', 'Obesity', 'Diabetes mellitus type 2']);
  });

  it('names an untitled plan by its specific category', () => {
    expect(summarizeCarePlan({ ...carePlan, title: undefined }).title).toBe('Diabetes self management plan');
  });
});

describe('summarizeCareTeam', () => {
  it('lists each member with their role', () => {
    const s = summarizeCareTeam(careTeam);
    expect(s.title).toBe('Care team of Lavonne Grace Bahringer');
    expect(s.subtitle).toBe('active · since Sep 17, 2021 · 4 members');
    expect(rowValue(s, 'Members')).toContain('Steve V. Hansen, MD — Internal Medicine');
  });
});

describe('summarizeGoal', () => {
  it('shows the goal with its target and due date', () => {
    const s = summarizeGoal(goal);
    expect(s.title).toBe('Hemoglobin A1c < 7.0 %');
    expect(s.subtitle).toBe('active · due Dec 30, 2026');
    expect(rowValue(s, 'Targets')).toEqual(['Hemoglobin A1c/Hemoglobin.total in Blood: < 7% by Dec 30, 2026']);
  });
});

describe('summarizeDevice', () => {
  it('shows the device type and status, and its UDI when there is one', () => {
    expect(summarizeDevice(device)).toMatchObject({ title: 'Cardiac pacemaker', subtitle: 'active' });
    const withUdi = summarizeDevice({ ...device, udiCarrier: [{ deviceIdentifier: '00643169007222' }] });
    expect(withUdi.subtitle).toBe('active · UDI 00643169007222');
    expect(rowValue(withUdi, 'UDI')).toBe('00643169007222');
  });
});

describe('summarizeProvenance', () => {
  it('shows how many records it covers, of which types, when and by whom', () => {
    const s = summarizeProvenance(provenance);
    expect(s.title).toBe('Source of 4 records (Encounter, Condition, Immunization, DocumentReference)');
    expect(s.subtitle).toBe('Sep 17, 2021, 11:45 AM · Columbus Primary Care Associates');
    expect(rowValue(s, 'Agents')).toEqual([
      'Author: Columbus Primary Care Associates',
      'Author: Steve V. Hansen, MD on behalf of Columbus Primary Care Associates',
    ]);
  });
});
