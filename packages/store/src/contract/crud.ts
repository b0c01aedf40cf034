import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Observation, Patient, Resource } from 'fhir/r4';
import type { FhirStore } from '../port.ts';
import { body, expectStatus, matchIds, tick } from './helpers.ts';

const patient = (id?: string, family = 'Doe'): Patient => ({
  resourceType: 'Patient',
  ...(id === undefined ? {} : { id }),
  name: [{ family }],
  identifier: [{ system: 'urn:test', value: family }],
});

/** Create, read, vread, update, delete, history, conditional create and If-Match. */
export function describeCrud(makeStore: () => Promise<FhirStore>): void {
  describe('reads and writes', () => {
    let store: FhirStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('create assigns a new id, version 1 and lastUpdated, and read returns the same JSON', async () => {
      const { resource, created } = await store.create({
        ...patient('client-id'),
        meta: { versionId: '9', profile: ['p'] },
      });
      expect(created).toBe(true);
      expect(resource.id).not.toBe('client-id');
      expect(resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(resource.versionId).toBe('1');
      expect(Number.isNaN(Date.parse(resource.lastUpdated))).toBe(false);
      const json = body<Patient>(resource);
      expect(json).toMatchObject({ resourceType: 'Patient', id: resource.id, name: [{ family: 'Doe' }] });
      expect(json.meta).toEqual({ versionId: '1', lastUpdated: resource.lastUpdated, profile: ['p'] });
      expect((await store.read('Patient', resource.id)).json).toBe(resource.json);
    });

    it('the store keeps its own copy: changing the object after create changes nothing stored', async () => {
      const input = patient();
      const { resource } = await store.create(input);
      input.name = [{ family: 'Changed' }];
      expect(body<Patient>(await store.read('Patient', resource.id)).name).toEqual([{ family: 'Doe' }]);
    });

    it('writes of a non-object, a missing or unknown resourceType, or a bad id are rejected with 400', async () => {
      await expectStatus(store.create('nope' as unknown as Resource), 400);
      await expectStatus(store.create({ name: 'x' } as unknown as Resource), 400);
      await expectStatus(store.create({ resourceType: 'NotAType' } as Resource), 400);
      await expectStatus(store.update(patient('bad id!')), 400);
      await expectStatus(store.update(patient('x'.repeat(65))), 400);
      await expectStatus(store.update(patient()), 400);
    });

    it('update adds version 2, keeps version 1 readable, and reports created false', async () => {
      const first = await store.create(patient(undefined, 'One'));
      await tick();
      const second = await store.update({ ...patient(first.resource.id, 'Two') });
      expect(second.created).toBe(false);
      expect(second.resource.versionId).toBe('2');
      expect(second.resource.lastUpdated > first.resource.lastUpdated).toBe(true);
      expect(body<Patient>(await store.read('Patient', first.resource.id)).name).toEqual([{ family: 'Two' }]);
      expect(body<Patient>(await store.vread('Patient', first.resource.id, '1')).name).toEqual([{ family: 'One' }]);
      expect(body<Patient>(await store.vread('Patient', first.resource.id, '2')).meta?.versionId).toBe('2');
    });

    it('update of an unknown id creates the resource with the client id', async () => {
      const { resource, created } = await store.update(patient('chosen-1'));
      expect(created).toBe(true);
      expect(resource.id).toBe('chosen-1');
      expect(resource.versionId).toBe('1');
    });

    it('reading an unknown id or type is 404, an unknown version is 404', async () => {
      await expectStatus(store.read('Patient', 'nobody'), 404);
      await expectStatus(store.read('NotAType', 'x'), 404);
      const { resource } = await store.create(patient());
      await expectStatus(store.vread('Patient', resource.id, '7'), 404);
      await expectStatus(store.history('Patient', 'nobody'), 404);
    });

    it('a deleted resource reads as 410, its old versions still vread, and searches leave it out', async () => {
      const { resource } = await store.create(patient(undefined, 'Gone'));
      await store.delete('Patient', resource.id);
      await expectStatus(store.read('Patient', resource.id), 410);
      expect(body<Patient>(await store.vread('Patient', resource.id, '1')).name).toEqual([{ family: 'Gone' }]);
      await expectStatus(store.vread('Patient', resource.id, '2'), 410);
      expect(await matchIds(store, 'Patient?family=gone')).toEqual([]);
      const history = await store.history('Patient', resource.id);
      expect(history.map((v) => [v.versionId, v.deleted === true])).toEqual([
        ['2', true],
        ['1', false],
      ]);
    });

    it('deleting twice or deleting an unknown id is not an error and writes nothing', async () => {
      const { resource } = await store.create(patient());
      await store.delete('Patient', resource.id);
      await store.delete('Patient', resource.id);
      await store.delete('Patient', 'never-was');
      expect((await store.history('Patient', resource.id)).length).toBe(2);
      await expectStatus(store.read('Patient', 'never-was'), 404);
    });

    it('updating a deleted resource brings it back as a new version, created', async () => {
      const { resource } = await store.create(patient());
      await store.delete('Patient', resource.id);
      const back = await store.update(patient(resource.id, 'Back'));
      expect(back.created).toBe(true);
      expect(back.resource.versionId).toBe('3');
      expect(await matchIds(store, 'Patient?family=back')).toEqual([resource.id]);
    });

    it('type history lists every version of every resource, newest first, with count and offset', async () => {
      const a = await store.create(patient(undefined, 'A'));
      const b = await store.create(patient(undefined, 'B'));
      await store.update(patient(a.resource.id, 'A2'));
      await store.delete('Patient', b.resource.id);
      const all = await store.history('Patient');
      expect(all.map((v) => `${v.id}@${v.versionId}`)).toEqual([
        `${b.resource.id}@2`,
        `${a.resource.id}@2`,
        `${b.resource.id}@1`,
        `${a.resource.id}@1`,
      ]);
      const page = await store.history('Patient', undefined, { count: 2, offset: 1 });
      expect(page.map((v) => `${v.id}@${v.versionId}`)).toEqual([`${a.resource.id}@2`, `${b.resource.id}@1`]);
      expect(await store.history('Observation')).toEqual([]);
    });

    it('conditional create makes the resource once, returns the match after, and refuses several matches', async () => {
      const first = await store.create(patient(undefined, 'Cond'), { ifNoneExist: 'identifier=urn:test|Cond' });
      expect(first.created).toBe(true);
      const again = await store.create(patient(undefined, 'Cond'), { ifNoneExist: 'identifier=urn:test|Cond' });
      expect(again.created).toBe(false);
      expect(again.resource.id).toBe(first.resource.id);
      expect(again.resource.versionId).toBe('1');
      await store.create(patient(undefined, 'Cond'));
      await expectStatus(store.create(patient(undefined, 'Cond'), { ifNoneExist: 'identifier=urn:test|Cond' }), 412);
      expect((await matchIds(store, 'Patient?identifier=urn:test|Cond')).length).toBe(2);
    });

    it('conditional create with an unknown parameter is refused with 400 rather than matching everything', async () => {
      await store.create(patient(undefined, 'Only'));
      await expectStatus(store.create(patient(undefined, 'New'), { ifNoneExist: 'nonsense=1' }), 400);
    });

    it('If-Match updates only the version the client saw and answers 412 otherwise', async () => {
      const { resource } = await store.create(patient(undefined, 'V1'));
      const ok = await store.update(patient(resource.id, 'V2'), { ifMatch: 'W/"1"' });
      expect(ok.resource.versionId).toBe('2');
      await expectStatus(store.update(patient(resource.id, 'V3'), { ifMatch: 'W/"1"' }), 412);
      expect(body<Patient>(await store.read('Patient', resource.id)).name).toEqual([{ family: 'V2' }]);
      expect((await store.update(patient(resource.id, 'V3'), { ifMatch: '2' })).resource.versionId).toBe('3');
      await expectStatus(store.update(patient('absent', 'X'), { ifMatch: 'W/"1"' }), 412);
    });

    it('bulkLoad keeps ids, replaces existing resources with a new version, and indexes for search', async () => {
      const obs = (id: string, subject: string): Observation => ({
        resourceType: 'Observation',
        id,
        status: 'final',
        code: { text: 'x' },
        subject: { reference: subject },
      });
      async function* generate(): AsyncIterable<Resource> {
        yield patient('bulk-p');
        yield obs('bulk-o1', 'Patient/bulk-p');
        yield obs('bulk-o2', 'Patient/bulk-p');
      }
      expect(await store.bulkLoad(generate())).toBe(3);
      expect(await store.bulkLoad([obs('bulk-o2', 'Patient/other')])).toBe(1);
      expect((await store.read('Observation', 'bulk-o2')).versionId).toBe('2');
      expect(await matchIds(store, 'Observation?patient=bulk-p')).toEqual(['bulk-o1']);
      expect(await matchIds(store, 'Observation?patient=other')).toEqual(['bulk-o2']);
    });
  });
}
