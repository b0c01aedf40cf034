import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createMemoryStore, type FhirStore } from '@plan-api/store';
import { entryIds, fhirFetch, linkUrl, startTestServer, type TestServer } from '../testing/fhir.ts';

/**
 * A store that pages by keyset, as the PostgreSQL adapter does: its cursor is the last id of a page
 * (reversed, so that it is plainly opaque to the HTTP layer).
 */
function keysetStore(): FhirStore {
  const inner = createMemoryStore({ registry: createDefaultRegistry() });
  return {
    ...inner,
    search: async (request) => {
      const all = await inner.search({ ...request, count: 1000, offset: 0 });
      const after = request.cursor === undefined ? '' : [...request.cursor].reverse().join('');
      const rest = all.matches.filter((m) => m.id > after);
      const matches = rest.slice(0, request.count);
      const last = matches.at(-1);
      const hasMore = rest.length > request.count;
      return {
        matches,
        included: [],
        hasMore,
        ...(hasMore && last ? { nextCursor: [...last.id].reverse().join('') } : {}),
      };
    },
  };
}

describe('FHIR search paging by a store cursor', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ store: keysetStore() });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('the next link carries the store cursor instead of an offset, and following it gives the next page', async () => {
    const first = await fhirFetch(`${server.url}/Observation?patient=pat1&_count=4`);
    const next = linkUrl(first.body, 'next') as string;
    expect(new URL(next).searchParams.get('_offset')).toBeNull();
    expect(new URL(next).searchParams.get('patient')).toBe('pat1');
    const cursor = new URL(next).searchParams.get('_cursor');
    expect(cursor).toBe([...(entryIds(first.body).at(-1)?.split('/')[1] ?? '')].reverse().join(''));
    const second = await fhirFetch(next);
    expect(linkUrl(second.body, 'self')).toContain(`_cursor=${cursor}`);
    expect(linkUrl(second.body, 'previous')).toBeUndefined();
    const seen = [...entryIds(first.body), ...entryIds(second.body)];
    expect(new Set(seen).size).toBe(8);
  });
});
