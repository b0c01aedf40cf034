import { Writable } from 'node:stream';
import type { Patient, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../directory/index.ts';
import { generateMember, generateMembers } from '../member.ts';
import { SCENARIOS } from '../model.ts';
import { writeNdjson } from '../ndjson.ts';
import { testTerminology } from '../testing/terminology.ts';

async function ndjson(resources: Iterable<Resource>): Promise<string> {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  await writeNdjson(resources, sink);
  return chunks.join('');
}

/** Members and directory made from scratch (nothing shared between two calls). */
function world(seed: string, asOf?: string): { members: Resource[]; directory: Resource[] } {
  const made = createDirectory({ seed, size: 600, asOf, terminology: testTerminology() });
  const members = [
    ...generateMembers({ count: 5, seed, asOf, directory: made.handle, terminology: testTerminology() }),
  ].flatMap((m) => m.resources);
  return { members, directory: [...made.resources()] };
}

const patientsOf = (resources: Resource[]): Patient[] =>
  resources.filter((r): r is Patient => r.resourceType === 'Patient');

describe('determinism', () => {
  it('the same seed gives byte-identical NDJSON for members and directory', async () => {
    const a = world('same-seed');
    const b = world('same-seed');
    expect(a.members.length).toBeGreaterThan(5);
    expect(await ndjson(a.members)).toBe(await ndjson(b.members));
    expect(await ndjson(a.directory)).toBe(await ndjson(b.directory));
  });

  it('different seeds give different people', () => {
    const terminology = testTerminology();
    const { handle } = createDirectory({ seed: 'people', size: 600, terminology: testTerminology() });
    const people = Array.from({ length: 40 }, (_, i) => {
      const member = generateMember({ seed: `person-${i}`, directory: handle, terminology });
      const patient = patientsOf(member.resources)[0];
      if (!patient) throw new Error('no Patient');
      const name = patient.name?.[0];
      return {
        id: patient.id,
        name: `${name?.given?.join(' ') ?? ''} ${name?.family ?? ''}`,
        birthDate: patient.birthDate,
      };
    });
    expect(new Set(people.map((p) => p.id)).size).toBe(40);
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThan(35);
    expect(new Set(people.map((p) => p.birthDate)).size).toBeGreaterThan(35);
  });

  it('different seeds give different directories', () => {
    const names = (seed: string): string[] =>
      [...createDirectory({ seed, size: 600, terminology: testTerminology() }).resources()]
        .filter((r) => r.resourceType === 'Practitioner')
        .map((r) => JSON.stringify((r as { name?: unknown }).name));
    const a = names('dir-a');
    const b = names('dir-b');
    expect(a.length).toBeGreaterThan(10);
    const shared = a.filter((n) => b.includes(n));
    expect(shared.length).toBeLessThan(a.length / 10);
  });

  it('a member depends only on the batch seed and its index, not on the batch size', () => {
    const { handle } = createDirectory({ seed: 'batch', size: 600, terminology: testTerminology() });
    const three = [...generateMembers({ count: 3, seed: 'batch', directory: handle, terminology: testTerminology() })];
    const five = [...generateMembers({ count: 5, seed: 'batch', directory: handle, terminology: testTerminology() })];
    expect(JSON.stringify(five[2]?.resources)).toBe(JSON.stringify(three[2]?.resources));
    expect(new Set(five.map((m) => m.patientId)).size).toBe(5);
  });

  it('the record follows asOf, not the clock: another asOf moves the dates', async () => {
    const { handle } = createDirectory({ seed: 'asof', size: 600, terminology: testTerminology() });
    const terminology = testTerminology();
    const make = (asOf: string) =>
      generateMember({ seed: 'asof-member', scenario: SCENARIOS[1], asOf, directory: handle, terminology });
    const early = make('2024-03-31');
    const late = make('2026-06-30');
    const lastUpdated = (resources: Resource[]) => resources.map((r) => r.meta?.lastUpdated ?? '');
    expect(lastUpdated(early.resources).every((d) => d.slice(0, 10) <= '2024-03-31')).toBe(true);
    expect(await ndjson(early.resources)).not.toBe(await ndjson(late.resources));
    expect(await ndjson(make('2024-03-31').resources)).toBe(await ndjson(early.resources));
  });
});
