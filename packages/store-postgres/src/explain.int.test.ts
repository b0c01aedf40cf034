import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry, parseSearch } from '@plan-api/fhir';
import { createDirectory, generateMembers } from '@plan-api/synthetic';
import { testTerminology } from '@plan-api/synthetic/testing';
import type { PostgresStores } from './stores.ts';
import { explain, planNodes, recordStatements } from './testing/explain.ts';
import { testSchema } from './testing/database.ts';

const db = testSchema('explain');
const registry = createDefaultRegistry();
/** Values that occur in the loaded data, found once the data is in. */
const sample: Record<string, string> = {};
let stores: PostgresStores;

async function first(sql: string): Promise<string> {
  const value = (await db.pool.query<{ v: string }>(sql.replaceAll('S.', `"${db.schema}".`))).rows[0]?.v;
  if (value === undefined) throw new Error(`no sample for ${sql}`);
  return value;
}

beforeAll(async () => {
  stores = await db.open();
  const terminology = testTerminology();
  const directory = createDirectory({ seed: 11, size: 6000, terminology });
  await stores.fhir.bulkLoad(directory.resources());
  for (const member of generateMembers({ count: 12, seed: 11, directory: directory.handle, terminology })) {
    await stores.fhir.bulkLoad(member.resources);
  }
  await db.pool.query('ANALYZE');
  sample['patient'] = await first(`SELECT id AS v FROM S.resources WHERE rtype = 'Patient' ORDER BY id LIMIT 1`);
  const token = (type: string, param: string) =>
    first(
      `SELECT code AS v FROM S.idx_token WHERE rtype = '${type}' AND param = '${param}' AND code IS NOT NULL ORDER BY code LIMIT 1`,
    );
  const reference = (type: string, param: string) =>
    first(
      `SELECT tid AS v FROM S.idx_reference WHERE rtype = '${type}' AND param = '${param}' AND tid IS NOT NULL ORDER BY tid LIMIT 1`,
    );
  sample['specialty'] = await token('PractitionerRole', 'specialty');
  sample['eobType'] = await token('ExplanationOfBenefit', 'type');
  sample['eobIdentifier'] = await token('ExplanationOfBenefit', 'identifier');
  sample['network'] = await reference('PractitionerRole', 'network');
  sample['location'] = await reference('PractitionerRole', 'location');
  sample['organization'] = await reference('PractitionerRole', 'organization');
  sample['city'] = await first(
    `SELECT exact AS v FROM S.idx_string WHERE rtype = 'Location' AND param = 'address-city' LIMIT 1`,
  );
  const position = await db.pool.query<{ lat: number; lon: number }>(
    `SELECT lat, lon FROM "${db.schema}".idx_position ORDER BY id LIMIT 1`,
  );
  sample['near'] = `${position.rows[0]!.lat}|${position.rows[0]!.lon}|10|km`;
}, 120_000);

afterAll(async () => {
  await db.drop();
});

const P = 'PAT';
/** US Core SHALL combinations, CARIN BB EOB searches and Plan-Net directory searches (with samples filled in). */
const SEARCHES = [
  `Observation?patient=${P}&category=vital-signs`,
  `Observation?patient=${P}&code=http://loinc.org|8867-4`,
  `Observation?patient=${P}&category=laboratory&date=ge2020-01-01`,
  `Condition?patient=${P}&category=problem-list-item`,
  `Encounter?patient=${P}&date=ge2020-01-01`,
  `MedicationRequest?patient=${P}&intent=order`,
  `MedicationRequest?patient=${P}&intent=order&status=active`,
  `DocumentReference?patient=${P}&type=http://loinc.org|34117-2`,
  `ExplanationOfBenefit?patient=${P}`,
  `ExplanationOfBenefit?patient=${P}&type={eobType}`,
  `ExplanationOfBenefit?service-date=ge2024-06-01`,
  `ExplanationOfBenefit?patient=${P}&_lastUpdated=gt2020-01-01`,
  `ExplanationOfBenefit?_lastUpdated=gt2024-06-01`,
  `ExplanationOfBenefit?identifier={eobIdentifier}`,
  `PractitionerRole?specialty={specialty}&_include=PractitionerRole:practitioner`,
  `PractitionerRole?network=Organization/{network}`,
  `PractitionerRole?location=Location/{location}&_include=PractitionerRole:location`,
  `PractitionerRole?organization=Organization/{organization}`,
  `Location?near={near}`,
  `Location?address-city={city}`,
  `Location?address-city:exact={city}`,
  `Organization?name=heal`,
  `Practitioner?_has:PractitionerRole:practitioner:specialty={specialty}`,
  `PractitionerRole?practitioner.name=smi`,
];

describe('search plans at directory scale', () => {
  for (const search of SEARCHES) {
    it(`every statement uses indexes and scans no table: ${search}`, async () => {
      const url = search
        .replace(P, sample['patient']!)
        .replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(sample[k]!));
      const [type = '', query = ''] = url.split('?');
      const request = parseSearch(type, new URLSearchParams(query), registry, {
        defaultCount: 50,
        maxCount: 500,
        strict: true,
      });
      const statements = await recordStatements(db.pool, () => stores.fhir.search(request));
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        const nodes = planNodes(await explain(db.pool, statement));
        const scans = nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
        const shape = JSON.stringify(nodes.map((n) => [n['Node Type'], n['Relation Name'], n['Index Name']]));
        expect(scans, `${statement.text}\n${shape}`).toEqual([]);
        expect(
          nodes.some((n) => n['Index Name'] !== undefined),
          shape,
        ).toBe(true);
      }
    });
  }
});

describe('planner statistics', () => {
  it('knows how often a token code occurs for each type and parameter (joint statistics, filled by ANALYZE)', async () => {
    const stats = await db.pool.query<{ kinds: string[]; mcv: number }>(
      `SELECT kinds::text[] AS kinds, coalesce(array_length(most_common_vals, 1), 0) AS mcv
       FROM pg_stats_ext WHERE schemaname = $1 AND statistics_name = 'idx_token_type_param_code'`,
      [db.schema],
    );
    expect(stats.rows).toHaveLength(1);
    expect(stats.rows[0]?.kinds).toEqual(expect.arrayContaining(['m', 'd', 'f']));
    expect(stats.rows[0]?.mcv).toBeGreaterThan(0);
  });
});
