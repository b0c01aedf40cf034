import { describe, expect, it } from 'vitest';
import type { PreCheck, ProductionStatus } from '../../api/types.ts';
import {
  checkFieldLabel,
  checkSummary,
  emptySendRequestForm,
  isPublished,
  pendingUpdateMessage,
  sendAvailability,
  sendRequestErrors,
  sendRequestInput,
  splitSendErrors,
  statusBadge,
  statusFacts,
} from './production-model.ts';

const answered = {
  sellsData: 'no',
  sharesWithThirdParties: 'no',
  membersCanDelete: 'yes',
  followsCarinCode: 'yes',
} as const;

describe('App Status', () => {
  it('names each state with the seed words and a color', () => {
    const states: [ProductionStatus['state'], string, string][] = [
      ['draft', 'Draft', 'gray'],
      ['pending', 'Pending review', 'yellow'],
      ['approved', 'Approved', 'teal'],
      ['rejected', 'Rejected', 'red'],
      ['suspended', 'Suspended', 'orange'],
    ];
    for (const [state, label, color] of states) expect(statusBadge({ state })).toEqual({ label, color });
    expect(statusBadge(null).label).toBe('Draft');
  });

  it('offers Send Request for a draft, after a rejection, and after changes to an approved app', () => {
    expect(sendAvailability({ state: 'draft' }).allowed).toBe(true);
    expect(sendAvailability({ state: 'rejected', reason: 'x' }).allowed).toBe(true);
    expect(sendAvailability({ state: 'pending', version: 1 })).toEqual({
      allowed: false,
      hint: 'The request is pending review. Save the app to update the pending request.',
    });
    expect(sendAvailability({ state: 'approved' }).allowed).toBe(false);
    expect(sendAvailability({ state: 'approved', changesNotPublished: true }).allowed).toBe(true);
  });

  it('knows an app that is or was on production', () => {
    expect(isPublished({ state: 'draft' })).toBe(false);
    expect(isPublished({ state: 'approved' })).toBe(true);
    expect(
      isPublished({
        state: 'pending',
        published: { approvedAt: '2026-01-01T00:00:00Z', version: 1, suspended: false },
      }),
    ).toBe(true);
  });

  it('lists the dates, the version and what is published', () => {
    const facts = statusFacts(
      {
        state: 'rejected',
        version: 2,
        requestedAt: '2026-01-01T00:00:00Z',
        decidedAt: '2026-01-02T00:00:00Z',
        reason: 'No policy.',
      },
      (iso) => iso.slice(0, 10),
    );
    expect(facts).toEqual([
      { label: 'Request version', value: '2' },
      { label: 'Sent', value: '2026-01-01' },
      { label: 'Decided', value: '2026-01-02' },
    ]);
    expect(statusFacts({ state: 'draft' }, String)).toEqual([]);
  });

  it('says which version a save while pending made', () => {
    expect(pendingUpdateMessage({ productionRequest: { state: 'pending', version: 3 } })).toBe(
      'Saved. The pending request was updated (version 3).',
    );
    expect(
      pendingUpdateMessage({ productionRequest: { state: 'approved', changesNotPublished: true } }),
    ).toBeUndefined();
  });
});

describe('the Send Request form', () => {
  it('needs an answer to every question, and a contact email only where the API needs it', () => {
    expect(sendRequestErrors(emptySendRequestForm(), false)).toEqual({
      sellsData: 'Answer Yes or No.',
      sharesWithThirdParties: 'Answer Yes or No.',
      membersCanDelete: 'Answer Yes or No.',
      followsCarinCode: 'Answer Yes or No.',
    });
    const form = { ...emptySendRequestForm(), ...answered };
    expect(sendRequestErrors(form, false)).toEqual({});
    expect(sendRequestErrors(form, true)).toHaveProperty('contactEmail');
    expect(sendRequestErrors({ ...form, contactEmail: 'nope' }, true)).toHaveProperty('contactEmail');
    expect(sendRequestErrors({ ...form, contactEmail: ' dev@app.example ' }, true)).toEqual({});
    expect(sendRequestErrors({ ...form, notes: 'x'.repeat(2001) }, false)).toEqual({
      notes: 'Notes must be at most 2000 characters.',
    });
  });

  it('sends the attestation, trimmed notes, and the contact email only where needed', () => {
    const form = { ...emptySendRequestForm(), ...answered, notes: '  ', contactEmail: ' dev@app.example ' };
    expect(sendRequestInput(form, false)).toEqual({ attestation: answered });
    expect(sendRequestInput({ ...form, notes: ' Hi. ' }, true)).toEqual({
      attestation: answered,
      notes: 'Hi.',
      contactEmail: 'dev@app.example',
    });
  });

  it('puts attestation errors at the radios and lists the app fields to fix', () => {
    expect(
      splitSendErrors({
        'attestation.sellsData': 'Answer the question.',
        contactEmail: 'Required.',
        privacyPolicyUrl: 'Add a privacy policy.',
        'redirectUris.0': 'Use https.',
        somethingElse: 'Odd.',
      }),
    ).toEqual({
      formErrors: { sellsData: 'Answer the question.', contactEmail: 'Required.' },
      appErrors: [
        { field: 'privacyPolicyUrl', label: 'Privacy Policy URL', message: 'Add a privacy policy.' },
        { field: 'redirectUris.0', label: 'Redirect URL', message: 'Use https.' },
      ],
      other: { somethingElse: 'Odd.' },
    });
  });
});

describe('pre-checks', () => {
  const check = (id: string, severity: PreCheck['severity'], passed: boolean, field?: string): PreCheck => ({
    id,
    severity,
    passed,
    message: id,
    ...(field !== undefined ? { field } : {}),
  });

  it('splits failures by severity; only blocking ones block', () => {
    const checks = [
      check('name', 'blocking', true, 'name'),
      check('privacy-policy', 'blocking', false, 'privacyPolicyUrl'),
      check('description-length', 'advisory', false, 'description'),
    ];
    const summary = checkSummary(checks);
    expect(summary.blocked).toBe(true);
    expect(summary.blocking.map((c) => c.id)).toEqual(['privacy-policy']);
    expect(summary.advisory.map((c) => c.id)).toEqual(['description-length']);
    expect(summary.passed.map((c) => c.id)).toEqual(['name']);
    expect(checkSummary([checks[2]!]).blocked).toBe(false);
  });

  it('names the field of a check as the form labels it', () => {
    expect(checkFieldLabel({ field: 'redirectUris.1' })).toBe('Redirect URL');
    expect(checkFieldLabel({ field: 'launchUrl' })).toBe('Launch URL');
    expect(checkFieldLabel({})).toBeUndefined();
  });
});
