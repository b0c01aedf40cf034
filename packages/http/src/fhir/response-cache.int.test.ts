import { afterEach, describe, expect, it } from 'vitest';
import type { Organization } from 'fhir/r4';
import { createDefaultRegistry } from '@plan-api/fhir';
import { countWrites, createMemoryStore } from '@plan-api/store';
import { createFhirApp } from '../app.ts';
import { entryIds, fhirFetch, fixtures } from '../testing/fhir.ts';
import { createResponseCache } from './response-cache.ts';
import type { ResponseCache } from './response-cache.ts';

interface Served {
  url: string;
  cache: ResponseCache;
  store: ReturnType<typeof countWrites>['store'];
  /** Make the version unknown (a lost change feed). */
  setUnknown(unknown: boolean): void;
  stop(): Promise<void>;
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function serve(): Promise<Served> {
  const registry = createDefaultRegistry();
  const counted = countWrites(createMemoryStore({ registry }));
  await counted.store.bulkLoad(fixtures());
  let unknown = false;
  const cache = createResponseCache({
    mountPath: '/directory/fhir',
    version: { current: () => (unknown ? undefined : String(counted.writes())) },
  });
  const app = createFhirApp({
    store: counted.store,
    registry,
    base: 'directory',
    readOnly: true,
    mountPath: '/directory/fhir',
    responseCache: cache,
  });
  const url = await app.start(0);
  const stop = () => app.stop();
  stops.push(stop);
  return { url, cache, store: counted.store, setUnknown: (u) => (unknown = u), stop };
}

const org = (id: string, name: string): Organization => ({ resourceType: 'Organization', id, name, active: true });

describe('the response cache of a public FHIR base', () => {
  it('answers a repeated search from memory, whatever the order of its parameters, with the first answer', async () => {
    const s = await serve();
    await s.store.bulkLoad([org('org-a', 'Acme Clinic'), org('org-b', 'Acme Labs')]);
    const first = await fhirFetch(`${s.url}/Organization?name=Acme&_count=10`);
    expect(first.status).toBe(200);
    expect(entryIds(first.body).sort()).toEqual(['Organization/org-a', 'Organization/org-b']);
    expect(s.cache.stats()).toMatchObject({ stored: 1, hits: 0 });
    const again = await fhirFetch(`${s.url}/Organization?_count=10&name=Acme`);
    expect(s.cache.stats()).toMatchObject({ stored: 1, hits: 1 });
    expect(again.text).toBe(first.text);
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('etag')).toMatch(/^W\/".+"$/);
    // Another search is another answer.
    const other = await fhirFetch(`${s.url}/Organization?name=Acme%20Labs`);
    expect(entryIds(other.body)).toEqual(['Organization/org-b']);
    expect(s.cache.stats()).toMatchObject({ stored: 2, hits: 1 });
  });

  it('answers 304 to If-None-Match naming the answer, from memory and on the way in', async () => {
    const s = await serve();
    await s.store.bulkLoad([org('org-a', 'Acme Clinic')]);
    const first = await fetch(`${s.url}/Organization?name=Acme`);
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const cached = await fetch(`${s.url}/Organization?name=Acme`, { headers: { 'If-None-Match': etag } });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(etag);
    expect(await cached.text()).toBe('');
    // After a write the answer is made again; if it is the same, the client still gets its 304.
    await s.store.bulkLoad([org('org-z', 'Zeta')]);
    const remade = await fetch(`${s.url}/Organization?name=Acme`, { headers: { 'If-None-Match': etag } });
    expect(remade.status).toBe(304);
    expect(s.cache.stats().notModified).toBe(2);
    // A read keeps the resource's own version ETag.
    const read = await fetch(`${s.url}/Organization/org-a`);
    await read.arrayBuffer();
    expect(read.headers.get('etag')).toBe('W/"1"');
    const readAgain = await fetch(`${s.url}/Organization/org-a`, { headers: { 'If-None-Match': 'W/"1"' } });
    expect(readAgain.status).toBe(304);
  });

  it('never serves an answer older than the last write', async () => {
    const s = await serve();
    await s.store.bulkLoad([org('org-a', 'Acme Clinic')]);
    const path = `${s.url}/Organization/org-a`;
    expect((await fhirFetch(path)).body.name).toBe('Acme Clinic');
    expect((await fhirFetch(path)).body.name).toBe('Acme Clinic');
    expect(s.cache.stats().hits).toBe(1);
    await s.store.update(org('org-a', 'Acme Health'));
    const after = await fhirFetch(path);
    expect(after.body.name).toBe('Acme Health');
    expect(after.headers.get('etag')).toBe('W/"2"');
    expect(s.cache.stats().hits).toBe(1);
    const search = await fhirFetch(`${s.url}/Organization?name=Acme`);
    await s.store.delete('Organization', 'org-a');
    expect(entryIds(search.body)).toEqual(['Organization/org-a']);
    expect(entryIds((await fhirFetch(`${s.url}/Organization?name=Acme`)).body)).toEqual([]);
  });

  it('caches nothing while the data version is unknown, and only successful GETs', async () => {
    const s = await serve();
    s.setUnknown(true);
    await fhirFetch(`${s.url}/Organization?name=Acme`);
    await fhirFetch(`${s.url}/Organization?name=Acme`);
    expect(s.cache.stats()).toMatchObject({ stored: 0, hits: 0 });
    s.setUnknown(false);
    expect((await fhirFetch(`${s.url}/Organization/nope`)).status).toBe(404);
    expect((await fhirFetch(`${s.url}/Organization?_count=abc`)).status).toBe(400);
    expect((await fhirFetch(`${s.url}/Organization/nope`)).status).toBe(404);
    expect(s.cache.stats()).toMatchObject({ stored: 0, hits: 0 });
  });

  it('answers HEAD from memory without a body, and keys answers by Host (the base URL may come from it)', async () => {
    const s = await serve();
    await s.store.bulkLoad([org('org-a', 'Acme Clinic')]);
    const get = await fhirFetch(`${s.url}/Organization?name=Acme`);
    const head = await fetch(`${s.url}/Organization?name=Acme`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(get.text));
    expect(s.cache.stats().hits).toBe(1);
    const port = new URL(s.url).port;
    const viaLocalhost = await fhirFetch(`http://localhost:${port}/directory/fhir/Organization?name=Acme`);
    expect(viaLocalhost.body.entry[0].fullUrl).toBe(`http://localhost:${port}/directory/fhir/Organization/org-a`);
    expect(s.cache.stats().hits).toBe(1);
  });
});

describe('the response cache bounds', () => {
  it('drops the least recently used answer beyond maxEntries', async () => {
    const registry = createDefaultRegistry();
    const store = createMemoryStore({ registry });
    await store.bulkLoad([org('o1', 'One'), org('o2', 'Two'), org('o3', 'Three')]);
    const cache = createResponseCache({ mountPath: '/fhir', version: { current: () => 'v' }, maxEntries: 2 });
    const app = createFhirApp({ store, registry, base: 'directory', readOnly: true, responseCache: cache });
    const url = await app.start(0);
    stops.push(() => app.stop());
    for (const id of ['o1', 'o2', 'o1', 'o3']) await fhirFetch(`${url}/Organization/${id}`);
    // o1 was a hit (used again), so o2 is the one dropped when o3 came in.
    expect(cache.stats()).toMatchObject({ entries: 2, hits: 1, stored: 3 });
    await fhirFetch(`${url}/Organization/o1`);
    await fhirFetch(`${url}/Organization/o2`);
    expect(cache.stats()).toMatchObject({ hits: 2, stored: 4 });
  });
});
