import { describe, expect, it } from 'vitest';
import type { Observation, Organization, Patient } from 'fhir/r4';
import { createDefaultRegistry, parseSearch } from '@plan-api/fhir';
import { candidateIds } from './criteria.ts';
import { FhirEngine } from './engine.ts';

const registry = createDefaultRegistry();
const parse = (type: string, query: string) =>
  parseSearch(type, new URLSearchParams(query), registry, { defaultCount: 50, maxCount: 500, strict: true });

function engineWithObservations(patients: number, perPatient: number): FhirEngine {
  const engine = new FhirEngine({ registry });
  for (let p = 0; p < patients; p++) {
    const patient: Patient = { resourceType: 'Patient', id: `p${p}`, name: [{ family: p % 2 ? 'Odd' : 'Even' }] };
    engine.load(patient);
    for (let o = 0; o < perPatient; o++) {
      const obs: Observation = {
        resourceType: 'Observation',
        id: `o${p}-${o}`,
        status: 'final',
        code: { text: 'x' },
        subject: { reference: `Patient/p${p}` },
      };
      engine.load(obs);
    }
  }
  return engine;
}

describe('candidate narrowing', () => {
  const engine = engineWithObservations(200, 5);
  const table = engine.table('Observation')!;

  it('a patient criterion narrows the candidates to the resources that reference the patient', () => {
    const ids = candidateIds(engine, table, parse('Observation', 'patient=p17&status=final').criteria, new Map());
    expect(ids).toEqual(['o17-0', 'o17-1', 'o17-2', 'o17-3', 'o17-4']);
  });

  it('a typed reference and a comma list narrow the same way', () => {
    const ids = candidateIds(engine, table, parse('Observation', 'subject=Patient/p3,Patient/p4').criteria, new Map());
    expect(ids.length).toBe(10);
  });

  it('a forward chain narrows through the ids the inner search finds', () => {
    const ids = candidateIds(engine, table, parse('Observation', 'patient.family=odd').criteria, new Map());
    expect(ids.length).toBe(100 * 5);
    expect(ids.every((id) => Number(id.slice(1).split('-')[0]) % 2 === 1)).toBe(true);
  });

  it('a criterion without an index leaves every resource a candidate', () => {
    expect(candidateIds(engine, table, parse('Observation', 'status=final').criteria, new Map()).length).toBe(1000);
  });

  it('an update moves a resource in the reference index and a delete takes it out', () => {
    const local = engineWithObservations(2, 1);
    const obs: Observation = {
      resourceType: 'Observation',
      id: 'o0-0',
      status: 'final',
      code: { text: 'x' },
      subject: { reference: 'Patient/p1' },
    };
    local.update(obs);
    const t = local.table('Observation')!;
    expect(t.referencing('patient', 'Patient/p0')).toBeUndefined();
    expect([...(t.referencing('patient', 'Patient/p1') ?? [])].sort()).toEqual(['o0-0', 'o1-0']);
    local.delete('Observation', 'o1-0');
    expect([...(t.referencing('patient', 'Patient/p1') ?? [])]).toEqual(['o0-0']);
    expect(t.liveCount).toBe(1);
  });

  it('a rolled back transaction leaves the reference index as it was', () => {
    const local = engineWithObservations(2, 1);
    const moved: Observation = {
      resourceType: 'Observation',
      id: 'o0-0',
      status: 'final',
      code: { text: 'x' },
      subject: { reference: 'Patient/p1' },
    };
    expect(() =>
      local.atomically(() => {
        local.update(moved);
        local.delete('Observation', 'o1-0');
        throw new Error('abort');
      }),
    ).toThrow('abort');
    const t = local.table('Observation')!;
    expect([...(t.referencing('patient', 'Patient/p0') ?? [])]).toEqual(['o0-0']);
    expect([...(t.referencing('patient', 'Patient/p1') ?? [])]).toEqual(['o1-0']);
    expect(t.log.length).toBe(2);
    expect(t.liveCount).toBe(2);
  });

  it('a repeated patient search sees a write made after it ran and not a write rolled back', () => {
    const local = engineWithObservations(2, 2);
    const ids = () => local.search(parse('Observation', 'patient=p1')).matches.map((m) => m.id);
    expect(ids()).toEqual(['o1-0', 'o1-1']);
    const obs = (id: string): Observation => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { text: 'x' },
      subject: { reference: 'Patient/p1' },
    });
    local.update(obs('o1-00'));
    expect(ids()).toEqual(['o1-0', 'o1-00', 'o1-1']);
    expect(() =>
      local.atomically(() => {
        local.update(obs('a-first'));
        expect(ids()).toEqual(['a-first', 'o1-0', 'o1-00', 'o1-1']);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(ids()).toEqual(['o1-0', 'o1-00', 'o1-1']);
  });
});

describe('includes', () => {
  it('_include:iterate stops on a reference cycle', () => {
    const engine = new FhirEngine({ registry });
    const a: Organization = {
      resourceType: 'Organization',
      id: 'a',
      name: 'A',
      partOf: { reference: 'Organization/b' },
    };
    const b: Organization = {
      resourceType: 'Organization',
      id: 'b',
      name: 'B',
      partOf: { reference: 'Organization/a' },
    };
    engine.load(a);
    engine.load(b);
    const result = engine.search(parse('Organization', '_id=a&_include:iterate=Organization:partof'));
    expect(result.matches.map((m) => m.id)).toEqual(['a']);
    expect(result.included.map((m) => m.id)).toEqual(['b']);
  });
});
