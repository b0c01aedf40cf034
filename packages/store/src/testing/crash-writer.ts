/**
 * Test support for lowdb/crash.test.ts (not part of the package API): writes to a lowdb store in a
 * loop until it is killed, printing one line per write that resolved:
 * `ok <Type>/<id> <versionId>` (a transaction prints each resource it wrote).
 * Usage: node --import tsx crash-writer.ts <dir> <round>
 */
import type { Bundle, Observation, Patient } from 'fhir/r4';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createLowdbStore } from '../lowdb/store.ts';

const [dir, round = '0'] = process.argv.slice(2);
if (!dir) throw new Error('usage: crash-writer <dir> <round>');

const store = await createLowdbStore({ registry: createDefaultRegistry(), dir });
const report = (type: string, id: string, versionId: string): void => {
  process.stdout.write(`ok ${type}/${id} ${versionId}\n`);
};
// A payload big enough that writing a file takes a while, so kills land mid-write.
const note = 'x'.repeat(2000);

for (let i = 0; ; i++) {
  const patient: Patient = { resourceType: 'Patient', name: [{ family: `R${round}-${i}`, text: note }] };
  if (i % 5 === 4) {
    const observation: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: `R${round}-${i}` },
      subject: { reference: 'urn:uuid:7d1f8a58-0000-4000-8000-000000000001' },
    };
    const tx: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:7d1f8a58-0000-4000-8000-000000000001',
          resource: patient,
          request: { method: 'POST', url: 'Patient' },
        },
        { resource: observation, request: { method: 'POST', url: 'Observation' } },
      ],
    };
    const response = await store.bundle(tx, { baseUrl: 'http://localhost/fhir' });
    for (const entry of response.entry ?? []) {
      const [type = '', id = '', , version = ''] = entry.response?.location?.split('/') ?? [];
      report(type, id, version);
    }
  } else if (i % 7 === 6) {
    // Several writes in flight at once exercise group commit.
    const many: Patient[] = [1, 2, 3].map((n) => ({ ...patient, name: [{ family: `R${round}-${i}-${n}` }] }));
    const results = await Promise.all(many.map((p) => store.create(p)));
    for (const r of results) report('Patient', r.resource.id, r.resource.versionId);
  } else {
    const { resource } = await store.create(patient);
    report('Patient', resource.id, resource.versionId);
  }
}
