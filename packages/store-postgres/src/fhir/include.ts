import type { IncludeSpec, SearchRegistry } from '@plan-api/fhir';
import type { StoredResource } from '@plan-api/store';
import type { Db } from '../db.ts';
import type { Tables } from '../sql.ts';
import { RESOURCE_COLUMNS } from './search-sql.ts';
import { toStored, type ResourceRow } from './rows.ts';

/** `_include:iterate` stops after this many rounds, so a reference cycle cannot run away. */
const MAX_ITERATE_ROUNDS = 8;

type Key = { rtype: string; id: string };
const keyOf = (k: Key): string => `${k.rtype}/${k.id}`;

function paramCodes(registry: SearchRegistry, spec: IncludeSpec): string[] {
  return spec.param === '*' ? registry.referenceParams(spec.sourceType).map((p) => p.code) : [spec.param.code];
}

/** `Type/id` of what the frontier's resources reference through `spec` (`_include`). */
async function forward(db: Db, t: Tables, registry: SearchRegistry, spec: IncludeSpec, ids: string[]) {
  const target = spec.targetType === undefined ? '' : ' AND x.ttype = $4';
  const values: unknown[] = [spec.sourceType, ids, paramCodes(registry, spec)];
  if (spec.targetType !== undefined) values.push(spec.targetType);
  const result = await db.query<Key>(
    `SELECT DISTINCT x.ttype AS rtype, x.tid AS id FROM ${t.reference} x
     WHERE x.rtype = $1 AND x.id = ANY($2::text[]) AND x.param = ANY($3::text[]) AND x.tid IS NOT NULL${target}`,
    values,
  );
  return result.rows;
}

/** `Type/id` of the spec's sources that reference the frontier's resources of `type` (`_revinclude`). */
async function reverse(db: Db, t: Tables, registry: SearchRegistry, spec: IncludeSpec, type: string, ids: string[]) {
  const result = await db.query<Key>(
    `SELECT DISTINCT x.rtype, x.id FROM ${t.reference} x
     WHERE x.rtype = $1 AND x.param = ANY($2::text[]) AND x.ttype = $3 AND x.tid = ANY($4::text[])`,
    [spec.sourceType, paramCodes(registry, spec), type, ids],
  );
  return result.rows;
}

/**
 * The resources `_include` and `_revinclude` add to a page, as the memory adapters find them: plain
 * specs apply to the matches, `:iterate` specs also to what earlier rounds included; deduplicated,
 * never repeating a match, deleted targets skipped. A few statements per round.
 */
export async function collectIncludes(
  db: Db,
  t: Tables,
  registry: SearchRegistry,
  resourceType: string,
  matches: readonly StoredResource[],
  include: readonly IncludeSpec[],
  revinclude: readonly IncludeSpec[],
): Promise<StoredResource[]> {
  if (include.length === 0 && revinclude.length === 0) return [];
  const seen = new Set(matches.map((m) => `${resourceType}/${m.id}`));
  const included: StoredResource[] = [];
  let frontier: Key[] = matches.map((m) => ({ rtype: resourceType, id: m.id }));
  let includeSpecs = include;
  let revincludeSpecs = revinclude;
  for (let round = 0; round <= MAX_ITERATE_ROUNDS && frontier.length > 0; round++) {
    const byType = new Map<string, string[]>();
    for (const k of frontier) byType.set(k.rtype, [...(byType.get(k.rtype) ?? []), k.id]);
    const wanted: Key[] = [];
    for (const spec of includeSpecs) {
      const ids = byType.get(spec.sourceType);
      if (ids) wanted.push(...(await forward(db, t, registry, spec, ids)));
    }
    for (const spec of revincludeSpecs) {
      for (const [type, ids] of byType) {
        if (spec.targetType === undefined || spec.targetType === type) {
          wanted.push(...(await reverse(db, t, registry, spec, type, ids)));
        }
      }
    }
    const fresh = wanted.filter((k) => !seen.has(keyOf(k)) && seen.add(keyOf(k)));
    const found = fresh.length === 0 ? [] : await readLive(db, t, fresh);
    included.push(...found);
    frontier = found.map((s) => ({ rtype: s.resourceType, id: s.id }));
    includeSpecs = include.filter((s) => s.iterate);
    revincludeSpecs = revinclude.filter((s) => s.iterate);
  }
  return included;
}

/** The live current versions of the given resources (absent and deleted ones are left out). */
async function readLive(db: Db, t: Tables, keys: readonly Key[]): Promise<StoredResource[]> {
  const result = await db.query<ResourceRow>(
    `SELECT ${RESOURCE_COLUMNS} FROM ${t.resources} r JOIN unnest($1::text[], $2::text[]) AS k(rtype, id)
       ON r.rtype = k.rtype AND r.id = k.id WHERE NOT r.deleted ORDER BY r.rtype, r.id`,
    [keys.map((k) => k.rtype), keys.map((k) => k.id)],
  );
  return result.rows.map(toStored);
}
