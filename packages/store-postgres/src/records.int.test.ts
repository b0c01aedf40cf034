import { afterAll, describe, expect, it } from 'vitest';
import { listStatement } from './records.ts';
import { tablesOf } from './sql.ts';
import { planNodes, type PlanNode } from './testing/explain.ts';
import { testSchema } from './testing/database.ts';

const db = testSchema('records');

afterAll(async () => {
  await db.drop();
});

interface AccessLog {
  id: string;
  patientId: string;
  clientId: string;
  at: string;
}

describe('large record collections', () => {
  it('the access log filtered by patient or client and ordered by id or time reads a declared index', async () => {
    const stores = await db.open({
      recordIndexes: { accessLog: [['patientId'], ['clientId'], ['patientId', 'at']] },
    });
    await db.pool.query(
      `INSERT INTO "${db.schema}".records (collection, id, data)
       SELECT 'accessLog', lpad(n::text, 6, '0'), jsonb_build_object('id', lpad(n::text, 6, '0'),
         'patientId', 'p' || (n % 500), 'clientId', 'c' || (n % 40), 'at', '2025-01-01T00:00:' || lpad((n % 60)::text, 2, '0'))
       FROM generate_series(1, 20000) AS n`,
    );
    await db.pool.query(`ANALYZE "${db.schema}".records`);
    const log = stores.records.collection<AccessLog>('accessLog');
    const byPatient = await log.list({ where: { patientId: 'p7' }, orderBy: 'id', descending: true, limit: 5 });
    expect(byPatient.map((r) => r.id)).toEqual(['019507', '019007', '018507', '018007', '017507']);
    const t = tablesOf(db.schema);
    const queries = [
      listStatement<AccessLog>(t, 'accessLog', {
        where: { patientId: 'p7' },
        orderBy: 'id',
        descending: true,
        limit: 50,
      }),
      listStatement<AccessLog>(t, 'accessLog', {
        where: { clientId: 'c3' },
        orderBy: 'id',
        descending: true,
        limit: 50,
      }),
      listStatement<AccessLog>(t, 'accessLog', {
        where: { patientId: 'p7' },
        orderBy: 'at',
        descending: true,
        limit: 50,
      }),
    ];
    for (const query of queries) {
      const plan = await db.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) ${query.text}`,
        query.values,
      );
      const nodes = planNodes(plan.rows[0]!['QUERY PLAN'][0].Plan);
      expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
      expect(nodes.some((n) => n['Index Name']?.startsWith('records_accesslog_'))).toBe(true);
    }
  });
});
