import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Bundle, Observation, Patient } from 'fhir/r4';
import { createDefaultRegistry, parseSearch } from '@plan-api/fhir';
import type { FhirStore, StoredResource } from '../port.ts';
import { journalText } from './format.ts';
import { JOURNAL_FILE } from './persistence.ts';
import { createLowdbStore } from './store.ts';

const registry = createDefaultRegistry();
const dirs: string[] = [];
let dir: string;

const open = (): Promise<FhirStore> => createLowdbStore({ registry, dir });
const patient = (family: string, id?: string): Patient => ({
  resourceType: 'Patient',
  ...(id ? { id } : {}),
  name: [{ family }],
});
const searchIds = async (store: FhirStore, type: string, query: string): Promise<string[]> => {
  const request = parseSearch(type, new URLSearchParams(query), registry, {
    defaultCount: 50,
    maxCount: 500,
    strict: true,
  });
  return (await store.search(request)).matches.map((m) => m.id);
};
const transaction = (family: string): Bundle => {
  const fullUrl = 'urn:uuid:3b7b3c9e-0000-4000-8000-00000000000a';
  const observation: Observation = {
    resourceType: 'Observation',
    status: 'final',
    code: { text: family },
    subject: { reference: fullUrl },
  };
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl, resource: patient(family), request: { method: 'POST', url: 'Patient' } },
      { resource: observation, request: { method: 'POST', url: 'Observation' } },
    ],
  };
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-api-lowdb-'));
  dirs.push(dir);
});

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('lowdb store files', () => {
  it('a write resolves only once its resource is in the type file on disk', async () => {
    const store = await open();
    const { resource } = await store.create(patient('OnDisk'));
    const text = await readFile(join(dir, 'Patient.json'), 'utf8');
    expect(JSON.parse(text).versions.map((v: { id: string }) => v.id)).toEqual([resource.id]);
    await store.close();
  });

  it('keeps one JSON file per resource type holding every version', async () => {
    const store = await open();
    const { resource } = await store.create(patient('A'));
    await store.update(patient('B', resource.id));
    await store.create({ resourceType: 'Observation', status: 'final', code: { text: 'x' } } as Observation);
    await store.close();
    expect((await readdir(dir)).filter((f) => !f.startsWith('.')).sort()).toEqual(['Observation.json', 'Patient.json']);
    const file = JSON.parse(await readFile(join(dir, 'Patient.json'), 'utf8'));
    expect(file.versions.map((v: { versionId: string }) => v.versionId)).toEqual(['1', '2']);
    expect(file.versions[1].resource.name).toEqual([{ family: 'B' }]);
  });

  it('reopening restores ids, versions, history, deletions and the search index', async () => {
    const first = await open();
    const kept = await first.create(patient('Kept'));
    await first.update(patient('Kept2', kept.resource.id));
    const gone = await first.create(patient('Gone'));
    await first.delete('Patient', gone.resource.id);
    const tx = await first.bundle(transaction('Linked'), { baseUrl: 'http://x/fhir' });
    await first.close();

    const second = await open();
    expect((await second.read('Patient', kept.resource.id)).json).toBe(
      (await second.vread('Patient', kept.resource.id, '2')).json,
    );
    expect(JSON.parse((await second.vread('Patient', kept.resource.id, '1')).json).name).toEqual([{ family: 'Kept' }]);
    await expect(second.read('Patient', gone.resource.id)).rejects.toMatchObject({ status: 410 });
    const history = await second.history('Patient');
    expect(history.map((v) => v.versionId)).toEqual(['1', '2', '1', '2', '1']);
    const linkedId = tx.entry?.[0]?.response?.location?.split('/')[1] ?? '';
    expect(await searchIds(second, 'Patient', 'family=linked')).toEqual([linkedId]);
    expect((await searchIds(second, 'Observation', `patient=${linkedId}`)).length).toBe(1);
    const next = await second.update(patient('Kept3', kept.resource.id));
    expect(next.resource.versionId).toBe('3');
    await second.close();
  });

  it('many concurrent writes all resolve and all survive a reopen', async () => {
    const store = await open();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => store.create(patient(`C${i}`))));
    await store.close();
    const reopened = await open();
    for (const r of results) expect((await reopened.read('Patient', r.resource.id)).versionId).toBe('1');
    await reopened.close();
  });

  it('a transaction over two types leaves no journal behind once it resolves', async () => {
    const store = await open();
    await store.bundle(transaction('Tx'), { baseUrl: 'http://x/fhir' });
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    await store.close();
  });

  it('a journal left by a crash between type files is replayed on open', async () => {
    const store = await open();
    const response = await store.bundle(transaction('Crash'), { baseUrl: 'http://x/fhir' });
    const locations = response.entry?.map((e) => e.response?.location?.split('/') ?? []) ?? [];
    const versions: StoredResource[] = [];
    for (const [type = '', id = ''] of locations) versions.push(await store.read(type, id));
    await store.close();
    // As if the process died after the journal and Patient.json were written, before Observation.json.
    const obsFile = join(dir, 'Observation.json');
    const text = JSON.parse(await readFile(obsFile, 'utf8'));
    text.versions = [];
    await writeFile(obsFile, JSON.stringify(text));
    await writeFile(join(dir, JOURNAL_FILE), journalText(versions));

    const reopened = await open();
    const obs = versions.find((v) => v.resourceType === 'Observation')!;
    expect((await reopened.read('Observation', obs.id)).json).toBe(obs.json);
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    expect(JSON.parse(await readFile(obsFile, 'utf8')).versions.map((v: { id: string }) => v.id)).toEqual([obs.id]);
    expect((await reopened.history('Patient')).length).toBe(1);
    await reopened.close();
  });

  it('a write that cannot reach the disk rejects, and the store then refuses writes with a 500', async () => {
    const store = await open();
    await rm(dir, { recursive: true, force: true });
    await expect(store.create(patient('Lost'))).rejects.toThrow(/ENOENT/);
    await expect(store.create(patient('After'))).rejects.toMatchObject({ status: 500 });
    await store.close();
  });

  it('a damaged type file stops the store from opening instead of losing data silently', async () => {
    await writeFile(join(dir, 'Patient.json'), '{"format":"plan-api-fhir-store/1","versions":[{"id":');
    await expect(open()).rejects.toThrow(/Patient\.json is not valid JSON/);
  });
});
