import type { SearchIndex } from '@plan-api/fhir';
import { stampVersion, tombstone, type ResourceBody, type StoredResource } from '@plan-api/store';
import type { Db } from '../db.ts';
import type { Tables } from '../sql.ts';
import { deleteIndexRows, IndexRows } from './index-rows.ts';

/** What a resource is now, as its locked `resources` row says. */
export interface Current {
  version: number;
  deleted: boolean;
}

/** One version to write: a body with its search index, or a deletion (no body). */
export interface PendingWrite {
  rtype: string;
  id: string;
  body?: ResourceBody;
  index?: SearchIndex;
}

/** Thrown when another writer created one of the ids between our check and our insert; the caller retries. */
export class CreateRace extends Error {
  constructor() {
    super('A resource was created concurrently; the write is retried.');
    this.name = 'CreateRace';
  }
}

const mapKey = (rtype: string, id: string): string => `${rtype}/${id}`;

/** Locks the current rows of the given resources (FOR UPDATE) and returns what each one is. */
export async function lockCurrent(
  db: Db,
  t: Tables,
  keys: readonly { rtype: string; id: string }[],
): Promise<Map<string, Current>> {
  const result = await db.query<{ rtype: string; id: string; version_id: number; deleted: boolean }>(
    `SELECT r.rtype, r.id, r.version_id, r.deleted FROM ${t.resources} r
     JOIN unnest($1::text[], $2::text[]) AS k(rtype, id) ON r.rtype = k.rtype AND r.id = k.id
     ORDER BY r.rtype, r.id FOR UPDATE OF r`,
    [keys.map((k) => k.rtype), keys.map((k) => k.id)],
  );
  return new Map(result.rows.map((r) => [mapKey(r.rtype, r.id), { version: r.version_id, deleted: r.deleted }]));
}

/** The current state of one resource from a lockCurrent answer. */
export function currentOf(locked: Map<string, Current>, rtype: string, id: string): Current | undefined {
  return locked.get(mapKey(rtype, id));
}

/**
 * Writes the next version of each resource inside the caller's transaction: replaced versions move to
 * `resource_history`, `resources` gets the new one, and the index rows are replaced. `locked` must
 * hold the FOR UPDATE state of every id (absent = new). Throws CreateRace when a new id turned out
 * taken. Returns the stored versions in input order.
 */
export async function writeVersions(
  db: Db,
  t: Tables,
  writes: readonly PendingWrite[],
  locked: Map<string, Current>,
  now: Date,
): Promise<StoredResource[]> {
  const lastUpdated = now.toISOString();
  const stored: StoredResource[] = [];
  const existing: StoredResource[] = [];
  const created: StoredResource[] = [];
  const index = new IndexRows();
  for (const w of writes) {
    const current = locked.get(mapKey(w.rtype, w.id));
    const versionId = String((current?.version ?? 0) + 1);
    const version = w.body
      ? stampVersion(w.body, w.id, versionId, lastUpdated).stored
      : tombstone(w.rtype, w.id, versionId, lastUpdated);
    stored.push(version);
    (current ? existing : created).push(version);
    if (w.body && w.index) index.add(w.rtype, w.id, w.index);
  }
  const columns = (versions: StoredResource[]): unknown[] => [
    versions.map((v) => v.resourceType),
    versions.map((v) => v.id),
    versions.map((v) => Number(v.versionId)),
    versions.map((v) => v.deleted === true),
    versions.map((v) => v.json),
  ];
  const unnest = `unnest($1::text[], $2::text[], $3::integer[], $4::boolean[], $5::text[]) AS u(rtype, id, version_id, deleted, json)`;
  const ms = now.getTime();
  if (existing.length > 0) {
    const keys = [existing.map((v) => v.resourceType), existing.map((v) => v.id)];
    await db.query(
      `INSERT INTO ${t.history} (rtype, id, version_id, lu, deleted, seq, json)
       SELECT r.rtype, r.id, r.version_id, r.lu, r.deleted, r.seq, r.json FROM ${t.resources} r
       JOIN unnest($1::text[], $2::text[]) AS k(rtype, id) ON r.rtype = k.rtype AND r.id = k.id`,
      keys,
    );
    await db.query(deleteIndexRows(t), keys);
    await db.query(
      `UPDATE ${t.resources} r SET version_id = u.version_id, lu = $6, deleted = u.deleted, json = u.json,
         seq = nextval('${t.versionSeq}') FROM ${unnest} WHERE r.rtype = u.rtype AND r.id = u.id`,
      [...columns(existing), ms],
    );
  }
  if (created.length > 0) {
    // One parameter per value rather than arrays: big JSON texts go out as they are, not escaped into
    // an array literal (most of a bulk load's client time otherwise).
    const values: unknown[] = [ms];
    const rows = created.map(
      (v) =>
        `(${[v.resourceType, v.id, Number(v.versionId), v.deleted === true, v.json].map((x) => `$${values.push(x)}`).join(', ')})`,
    );
    const inserted = await db.query(
      `INSERT INTO ${t.resources} (rtype, id, version_id, lu, deleted, seq, json)
       SELECT u.rtype, u.id, u.version_id::integer, $1::bigint, u.deleted::boolean, nextval('${t.versionSeq}'), u.json
       FROM (VALUES ${rows.join(', ')}) AS u(rtype, id, version_id, deleted, json)
       ON CONFLICT (rtype, id) DO NOTHING`,
      values,
    );
    if (inserted.rowCount !== created.length) throw new CreateRace();
  }
  const insert = index.statement(t);
  if (insert) await db.query(insert);
  return stored;
}
