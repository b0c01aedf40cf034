import { describe, expect, it } from 'vitest';
import type { StoredResource } from '@plan-api/store';
import { EntryCache } from './entry-cache.ts';

const version = (json: string): StoredResource => ({
  resourceType: 'Patient',
  id: 'p1',
  versionId: '1',
  lastUpdated: '2024-01-01T00:00:00Z',
  json,
});

describe('EntryCache', () => {
  it('encodes an entry with the fullUrl under the base, the stored JSON verbatim and the mode', () => {
    const stored = version('{"resourceType":"Patient","id":"p1","name":[{"text":"Zoë"}]}');
    const text = new EntryCache().bytes('https://x/fhir', stored, 'include').toString('utf8');
    expect(text).toBe(`{"fullUrl":"https://x/fhir/Patient/p1","resource":${stored.json},"search":{"mode":"include"}}`);
  });

  it('answers a version it has encoded with the same bytes, per mode', () => {
    const cache = new EntryCache();
    const stored = version('{"resourceType":"Patient","id":"p1"}');
    const match = cache.bytes('https://x/fhir', stored, 'match');
    expect(cache.bytes('https://x/fhir', stored, 'match')).toBe(match);
    expect(cache.bytes('https://x/fhir', stored, 'include').toString()).toContain('"mode":"include"');
  });

  it('encodes again under another base and when a version object is given other JSON', () => {
    const cache = new EntryCache();
    const stored = version('{"resourceType":"Patient","id":"p1"}');
    cache.bytes('https://x/fhir', stored, 'match');
    expect(cache.bytes('https://y/r4', stored, 'match').toString()).toContain('"fullUrl":"https://y/r4/Patient/p1"');
    stored.json = '{"resourceType":"Patient","id":"p1","active":true}';
    expect(cache.bytes('https://y/r4', stored, 'match').toString()).toContain('"active":true');
  });
});
