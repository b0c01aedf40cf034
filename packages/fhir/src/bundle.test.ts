import { describe, it, expect } from 'vitest';
import type { Bundle } from 'fhir/r4';
import { batchErrorEntry, batchResponse, encodeParams, historyBundleJson, searchBundleJson } from './bundle.ts';
import { badRequest } from './outcome.ts';

// Deliberately odd but valid JSON: key order, spacing and escapes a re-serialization would change.
const PATIENT =
  '{"resourceType":"Patient", "id":"p1","name":[{"text":"Zoë \\u00e9 \\"Z\\""}],"meta":{"versionId":"2"}}';
const ORG = '{"id":"o1","resourceType":"Organization","name":"Acme, Inc. </script>"}';

describe('searchBundleJson', () => {
  const json = searchBundleJson({
    url: 'https://plan.example/fhir/Patient',
    selfParams: [
      ['name', 'zoë smith'],
      ['_include', 'Patient:organization'],
      ['_count', '1'],
    ],
    nextParams: [
      ['name', 'zoë smith'],
      ['_count', '1'],
      ['_offset', '1'],
    ],
    total: 2,
    entries: [
      { fullUrl: 'https://plan.example/fhir/Patient/p1', json: PATIENT, mode: 'match' },
      { fullUrl: 'https://plan.example/fhir/Organization/o1', json: ORG, mode: 'include' },
    ],
  });
  const bundle = JSON.parse(json) as Bundle;

  it('is a searchset Bundle with id, meta.lastUpdated and total', () => {
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('searchset');
    expect(bundle.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(bundle.meta?.lastUpdated ?? ''))).toBe(false);
    expect(bundle.total).toBe(2);
  });

  it('keeps each entry’s stored bytes verbatim', () => {
    expect(json).toContain(`"resource":${PATIENT},`);
    expect(json).toContain(`"resource":${ORG},`);
    expect(bundle.entry?.map((e) => [e.fullUrl, e.search?.mode, e.resource?.id])).toEqual([
      ['https://plan.example/fhir/Patient/p1', 'match', 'p1'],
      ['https://plan.example/fhir/Organization/o1', 'include', 'o1'],
    ]);
  });

  it('has self and next links whose parameters round-trip through URL parsing', () => {
    expect(bundle.link?.map((l) => l.relation)).toEqual(['self', 'next']);
    const self = new URL(bundle.link?.[0]?.url ?? '');
    expect(self.origin + self.pathname).toBe('https://plan.example/fhir/Patient');
    expect([...self.searchParams]).toEqual([
      ['name', 'zoë smith'],
      ['_include', 'Patient:organization'],
      ['_count', '1'],
    ]);
    expect(bundle.link?.[0]?.url).toContain('_include=Patient:organization');
    expect(new URL(bundle.link?.[1]?.url ?? '').searchParams.get('_offset')).toBe('1');
  });

  it('omits total when unknown, adds previous when given, and has no ? without parameters', () => {
    const b = JSON.parse(
      searchBundleJson({
        url: 'https://x/fhir/Patient',
        selfParams: [],
        previousParams: [['_offset', '0']],
        entries: [],
        id: 'fixed',
        lastUpdated: '2024-01-01T00:00:00Z',
      }),
    ) as Bundle;
    expect(b).toEqual({
      resourceType: 'Bundle',
      id: 'fixed',
      meta: { lastUpdated: '2024-01-01T00:00:00Z' },
      type: 'searchset',
      link: [
        { relation: 'self', url: 'https://x/fhir/Patient' },
        { relation: 'previous', url: 'https://x/fhir/Patient?_offset=0' },
      ],
      entry: [],
    });
  });
});

describe('encodeParams', () => {
  it('escapes what must be escaped and keeps FHIR punctuation readable', () => {
    expect(
      encodeParams([
        ['code', 'http://loinc.org|1234-5,a\\,b'],
        ['name', 'a b&c=d+e#f'],
      ]),
    ).toBe('code=http://loinc.org%7C1234-5,a%5C,b&name=a%20b%26c%3Dd%2Be%23f');
  });
});

describe('historyBundleJson', () => {
  it('lists versions with their request and response; deletions carry no resource', () => {
    const v1 = '{"resourceType":"Patient","id":"p1","meta":{"versionId":"1"}}';
    const v2 = '{"resourceType":"Patient","id":"p1","meta":{"versionId":"2"},"active":true}';
    const base = { fullUrl: 'https://x/fhir/Patient/p1', resourceType: 'Patient', id: 'p1' };
    const json = historyBundleJson({
      url: 'https://x/fhir/Patient/p1/_history',
      selfParams: [],
      total: 3,
      entries: [
        { ...base, versionId: '3', lastUpdated: '2024-01-03T00:00:00Z', json: '', deleted: true },
        { ...base, versionId: '2', lastUpdated: '2024-01-02T00:00:00Z', json: v2 },
        { ...base, versionId: '1', lastUpdated: '2024-01-01T00:00:00Z', json: v1 },
      ],
    });
    expect(json).toContain(`"resource":${v2},`);
    const bundle = JSON.parse(json) as Bundle;
    expect(bundle.type).toBe('history');
    expect(bundle.total).toBe(3);
    expect(bundle.entry?.map((e) => [e.request?.method, e.request?.url, e.response?.status, e.response?.etag])).toEqual(
      [
        ['DELETE', 'Patient/p1', '204 No Content', 'W/"3"'],
        ['PUT', 'Patient/p1', '200 OK', 'W/"2"'],
        ['POST', 'Patient', '201 Created', 'W/"1"'],
      ],
    );
    expect(bundle.entry?.[0]).not.toHaveProperty('resource');
  });
});

describe('batchResponse', () => {
  it('makes a response Bundle of the matching type, with errors as outcomes', () => {
    const b = batchResponse('transaction', [
      { response: { status: '201 Created' } },
      batchErrorEntry(badRequest('no')),
    ]);
    expect(b.type).toBe('transaction-response');
    expect(b.entry?.[1]?.response).toEqual({
      status: '400',
      outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'no' }] },
    });
    expect(batchErrorEntry(new Error('secret stack')).response?.status).toBe('500');
    expect(JSON.stringify(batchErrorEntry(new Error('secret stack')))).not.toContain('secret');
    expect(batchResponse('batch', []).type).toBe('batch-response');
  });
});
