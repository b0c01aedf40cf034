import pg from 'pg';
import { createDefaultRegistry } from '@plan-api/fhir';
import { explainSearch, planNodes } from './explain.ts';
const pool = new pg.Pool({ connectionString: 'postgres://root@127.0.0.1:5432/test' });
const registry = createDefaultRegistry();
const pat = 'x';
const urls = process.argv.slice(2).map((u) => u.replace('PAT', pat));
for (const url of urls) {
  const plan = await explainSearch(pool, 'bench_directory_100000', registry, url, true);
  const nodes = planNodes(plan).map(
    (n) =>
      `${n['Node Type']}${n['Relation Name'] ? ' ' + n['Relation Name'] : ''}${n['Index Name'] ? ' [' + n['Index Name'] + ']' : ''}`,
  );
  console.log(
    url,
    (plan as unknown as { 'Actual Total Time': number })['Actual Total Time'],
    'ms\n   ',
    nodes.join(' | '),
  );
}
await pool.end();
