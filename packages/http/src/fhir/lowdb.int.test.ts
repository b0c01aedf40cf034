import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createLowdbStore } from '@plan-api/store';
import { createFhirApp } from '../app.ts';
import { entryIds, fhirFetch, jsonInit } from '../testing/fhir.ts';

describe('the FHIR API over a lowdb store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-api-http-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function serve(): Promise<{ url: string; stop: () => Promise<void> }> {
    const registry = createDefaultRegistry();
    const store = await createLowdbStore({ registry, dir });
    const app = createFhirApp({ store, registry });
    const url = await app.start(0);
    return {
      url,
      stop: async () => {
        await app.stop();
        await store.close();
      },
    };
  }

  it('a resource created over HTTP reads back, with its version, from a server restarted on the same files', async () => {
    const first = await serve();
    const created = await fhirFetch(
      `${first.url}/Patient`,
      jsonInit('POST', { resourceType: 'Patient', name: [{ family: 'Durable' }] }),
    );
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const updated = await fhirFetch(
      `${first.url}/Patient/${id}`,
      jsonInit('PUT', { resourceType: 'Patient', id, name: [{ family: 'Durable', given: ['Still'] }] }),
    );
    expect(updated.body.meta.versionId).toBe('2');
    await first.stop();

    const second = await serve();
    try {
      const read = await fhirFetch(`${second.url}/Patient/${id}`);
      expect(read.status).toBe(200);
      expect(read.text).toBe(updated.text);
      expect(read.headers.get('etag')).toBe('W/"2"');
      const found = await fhirFetch(`${second.url}/Patient?family=durable`);
      expect(entryIds(found.body)).toEqual([`Patient/${id}`]);
    } finally {
      await second.stop();
    }
  });
});
