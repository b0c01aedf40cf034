import { describe, expect, it } from 'vitest';
import { searchBundleEnds, searchBundleJson, searchEntryJson } from '@plan-api/fhir';

// Odd but valid stored JSON: what a re-serialization would change.
const PATIENT = '{"resourceType":"Patient", "id":"p1","name":[{"text":"Zoë \\u00e9 \\"Z\\""}]}';
const ORG = '{"id":"o1","resourceType":"Organization","name":"Acme, Inc. </script>"}';

describe('the searchset framing the search handler assembles bytes in', () => {
  it('escapes a fullUrl exactly as JSON.stringify does, quotes and lone surrogates included', () => {
    for (const fullUrl of ['https://x/fhir/Patient/p1', 'https://x/"q"\\/Patient/p1', 'https://x/\ud800/Patient/p1']) {
      const json = searchEntryJson({ fullUrl, json: '{}', mode: 'match' });
      expect(json).toBe(`{"fullUrl":${JSON.stringify(fullUrl)},"resource":{},"search":{"mode":"match"}}`);
    }
  });

  it('makes head, comma-separated entries and tail the same Bundle as searchBundleJson', () => {
    const input = {
      url: 'https://x/fhir/Patient',
      selfParams: [['_count', '2']] as [string, string][],
      id: 'b',
      lastUpdated: '2024-01-01T00:00:00Z',
    };
    const entries = [
      { fullUrl: 'https://x/fhir/Patient/p1', json: PATIENT, mode: 'match' as const },
      { fullUrl: 'https://x/fhir/Organization/o1', json: ORG, mode: 'include' as const },
    ];
    const { head, tail } = searchBundleEnds(input);
    const assembled = head + entries.map(searchEntryJson).join(',') + tail;
    expect(assembled).toBe(searchBundleJson({ ...input, entries }));
    expect(JSON.parse(assembled)).toMatchObject({ id: 'b', entry: [{ search: { mode: 'match' } }, {}] });
  });
});
