import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryIds, fhirFetch, linkUrl, sameSearch, startTestServer } from '../testing/fhir.ts';
import type { TestServer } from '../testing/fhir.ts';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('FHIR search over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a GET search answers a searchset Bundle whose entries carry fullUrl, the stored resource and mode match', async () => {
    const res = await fhirFetch(`${server.url}/Observation?patient=pat2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(res.body.resourceType).toBe('Bundle');
    expect(res.body.type).toBe('searchset');
    expect(entryIds(res.body, 'match').sort()).toEqual(['Observation/bp-b1', 'Observation/hr-b1']);
    const stored = await server.store.read('Observation', 'hr-b1');
    const entry = res.body.entry.find((e: { resource: { id: string } }) => e.resource.id === 'hr-b1');
    expect(entry.fullUrl).toBe(`${server.url}/Observation/hr-b1`);
    expect(entry.resource).toEqual(JSON.parse(stored.json));
    expect(linkUrl(res.body, 'self')).toContain(`${server.url}/Observation?`);
    expect(linkUrl(res.body, 'self')).toContain('patient=');
  });

  it('POST _search with a form body answers the same Bundle as the GET search', async () => {
    const get = await fhirFetch(
      `${server.url}/Observation?patient=pat1&code=${encodeURIComponent('http://loinc.org|8867-4')}`,
    );
    const post = await fhirFetch(`${server.url}/Observation/_search`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams({ patient: 'pat1', code: 'http://loinc.org|8867-4' }).toString(),
    });
    expect(post.status).toBe(200);
    expect(sameSearch(post.body)).toEqual(sameSearch(get.body));
    expect(entryIds(post.body)).toHaveLength(10);
  });

  it('POST _search merges query parameters with the form body', async () => {
    const merged = await fhirFetch(`${server.url}/Observation/_search?patient=pat1`, {
      method: 'POST',
      headers: FORM,
      body: 'date=ge2024-01-09',
    });
    expect(merged.status).toBe(200);
    expect(entryIds(merged.body).sort()).toEqual(['Observation/hr10', 'Observation/hr9']);
  });

  it('patient=<id> and patient=Patient/<id> find the same resources', async () => {
    const bare = await fhirFetch(`${server.url}/Observation?patient=pat2`);
    const typed = await fhirFetch(`${server.url}/Observation?patient=Patient/pat2`);
    expect(entryIds(typed.body).sort()).toEqual(entryIds(bare.body).sort());
  });

  it('a Patient search carries Bundle.total without _total, even when the page is not the last', async () => {
    const res = await fhirFetch(`${server.url}/Patient?birthdate=gt1960&_count=1`);
    expect(res.status).toBe(200);
    expect(res.body.entry).toHaveLength(1);
    expect(res.body.total).toBe(2);
    expect(linkUrl(res.body, 'next')).toBeDefined();
    expect((await fhirFetch(`${server.url}/Patient?birthdate=gt1960&_count=1&_total=none`)).body.total).toBeUndefined();
  });

  it('_summary=count answers the total and no entries', async () => {
    const res = await fhirFetch(`${server.url}/Observation?patient=pat1&_summary=count`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(10);
    expect(res.body.entry ?? []).toEqual([]);
  });

  it('an unknown parameter is ignored and left out of the self link', async () => {
    const res = await fhirFetch(`${server.url}/Observation?patient=pat2&frobnicate=1`);
    expect(res.status).toBe(200);
    expect(entryIds(res.body)).toHaveLength(2);
    expect(linkUrl(res.body, 'self')).not.toContain('frobnicate');
  });

  it('an unknown parameter with Prefer: handling=strict answers 400 with an OperationOutcome', async () => {
    const res = await fhirFetch(`${server.url}/Observation?patient=pat2&frobnicate=1`, {
      headers: { Prefer: 'handling=strict' },
    });
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it.each([
    ['date=notadate', 'Observation?date=notadate'],
    ['_count=-1', 'Observation?_count=-1'],
    ['an unknown _sort parameter', 'Observation?_sort=frobnicate'],
    ['a malformed _include', 'Observation?_include=Nonsense'],
  ])('a search with %s answers 400 with an OperationOutcome', async (_label, path) => {
    const res = await fhirFetch(`${server.url}/${path}`);
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].severity).toBe('error');
  });

  it('a search of an unknown resource type answers 404 "Unknown resource type"', async () => {
    const res = await fhirFetch(`${server.url}/Spaceship?name=x`);
    expect(res.status).toBe(404);
    expect(res.body.issue[0].diagnostics).toContain('Unknown resource type');
  });

  it('_sort=-date orders the matches by date, newest first', async () => {
    const res = await fhirFetch(`${server.url}/Observation?patient=pat1&_sort=-date&_count=3`);
    expect(entryIds(res.body)).toEqual(['Observation/hr10', 'Observation/hr9', 'Observation/hr8']);
  });

  it('following next links visits every match exactly once, and previous links go back', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${server.url}/Observation?patient=pat1&_count=3&_sort=date`;
    let pages = 0;
    let last: unknown;
    while (url !== undefined && pages < 10) {
      const res = await fhirFetch(url);
      expect(res.status).toBe(200);
      expect(res.body.entry.length).toBeLessThanOrEqual(3);
      seen.push(...entryIds(res.body, 'match'));
      last = res.body;
      url = linkUrl(res.body, 'next');
      pages++;
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect(seen[0]).toBe('Observation/hr1');
    const previous = linkUrl(last, 'previous');
    expect(previous).toBeDefined();
    const back = await fhirFetch(previous ?? '');
    expect(entryIds(back.body)).toEqual(['Observation/hr7', 'Observation/hr8', 'Observation/hr9']);
  });

  it('_include adds the referenced resource with mode include', async () => {
    const res = await fhirFetch(`${server.url}/Observation?_id=hr-b1&_include=Observation:patient`);
    expect(entryIds(res.body, 'match')).toEqual(['Observation/hr-b1']);
    expect(entryIds(res.body, 'include')).toEqual(['Patient/pat2']);
  });

  it('_include:iterate follows references of included resources', async () => {
    const once = await fhirFetch(`${server.url}/PractitionerRole?_id=role1&_include=PractitionerRole:organization`);
    expect(entryIds(once.body, 'include')).toEqual(['Organization/org1']);
    const iterated = await fhirFetch(
      `${server.url}/PractitionerRole?_id=role1&_include=PractitionerRole:organization&_include:iterate=Organization:partof`,
    );
    expect(entryIds(iterated.body, 'match')).toEqual(['PractitionerRole/role1']);
    expect(entryIds(iterated.body, 'include').sort()).toEqual(['Organization/org0', 'Organization/org1']);
  });

  it('_revinclude adds the resources that point at the matches', async () => {
    const res = await fhirFetch(`${server.url}/Practitioner?_id=prac1&_revinclude=PractitionerRole:practitioner`);
    expect(entryIds(res.body, 'match')).toEqual(['Practitioner/prac1']);
    expect(entryIds(res.body, 'include')).toEqual(['PractitionerRole/role1']);
  });

  it('_elements on a search subsets the matches', async () => {
    const res = await fhirFetch(`${server.url}/Patient?_id=pat1&_elements=birthDate`);
    const patient = res.body.entry[0].resource;
    expect(patient.birthDate).toBe('1970-02-03');
    expect(patient.name).toBeUndefined();
  });

  it('a search with _format=json ignores the format parameter even in strict handling', async () => {
    const res = await fhirFetch(`${server.url}/Observation?patient=pat2&_format=json`, {
      headers: { Prefer: 'handling=strict' },
    });
    expect(res.status).toBe(200);
    expect(entryIds(res.body)).toHaveLength(2);
  });

  it('POST _search with a JSON body answers 415', async () => {
    const res = await fhirFetch(`${server.url}/Observation/_search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"patient":"pat1"}',
    });
    expect(res.status).toBe(415);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });
});
