import { afterAll, describe, expect, it } from 'vitest';
import type { Patient } from 'fhir/r4';
import { createDefaultRegistry, FhirError, parseSearch } from '@plan-api/fhir';
import { testSchema } from './testing/database.ts';

const db = testSchema('input');
const registry = createDefaultRegistry();

afterAll(async () => {
  await db.drop();
});

async function status(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(FhirError);
    return (err as FhirError).status;
  }
}

const parse = (type: string, query: string) =>
  parseSearch(type, new URLSearchParams(query), registry, { defaultCount: 10, maxCount: 100, strict: true });

describe('bad input', () => {
  it('is a 400 with a message, never a database error', async () => {
    const { fhir } = await db.open();
    const nul: Patient = { resourceType: 'Patient', id: 'nul', name: [{ family: 'A\u0000B' }] };
    expect(await status(fhir.update(nul))).toBe(400);
    await expect(fhir.read('Patient', 'nul')).rejects.toMatchObject({ status: 404 });
    expect(await status(fhir.search(parse('Patient', 'name=a%00b')))).toBe(400);
    expect(await status(fhir.search({ ...parse('Patient', 'name=a'), cursor: 'WyJ4Il0' }))).toBeUndefined();
    expect(await status(fhir.search({ ...parse('Patient', 'name=a&_sort=family'), cursor: 'WyJ4Il0' }))).toBe(400);
    expect(await status(fhir.vread('Patient', 'nul', '99999999999999999999'))).toBe(404);
    expect(await status(fhir.history('NotAType'))).toBe(404);
  });
});
