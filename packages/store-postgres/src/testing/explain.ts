/** Test support: the statements a store runs, and the plans PostgreSQL picks for them. */
import type pg from 'pg';

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

/** A statement as the store sent it. */
export interface RecordedStatement {
  text: string;
  values: unknown[];
}

/** Runs `fn` and returns every statement sent through `pool.query` meanwhile. */
export async function recordStatements(pool: pg.Pool, fn: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const patched = pool as unknown as { query: (...args: unknown[]) => Promise<unknown> };
  patched.query = (...args: unknown[]) => {
    const [first, second] = args;
    if (typeof first === 'string') recorded.push({ text: first, values: (second as unknown[] | undefined) ?? [] });
    else recorded.push(first as RecordedStatement);
    return original(...args);
  };
  try {
    await fn();
  } finally {
    patched.query = original;
  }
  return recorded;
}

/** The plan of a statement. */
export async function explain(pool: pg.Pool, statement: RecordedStatement): Promise<PlanNode> {
  const result = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) ${statement.text}`,
    statement.values,
  );
  return result.rows[0]!['QUERY PLAN'][0].Plan;
}
