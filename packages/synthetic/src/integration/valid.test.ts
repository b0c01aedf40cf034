import type { Resource } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { createValidator } from '../validate.ts';
import { buildFixture, keyOf, MEMBER_SEEDS, unresolved, type Fixture } from '../testing/integration-fixtures.ts';

let fixture: Fixture;
const validator = createValidator();

beforeAll(() => {
  fixture = buildFixture();
});

const memberOf = (seed: string) => {
  const index = MEMBER_SEEDS.findIndex((m) => m.seed === seed);
  const member = fixture.members[index];
  if (!member) throw new Error(`no member ${seed}`);
  return member;
};

describe('generated members and directory are valid FHIR R4 that holds together', () => {
  it.each(MEMBER_SEEDS)('every resource of member $seed ($scenario) validates', ({ seed }) => {
    const issues = memberOf(seed).resources.flatMap((r) =>
      validator.validate(r).map((i) => `${keyOf(r)} ${i.path}: ${i.message}`),
    );
    expect(issues).toEqual([]);
  });

  it('every resource of a 2,000-resource directory validates', () => {
    expect(fixture.directory.length).toBeGreaterThan(1500);
    const issues = fixture.directory.flatMap((r) =>
      validator.validate(r).map((i) => `${keyOf(r)} ${i.path}: ${i.message}`),
    );
    // Capped so that a systematic problem prints readably.
    expect(issues.slice(0, 50)).toEqual([]);
  });

  it('every directory reference resolves within the directory, and every id is unique', () => {
    const keys = fixture.directory.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(unresolved(fixture.directory, new Set(keys)).slice(0, 50)).toEqual([]);
  });

  it.each(MEMBER_SEEDS)('every reference of member $seed resolves to the member or the directory', ({ seed }) => {
    const member = memberOf(seed);
    const universe = new Set([...fixture.directory.map(keyOf), ...member.resources.map(keyOf)]);
    expect(new Set(member.resources.map(keyOf)).size).toBe(member.resources.length);
    expect(unresolved(member.resources, universe)).toEqual([]);
  });

  it('the directory handle points at resources the directory stream emits', () => {
    const keys = new Set(fixture.directory.map(keyOf));
    const { handle } = fixture;
    expect(keys.has(handle.plan.reference)).toBe(true);
    for (const plan of handle.insurancePlans) expect(keys.has(plan.reference)).toBe(true);
  });

  it('the validator rejects broken copies of generated resources', () => {
    const member = memberOf('it-diabetes-0');
    const first = (type: string) => {
      const found = member.resources.find((r) => r.resourceType === type);
      if (!found) throw new Error(`no ${type}`);
      return JSON.parse(JSON.stringify(found)) as Record<string, unknown>;
    };
    const eob = first('ExplanationOfBenefit');
    delete eob.insurer;
    const observation = { ...first('Observation'), status: 'done' };
    const patient = { ...first('Patient'), birthDate: 19700101 };
    const encounter = { ...first('Encounter'), id: 'enc_1' };
    for (const broken of [eob, observation, patient, encounter]) {
      expect(validator.validate(broken as unknown as Resource).length).toBeGreaterThan(0);
    }
  });
});
