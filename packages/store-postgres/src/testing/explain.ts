/** Test support: the plan PostgreSQL picks for a search (EXPLAIN of the page query the store runs). */
import { parseSearch, type SearchRegistry } from '@plan-api/fhir';
import type pg from 'pg';
import { chooseDriver } from '../fhir/search.ts';
import { pageStatement } from '../fhir/search-sql.ts';
import { tablesOf } from '../sql.ts';

/** A plan node of EXPLAIN (FORMAT JSON). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** The plan of the first page of `Type?query`, as the store would run it. */
export async function explainSearch(
  pool: pg.Pool,
  schema: string,
  registry: SearchRegistry,
  url: string,
  analyze = false,
): Promise<PlanNode> {
  const [type = '', query = ''] = url.split('?');
  const request = parseSearch(type, new URLSearchParams(query), registry, {
    defaultCount: 50,
    maxCount: 500,
    strict: true,
  });
  const t = tablesOf(schema);
  const driver = await chooseDriver(pool, t, request);
  const statement = pageStatement(request, t, { limit: request.count + 1, offset: 0, ...(driver ? { driver } : {}) });
  const result = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON${analyze ? ', ANALYZE' : ''}) ${statement.text}`,
    statement.values,
  );
  return result.rows[0]!['QUERY PLAN'][0].Plan;
}
