import { describe, expect, it } from 'vitest';
import { describeRequested } from './describe.ts';
import { consentedScopes, grantableScopes, parseResourceScope, readableTypes, supportedScopes } from './scopes.ts';

const TYPES = ['Patient', 'Observation', 'Condition'];
const LAB = 'category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory';

describe('scope parsing', () => {
  it('accepts v1 read and wildcard scopes for supported types only', () => {
    expect(parseResourceScope('patient/Observation.read', TYPES)).toMatchObject({ type: 'Observation', version: 1 });
    expect(parseResourceScope('patient/*.read', TYPES)).toMatchObject({ type: '*', version: 1 });
    expect(parseResourceScope('patient/Observation.*', TYPES)).toBeUndefined();
    expect(parseResourceScope('patient/Observation.write', TYPES)).toBeUndefined();
    expect(parseResourceScope('patient/Medication.read', TYPES)).toBeUndefined();
    expect(parseResourceScope('system/*.read', TYPES)).toBeUndefined();
  });

  it('parses user/ scopes as patient/ ones, with their level (CARIN BB apps ask for them)', () => {
    expect(parseResourceScope('user/Observation.read', TYPES)).toMatchObject({
      level: 'user',
      type: 'Observation',
      version: 1,
    });
    expect(parseResourceScope('patient/Observation.read', TYPES)).toMatchObject({ level: 'patient' });
    expect(parseResourceScope(`user/Observation.rs?${LAB}`, TYPES)).toMatchObject({ level: 'user', query: LAB });
    expect(parseResourceScope('user/Observation.write', TYPES)).toBeUndefined();
    expect(parseResourceScope('user/Medication.read', TYPES)).toBeUndefined();
    expect(parseResourceScope('users/Observation.read', TYPES)).toBeUndefined();
  });

  it('a user/ scope allows what the same patient/ scope allows', () => {
    const asUser = readableTypes(['user/Observation.rs', `user/Condition.rs?${LAB}`, 'user/Medication.read'], TYPES);
    const asPatient = readableTypes(['patient/Observation.rs', `patient/Condition.rs?${LAB}`], TYPES);
    expect(asUser).toEqual(asPatient);
    expect([...asUser.keys()]).toEqual(['Observation', 'Condition']);
  });

  it('accepts v2 read and search permissions only, in cruds order', () => {
    for (const permissions of ['rs', 'r', 's']) {
      expect(parseResourceScope(`patient/Condition.${permissions}`, TYPES)).toMatchObject({ version: 2, permissions });
    }
    for (const permissions of ['c', 'cud', 'cruds', 'crs', 'rd', 'sr', 'rr', 'x']) {
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
    const requested = [
      'openid',
      'online_access',
      'patient/Foo.read',
      'launch/patient',
      'system/*.read',
      'patient/*.rs',
    ];
    expect(supportedScopes(requested, TYPES)).toEqual(['openid', 'launch/patient', 'patient/*.rs']);
  });
});

describe('what a request is granted at most', () => {
  const standalone = { ehrLaunch: false };

  it('a wildcard is the explicit list of the supported types, never the wildcard', () => {
    for (const [wildcard, permissions] of [
      ['patient/*.read', 'read'],
      ['patient/*.*', 'read'],
      ['patient/*.rs', 'rs'],
      ['patient/*.cruds', 'rs'],
      ['patient/*.r', 'r'],
    ] as const) {
      expect(grantableScopes(['openid', wildcard], TYPES, standalone)).toEqual([
        'openid',
        ...TYPES.map((type) => `patient/${type}.${permissions}`),
      ]);
    }
  });

  it('user/ scopes are granted at their level: a wildcard as each type, write narrowed away', () => {
    expect(
      grantableScopes(['openid', 'user/*.read', 'user/Condition.cruds', 'user/Patient.write'], TYPES, standalone),
    ).toEqual(['openid', ...TYPES.map((type) => `user/${type}.read`), 'user/Condition.rs']);
  });

  it('drops v1 write scopes and narrows v1 .* to .read', () => {
    const requested = ['patient/Observation.write', 'patient/Condition.*', 'patient/*.write', 'patient/Patient.read'];
    expect(grantableScopes(requested, TYPES, standalone)).toEqual(['patient/Condition.read', 'patient/Patient.read']);
  });

  it('keeps only the r and s of v2 permissions: .cruds grants at most .rs, write-only scopes nothing', () => {
    const requested = [
      'patient/Observation.cruds',
      'patient/Condition.cud',
      'patient/Condition.c',
      'patient/Condition.cu',
      'patient/Patient.crs',
      `patient/Observation.cruds?${LAB}`,
      'patient/Condition.rd',
    ];
    expect(grantableScopes(requested, TYPES, standalone)).toEqual([
      'patient/Observation.rs',
      'patient/Patient.rs',
      `patient/Observation.rs?${LAB}`,
      'patient/Condition.r',
    ]);
  });

  it('grants launch only to an EHR launch', () => {
    const requested = ['launch', 'launch/patient', 'openid', 'patient/Patient.read'];
    expect(grantableScopes(requested, TYPES, standalone)).toEqual(['launch/patient', 'openid', 'patient/Patient.read']);
    expect(grantableScopes(requested, TYPES, { ehrLaunch: true })).toEqual(requested);
  });

  it('lists each granted scope once, in request order', () => {
    const requested = ['patient/Observation.read', 'patient/*.read', 'patient/Observation.cruds', 'patient/*.rs'];
    expect(grantableScopes(requested, TYPES, standalone)).toEqual([
      'patient/Observation.read',
      'patient/Patient.read',
      'patient/Condition.read',
      'patient/Observation.rs',
      'patient/Patient.rs',
      'patient/Condition.rs',
    ]);
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
  const standalone = { ehrLaunch: false };

  it('a wildcard whose every type stays ticked is granted as each type, not as the wildcard', () => {
    const kept = ['openid', 'patient/Patient.read', 'patient/Observation.read', 'patient/Condition.read'];
    expect(consentedScopes(['openid', 'patient/*.read'], kept, TYPES, standalone)).toEqual(kept);
    expect(consentedScopes(['openid', 'patient/*.read'], ['openid', 'patient/*.read'], TYPES, standalone)).toEqual(
      kept,
    );
  });

  it('unticking one type of a wildcard grants the other types one by one', () => {
    const kept = ['openid', 'patient/Patient.rs', 'patient/Condition.rs'];
    expect(consentedScopes(['openid', 'patient/*.rs'], kept, TYPES, standalone)).toEqual([
      'openid',
      'patient/Patient.rs',
      'patient/Condition.rs',
    ]);
  });

  it('never grants a scope nobody requested, a write scope, or launch outside an EHR launch', () => {
    expect(
      consentedScopes(
        ['openid', 'patient/Patient.read'],
        ['patient/Observation.read', 'user/*.read'],
        TYPES,
        standalone,
      ),
    ).toEqual([]);
    const requested = ['launch', 'patient/Patient.cruds', 'patient/Observation.*'];
    expect(consentedScopes(requested, requested, TYPES, standalone)).toEqual([
      'patient/Patient.rs',
      'patient/Observation.read',
    ]);
  });

  it('describes every requested permission in plain words, one line per type for a wildcard', () => {
    const lines = describeRequested(
      ['openid', 'offline_access', 'patient/*.read', `patient/Condition.rs?${LAB}`],
      TYPES,
      standalone,
    );
    expect(lines.map((line) => line.resourceType ?? line.scopes.join(' '))).toEqual([
      'openid',
      'offline_access',
      'Patient',
      'Observation',
      'Condition',
    ]);
    expect(lines.find((line) => line.scopes.includes('offline_access'))?.description).toMatch(/not using the app/);
    expect(lines[2]).toEqual({
      scopes: ['patient/Patient.read'],
      description: 'See your name, birth date and contact details',
      resourceType: 'Patient',
    });
    // The unrestricted Condition.read of the wildcard covers the granular scope: one line, without the filter.
    expect(lines.at(-1)).toEqual({
      scopes: ['patient/Condition.read', `patient/Condition.rs?${LAB}`],
      description: 'See your conditions and diagnoses',
      resourceType: 'Condition',
    });
  });

  it("words user/ scopes as the member's own data, on the same line as the type's patient/ scopes", () => {
    const lines = describeRequested(
      ['openid', 'user/Observation.rs', 'patient/Observation.read', 'user/Patient.r'],
      TYPES,
      standalone,
    );
    expect(lines.slice(1)).toEqual([
      {
        scopes: ['user/Observation.rs', 'patient/Observation.read'],
        description: 'See your lab results, vital signs and other observations',
        resourceType: 'Observation',
      },
      {
        scopes: ['user/Patient.r'],
        description: 'Open your name, birth date and contact details',
        resourceType: 'Patient',
      },
    ]);
  });

  it('never repeats a near-identical line: one per type, context scopes that mean the same once', () => {
    const lines = describeRequested(
      [
        'launch/patient',
        'openid',
        'fhirUser',
        'profile',
        'patient/Observation.read',
        'patient/Observation.rs',
        'patient/*.read',
        'patient/Condition.r',
        'patient/Condition.s',
      ],
      TYPES,
      standalone,
    );
    expect(lines).toEqual([
      {
        scopes: ['launch/patient', 'openid', 'fhirUser', 'profile'],
        description: 'Confirm who you are and know which member record is yours',
      },
      {
        scopes: ['patient/Observation.read', 'patient/Observation.rs'],
        description: 'See your lab results, vital signs and other observations',
        resourceType: 'Observation',
      },
      {
        scopes: ['patient/Patient.read'],
        description: 'See your name, birth date and contact details',
        resourceType: 'Patient',
      },
      {
        scopes: ['patient/Condition.read', 'patient/Condition.r', 'patient/Condition.s'],
        description: 'See your conditions and diagnoses',
        resourceType: 'Condition',
      },
    ]);
    const descriptions = lines.map((line) => line.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });

  it('names the filters of a type asked for by granular scopes only, on one line', () => {
    const vitals = 'category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs';
    const lines = describeRequested(
      ['launch', 'launch/patient', `patient/Observation.rs?${LAB}`, `patient/Observation.s?${vitals}`],
      TYPES,
      { ehrLaunch: true },
    );
    expect(lines.map((line) => line.description)).toEqual([
      'Open with the member record that was already selected',
      'Know which member record is yours',
      'See your lab results, vital signs and other observations (only category laboratory or category vital-signs)',
    ]);
    expect(describeRequested(['launch', 'openid'], TYPES, standalone)).toEqual([
      { scopes: ['openid'], description: 'Confirm who you are when you sign in to the app' },
    ]);
  });
});
