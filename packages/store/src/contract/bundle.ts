import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bundle, BundleEntry, Observation, OperationOutcome, Patient } from 'fhir/r4';
import type { FhirStore } from '../port.ts';
import { body, expectStatus, matchIds } from './helpers.ts';

const BASE = 'https://plan.example.org/fhir';

const patient = (family: string, id?: string): Patient => ({
  resourceType: 'Patient',
  ...(id === undefined ? {} : { id }),
  name: [{ family }],
  identifier: [{ system: 'urn:test', value: family }],
});

const observation = (subject: string, id?: string): Observation => ({
  resourceType: 'Observation',
  ...(id === undefined ? {} : { id }),
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: subject },
});

const bundle = (type: 'batch' | 'transaction', entry: BundleEntry[]): Bundle => ({
  resourceType: 'Bundle',
  type,
  entry,
});

/** Batch and transaction Bundles: statuses, locations, urn:uuid references, order and rollback. */
export function describeBundles(makeStore: () => Promise<FhirStore>): void {
  describe('batch and transaction', () => {
    let store: FhirStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('a batch processes every entry on its own and reports failures as OperationOutcome entries', async () => {
      await store.update(patient('Keep', 'p-keep'));
      await store.update(patient('Drop', 'p-drop'));
      const response = await store.bundle(
        bundle('batch', [
          { resource: patient('New'), request: { method: 'POST', url: 'Patient' } },
          { resource: patient('Kept', 'p-keep'), request: { method: 'PUT', url: 'Patient/p-keep' } },
          { request: { method: 'GET', url: 'Patient/p-keep' } },
          { request: { method: 'DELETE', url: 'Patient/p-drop' } },
          { request: { method: 'GET', url: 'Patient/unknown' } },
          { resource: observation('Patient/p-keep'), request: { method: 'POST', url: 'Patient' } },
        ]),
        { baseUrl: BASE },
      );
      expect(response.type).toBe('batch-response');
      const statuses = response.entry?.map((e) => e.response?.status);
      expect(statuses).toEqual([
        '201 Created',
        '200 OK',
        '200 OK',
        '204 No Content',
        '404 Not Found',
        '400 Bad Request',
      ]);
      const created = response.entry?.[0];
      const newId = (created?.resource as Patient).id!;
      expect(created?.response?.location).toBe(`Patient/${newId}/_history/1`);
      expect(created?.response?.etag).toBe('W/"1"');
      expect(created?.fullUrl).toBe(`${BASE}/Patient/${newId}`);
      expect((response.entry?.[2]?.resource as Patient).name).toEqual([{ family: 'Kept' }]);
      expect((response.entry?.[4]?.response?.outcome as OperationOutcome).resourceType).toBe('OperationOutcome');
      await expectStatus(store.read('Patient', 'p-drop'), 410);
      expect(await matchIds(store, 'Patient?family=new')).toEqual([newId]);
    });

    it('a transaction resolves urn:uuid references to the ids it assigns', async () => {
      const response = await store.bundle(
        bundle('transaction', [
          {
            fullUrl: 'urn:uuid:0f0c5d1e-1111-4a5b-9c9d-000000000001',
            resource: observation('urn:uuid:0f0c5d1e-1111-4a5b-9c9d-000000000002'),
            request: { method: 'POST', url: 'Observation' },
          },
          {
            fullUrl: 'urn:uuid:0f0c5d1e-1111-4a5b-9c9d-000000000002',
            resource: patient('Linked'),
            request: { method: 'POST', url: 'Patient' },
          },
        ]),
        { baseUrl: BASE },
      );
      expect(response.type).toBe('transaction-response');
      const [obsEntry, patEntry] = response.entry ?? [];
      expect(obsEntry?.response?.status).toBe('201 Created');
      expect(patEntry?.response?.status).toBe('201 Created');
      const patientId = (patEntry?.resource as Patient).id!;
      const obsId = (obsEntry?.resource as Observation).id!;
      expect(patEntry?.response?.location).toBe(`Patient/${patientId}/_history/1`);
      expect(patEntry?.response?.lastModified).toBeTruthy();
      expect(body<Observation>(await store.read('Observation', obsId)).subject).toEqual({
        reference: `Patient/${patientId}`,
      });
      expect(await matchIds(store, `Observation?patient=${patientId}`)).toEqual([obsId]);
    });

    it('a transaction is all or nothing: a failing entry undoes the others and the error is thrown', async () => {
      await store.update(observation('Patient/x', 'o-1'));
      const attempt = store.bundle(
        bundle('transaction', [
          { resource: patient('Never'), request: { method: 'POST', url: 'Patient' } },
          { request: { method: 'DELETE', url: 'Observation/o-1' } },
          {
            resource: observation('Patient/y', 'o-2'),
            request: { method: 'PUT', url: 'Observation/o-2', ifMatch: 'W/"3"' },
          },
        ]),
        { baseUrl: BASE },
      );
      await expectStatus(attempt, 412);
      expect(await matchIds(store, 'Patient?family=never')).toEqual([]);
      expect((await store.read('Observation', 'o-1')).versionId).toBe('1');
      await expectStatus(store.read('Observation', 'o-2'), 404);
      expect((await store.history('Observation')).length).toBe(1);
    });

    it('a transaction whose GET fails after its writes undoes the writes', async () => {
      const attempt = store.bundle(
        bundle('transaction', [
          { resource: patient('Rolled'), request: { method: 'POST', url: 'Patient' } },
          { request: { method: 'GET', url: 'Patient/missing' } },
        ]),
        { baseUrl: BASE },
      );
      await expectStatus(attempt, 404);
      expect(await matchIds(store, 'Patient?family=rolled')).toEqual([]);
      expect(await store.history('Patient')).toEqual([]);
    });

    it('a transaction runs DELETE, POST, PUT, then GET, and answers in request order', async () => {
      await store.update(patient('Old', 'p-1'));
      await store.update(patient('Doomed', 'p-2'));
      const response = await store.bundle(
        bundle('transaction', [
          { request: { method: 'GET', url: 'Patient?family=updated,added,doomed' } },
          { resource: patient('Updated', 'p-1'), request: { method: 'PUT', url: 'Patient/p-1' } },
          { request: { method: 'DELETE', url: 'Patient/p-2' } },
          { resource: patient('Added'), request: { method: 'POST', url: 'Patient' } },
        ]),
        { baseUrl: BASE },
      );
      const statuses = response.entry?.map((e) => e.response?.status);
      expect(statuses).toEqual(['200 OK', '200 OK', '204 No Content', '201 Created']);
      const searchset = response.entry?.[0]?.resource as Bundle;
      expect(searchset.type).toBe('searchset');
      const families = searchset.entry?.map((e) => (e.resource as Patient).name?.[0]?.family).sort();
      expect(families).toEqual(['Added', 'Updated']);
    });

    it('a transaction honours If-None-Exist and points references at the existing resource', async () => {
      const existing = await store.create(patient('Known'));
      const response = await store.bundle(
        bundle('transaction', [
          {
            fullUrl: 'urn:uuid:4e0c9b53-2222-4a5b-9c9d-000000000001',
            resource: patient('Known'),
            request: { method: 'POST', url: 'Patient', ifNoneExist: 'identifier=urn:test|Known' },
          },
          {
            resource: observation('urn:uuid:4e0c9b53-2222-4a5b-9c9d-000000000001'),
            request: { method: 'POST', url: 'Observation' },
          },
        ]),
        { baseUrl: BASE },
      );
      expect(response.entry?.[0]?.response?.status).toBe('200 OK');
      expect((response.entry?.[0]?.resource as Patient).id).toBe(existing.resource.id);
      const obs = response.entry?.[1]?.resource as Observation;
      expect(obs.subject).toEqual({ reference: `Patient/${existing.resource.id}` });
      expect((await store.history('Patient')).length).toBe(1);
    });

    it('a transaction that touches one resource twice, or a Bundle of another type, is a 400', async () => {
      const twice = bundle('transaction', [
        { resource: patient('A', 'same'), request: { method: 'PUT', url: 'Patient/same' } },
        { request: { method: 'DELETE', url: 'Patient/same' } },
      ]);
      await expectStatus(store.bundle(twice, { baseUrl: BASE }), 400);
      await expectStatus(store.bundle({ resourceType: 'Bundle', type: 'collection' }, { baseUrl: BASE }), 400);
      const mismatch = bundle('transaction', [
        { resource: patient('B', 'one'), request: { method: 'PUT', url: 'Patient/two' } },
      ]);
      await expectStatus(store.bundle(mismatch, { baseUrl: BASE }), 400);
      expect(await store.history('Patient')).toEqual([]);
    });
  });
}
