import { describe, expect, it } from 'vitest';
import { describeRequested } from './describe.ts';
import { consentedScopes, parseResourceScope, readableTypes, supportedScopes } from './scopes.ts';

const TYPES = ['Patient', 'Observation', 'Condition'];
const LAB = 'category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory';

describe('scope parsing', () => {
  it('accepts v1 read and wildcard scopes for supported types only', () => {
    expect(parseResourceScope('patient/Observation.read', TYPES)).toMatchObject({ type: 'Observation', version: 1 });
    expect(parseResourceScope('patient/*.read', TYPES)).toMatchObject({ type: '*', version: 1 });
    expect(parseResourceScope('patient/Observation.*', TYPES)).toMatchObject({ permissions: '*' });
    expect(parseResourceScope('patient/Observation.write', TYPES)).toBeUndefined();
    expect(parseResourceScope('patient/Medication.read', TYPES)).toBeUndefined();
    expect(parseResourceScope('user/Observation.read', TYPES)).toBeUndefined();
    expect(parseResourceScope('system/*.read', TYPES)).toBeUndefined();
  });

  it('accepts v2 permissions that include a read or a search, in cruds order', () => {
    for (const permissions of ['rs', 'r', 's', 'cruds', 'crs']) {
      expect(parseResourceScope(`patient/Condition.${permissions}`, TYPES)).toMatchObject({ version: 2, permissions });
    }
    for (const permissions of ['c', 'cud', 'sr', 'rr', 'x']) {
      expect(parseResourceScope(`patient/Condition.${permissions}`, TYPES)).toBeUndefined();
    }
  });

  it('accepts v2 granular filters on a named type, not on a wildcard or a malformed query', () => {
    expect(parseResourceScope(`patient/Observation.rs?${LAB}`, TYPES)).toMatchObject({ query: LAB });
    expect(parseResourceScope(`patient/*.rs?${LAB}`, TYPES)).toBeUndefined();
    expect(parseResourceScope('patient/Observation.rs?category', TYPES)).toBeUndefined();
    expect(parseResourceScope('patient/Observation.rs?=x', TYPES)).toBeUndefined();
  });

  it('keeps the context scopes and drops what it cannot grant, in request order', () => {
    const requested = ['openid', 'online_access', 'patient/Foo.read', 'launch/patient', 'user/*.read', 'patient/*.rs'];
    expect(supportedScopes(requested, TYPES)).toEqual(['openid', 'launch/patient', 'patient/*.rs']);
  });
});

describe('readable types', () => {
  it('a wildcard reaches only the supported types', () => {
    const readable = readableTypes(['patient/*.read'], TYPES);
    expect([...readable.keys()]).toEqual(TYPES);
    expect(readable.get('Observation')).toEqual([]);
  });

  it('granular scopes restrict a type unless an unrestricted scope covers it too', () => {
    const other = 'category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs';
    const filtered = readableTypes([`patient/Observation.rs?${LAB}`, `patient/Observation.rs?${other}`], TYPES);
    expect(filtered.get('Observation')).toEqual([LAB, other]);
    expect(filtered.has('Patient')).toBe(false);
    const widened = readableTypes([`patient/Observation.rs?${LAB}`, 'patient/Observation.read'], TYPES);
    expect(widened.get('Observation')).toEqual([]);
  });
});

describe('consent', () => {
  it('a wildcard whose every type stays ticked is granted as the wildcard', () => {
    const kept = ['openid', 'patient/Patient.read', 'patient/Observation.read', 'patient/Condition.read'];
    expect(consentedScopes(['openid', 'patient/*.read'], kept, TYPES)).toEqual(['openid', 'patient/*.read']);
  });

  it('unticking one type of a wildcard grants the other types one by one', () => {
    const kept = ['openid', 'patient/Patient.rs', 'patient/Condition.rs'];
    expect(consentedScopes(['openid', 'patient/*.rs'], kept, TYPES)).toEqual([
      'openid',
      'patient/Patient.rs',
      'patient/Condition.rs',
    ]);
  });

  it('never grants a scope nobody requested', () => {
    expect(
      consentedScopes(['openid', 'patient/Patient.read'], ['patient/Observation.read', 'user/*.read'], TYPES),
    ).toEqual([]);
  });

  it('describes every requested permission in plain words, one line per type for a wildcard', () => {
    const lines = describeRequested(
      ['openid', 'offline_access', 'patient/*.read', `patient/Observation.rs?${LAB}`],
      TYPES,
    );
    expect(lines.map((line) => line.resourceType ?? line.scope)).toEqual([
      'openid',
      'offline_access',
      'Patient',
      'Observation',
      'Condition',
      'Observation',
    ]);
    expect(lines.find((line) => line.scope === 'offline_access')?.description).toMatch(/not using the app/);
    expect(lines.at(-1)?.description).toBe(
      'See your lab results, vital signs and other observations (only category laboratory)',
    );
    expect(lines[2]).toEqual({
      scope: 'patient/Patient.read',
      description: 'See your name, birth date and contact details',
      resourceType: 'Patient',
    });
  });
});
