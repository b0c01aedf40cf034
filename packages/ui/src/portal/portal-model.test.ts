import { describe, expect, it } from 'vitest';
import {
  appFilterOptions,
  connectedLabel,
  connectUrl,
  dataTypeLabel,
  entryWhat,
  formatDay,
  formatDayTime,
  hostOf,
  isIsoDay,
  lastUsedLabel,
  localIsoDay,
  policyLinks,
  registrationErrors,
  registrationInput,
  safeWebUrl,
  statusLabel,
} from './portal-model.ts';

// Noon UTC: the same day in every time zone a test machine may have.
const NOON = '2025-03-04T12:00:00Z';

describe('dates', () => {
  it('shows a day, and a day with its time', () => {
    expect(formatDay(NOON)).toBe('Mar 4, 2025');
    expect(formatDayTime(NOON)).toMatch(/^Mar 4, 2025, \d{1,2}:00 (AM|PM)$/);
  });

  it('keeps what is not a date as it is', () => {
    expect(formatDay('soon')).toBe('soon');
    expect(formatDayTime('')).toBe('');
  });

  it('gives today in the local zone as YYYY-MM-DD', () => {
    expect(localIsoDay(new Date(2025, 0, 9, 23, 30))).toBe('2025-01-09');
  });
});

describe('a connected app', () => {
  it('says when it was connected and last used', () => {
    expect(connectedLabel({ grantedAt: NOON })).toBe('Connected Mar 4, 2025');
    expect(lastUsedLabel({ lastUsedAt: '2025-03-09T12:00:00Z' })).toBe('Last used Mar 9, 2025');
    expect(lastUsedLabel({})).toBe('Not used yet');
  });

  it('names data types in plain words', () => {
    expect(dataTypeLabel('ExplanationOfBenefit')).toBe('Claims');
    expect(dataTypeLabel('Coverage')).toBe('Health plan coverage');
    expect(dataTypeLabel('Patient')).toBe('Personal details');
    expect(dataTypeLabel('Basic')).toBe('Basic');
  });
});

describe('the access history', () => {
  it('says what was read and how many', () => {
    expect(entryWhat({ resourceType: 'ExplanationOfBenefit', count: 12, request: 'GET /ExplanationOfBenefit' })).toBe(
      'Claims · 12 records',
    );
    expect(entryWhat({ resourceType: 'Patient', count: 1, request: 'GET /Patient/p1' })).toBe(
      'Personal details · 1 record',
    );
    expect(entryWhat({ request: 'GET /metadata' })).toBe('GET /metadata');
  });

  it('names the outcome of a read', () => {
    expect(statusLabel(200).label).toBe('Read');
    expect(statusLabel(403)).toEqual({ label: 'Refused: not allowed', color: 'orange' });
    expect(statusLabel(401).label).toBe('Refused: token not valid');
    expect(statusLabel(404).label).toBe('Not found');
    expect(statusLabel(429).label).toBe('Refused (429)');
    expect(statusLabel(500)).toEqual({ label: 'Failed (500)', color: 'red' });
  });

  it('offers each app once in the filter, connected or only in the history, by name', () => {
    expect(
      appFilterOptions(
        [
          { clientId: 'c2', name: 'Zeta Health' },
          { clientId: 'c1', name: 'Acme Claims' },
        ],
        [
          { clientId: 'c1', appName: 'Old name' },
          { clientId: 'c3', appName: 'Gone App' },
          { clientId: 'c3', appName: 'Gone App' },
        ],
      ),
    ).toEqual([
      { value: 'c1', label: 'Acme Claims' },
      { value: 'c3', label: 'Gone App' },
      { value: 'c2', label: 'Zeta Health' },
    ]);
  });
});

describe('an app of the gallery', () => {
  it('connects to its launch URL, else its organization site, only over http(s)', () => {
    expect(connectUrl({ launchUrl: 'https://app.example/launch', organizationUrl: 'https://org.example' })).toBe(
      'https://app.example/launch',
    );
    expect(connectUrl({ organizationUrl: 'https://org.example' })).toBe('https://org.example/');
    expect(connectUrl({ launchUrl: 'javascript:alert(1)', organizationUrl: 'https://org.example' })).toBe(
      'https://org.example/',
    );
    expect(connectUrl({})).toBeUndefined();
  });

  it('lists the policy links it has, in order', () => {
    expect(
      policyLinks({ termsOfServiceUrl: 'https://a.example/terms', privacyPolicyUrl: 'https://a.example/privacy' }),
    ).toEqual([
      { label: 'Privacy Policy', href: 'https://a.example/privacy' },
      { label: 'Terms of Service', href: 'https://a.example/terms' },
    ]);
    expect(policyLinks({ securityPolicyUrl: 'data:text/html,x' })).toEqual([]);
  });

  it('reads web addresses safely', () => {
    expect(safeWebUrl(' http://a.example ')).toBe('http://a.example/');
    expect(safeWebUrl('/relative')).toBeUndefined();
    expect(safeWebUrl('')).toBeUndefined();
    expect(hostOf('https://www.acme.example/x')).toBe('www.acme.example');
    expect(hostOf('nope')).toBe('');
  });
});

describe('the Register form', () => {
  const TODAY = '2025-06-01';
  const FILLED = { memberId: ' M123 ', birthDate: '1980-02-29', email: ' pat@example.com ' };

  it('accepts a filled form and sends it trimmed, the date as YYYY-MM-DD', () => {
    expect(registrationErrors(FILLED, TODAY)).toEqual({});
    expect(registrationInput(FILLED)).toEqual({ memberId: 'M123', birthDate: '1980-02-29', email: 'pat@example.com' });
  });

  it('says what is missing or wrong', () => {
    expect(registrationErrors({ memberId: ' ', birthDate: '', email: '' }, TODAY)).toEqual({
      memberId: 'Enter the member ID on your plan card.',
      birthDate: 'Enter your date of birth.',
      email: 'Enter your email address.',
    });
    expect(registrationErrors({ ...FILLED, birthDate: '1981-02-29' }, TODAY).birthDate).toBe(
      'Enter a real date of birth.',
    );
    expect(registrationErrors({ ...FILLED, birthDate: '1850-01-01' }, TODAY).birthDate).toBe(
      'Enter a real date of birth.',
    );
    expect(registrationErrors({ ...FILLED, birthDate: '2025-06-02' }, TODAY).birthDate).toBe(
      'The date of birth cannot be in the future.',
    );
  });

  it('knows a calendar day', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-2-9')).toBe(false);
  });
});
