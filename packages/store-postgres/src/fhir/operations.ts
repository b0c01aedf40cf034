import {
  badRequest,
  conflict,
  extractIndex,
  gone,
  notFound,
  parseSearch,
  type ParseOptions,
  type SearchIndex,
  type SearchRegistry,
  type SearchRequest,
} from '@plan-api/fhir';
import {
  checkResource,
  parseETag,
  type CreateOptions,
  type ResourceBody,
  type StoredResource,
  type UpdateOptions,
  type WriteResult,
} from '@plan-api/store';
import type { Db } from '../db.ts';
import type { Tables } from '../sql.ts';
import { assertStorableIndex } from './index-rows.ts';
import { toStored, type ResourceRow } from './rows.ts';
import { runSearch } from './search.ts';
import { currentOf, lockCurrent, writeVersions } from './versions.ts';

/** What every FHIR operation needs: the tables, the registry, the clock, ids and search parsing. */
export interface FhirContext {
  t: Tables;
  registry: SearchRegistry;
  now: () => Date;
  newId: () => string;
  searchOptions: ParseOptions;
}

const COLUMNS = 'rtype, id, version_id, lu, deleted, json';

/**
 * The search index of a body about to be stored under `id` (the id-backed `_id` needs no stamping);
 * a 400 when it holds what PostgreSQL cannot store.
 */
export function indexOf(ctx: FhirContext, body: ResourceBody, id: string): SearchIndex {
  const index = extractIndex({ ...body, id }, ctx.registry);
  assertStorableIndex(body.resourceType, id, index);
  return index;
}

/** Parses a query the way Bundle GET entries and If-None-Exist need it. */
export function parseQuery(
  ctx: FhirContext,
  resourceType: string,
  query: string,
  options: { strict?: boolean; baseUrl?: string } = {},
): SearchRequest {
  const params = new URLSearchParams(query.includes('?') ? query.slice(query.indexOf('?') + 1) : query);
  const parseOptions: ParseOptions = { ...ctx.searchOptions, strict: options.strict ?? false };
  if (options.baseUrl !== undefined) parseOptions.baseUrl = options.baseUrl;
  return parseSearch(resourceType, params, ctx.registry, parseOptions);
}

/**
 * If-None-Exist inside a transaction: the one match, undefined for none, 412 for several. A transaction
 * advisory lock on the query makes concurrent conditional creates of the same thing take turns.
 */
export async function conditionalMatch(
  db: Db,
  ctx: FhirContext,
  resourceType: string,
  query: string,
): Promise<StoredResource | undefined> {
  const request = parseQuery(ctx, resourceType, query, { strict: true });
  if (request.criteria.length === 0) throw badRequest('If-None-Exist needs at least one search criterion.');
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${resourceType}?${query}`]);
  const found = await runSearch(db, ctx.t, ctx.registry, {
    ...request,
    count: 2,
    offset: 0,
    include: [],
    revinclude: [],
  });
  if (found.matches.length > 1) {
    throw conflict(`If-None-Exist matched several ${resourceType} resources; it must match one.`, 412);
  }
  return found.matches[0];
}

/** Create with a new id (or the given one, for transactions), or the If-None-Exist match. */
export async function createIn(
  db: Db,
  ctx: FhirContext,
  resource: unknown,
  options: CreateOptions & { id?: string } = {},
): Promise<WriteResult> {
  checkResource(resource, ctx.registry);
  if (options.ifNoneExist !== undefined) {
    const existing = await conditionalMatch(db, ctx, resource.resourceType, options.ifNoneExist);
    if (existing) return { resource: existing, created: false };
  }
  const id = options.id ?? ctx.newId();
  const write = { rtype: resource.resourceType, id, body: resource, index: indexOf(ctx, resource, id) };
  const [stored] = await writeVersions(db, ctx.t, [write], new Map(), ctx.now());
  return { resource: stored!, created: true };
}

/** Update (or create with the client's id); If-Match must name the current version. */
export async function updateIn(
  db: Db,
  ctx: FhirContext,
  resource: unknown,
  options: UpdateOptions = {},
): Promise<WriteResult> {
  checkResource(resource, ctx.registry);
  const { resourceType, id } = resource;
  if (id === undefined) throw badRequest('An update needs the resource id.', [`${resourceType}.id`]);
  const locked = await lockCurrent(db, ctx.t, [{ rtype: resourceType, id }]);
  const current = currentOf(locked, resourceType, id);
  if (options.ifMatch !== undefined) {
    const wanted = parseETag(options.ifMatch);
    if (!current || current.deleted || String(current.version) !== wanted) {
      throw conflict(`Version ${wanted} is not the current version of ${resourceType}/${id}.`, 412);
    }
  }
  const write = { rtype: resourceType, id, body: resource, index: indexOf(ctx, resource, id) };
  const [stored] = await writeVersions(db, ctx.t, [write], locked, ctx.now());
  return { resource: stored!, created: !current || current.deleted };
}

/** Writes a tombstone; nothing when the resource is absent or already deleted. */
export async function deleteIn(db: Db, ctx: FhirContext, resourceType: string, id: string): Promise<void> {
  if (!ctx.registry.hasType(resourceType)) throw notFound(`Resource type ${resourceType} is not supported.`);
  const locked = await lockCurrent(db, ctx.t, [{ rtype: resourceType, id }]);
  const current = currentOf(locked, resourceType, id);
  if (!current || current.deleted) return;
  await writeVersions(db, ctx.t, [{ rtype: resourceType, id }], locked, ctx.now());
}

/** Current version; 404 unknown, 410 deleted. */
export async function readIn(db: Db, ctx: FhirContext, resourceType: string, id: string) {
  if (!ctx.registry.hasType(resourceType)) throw notFound(`Resource type ${resourceType} is not supported.`);
  const row = (
    await db.query<ResourceRow>(`SELECT ${COLUMNS} FROM ${ctx.t.resources} WHERE rtype = $1 AND id = $2`, [
      resourceType,
      id,
    ])
  ).rows[0];
  if (!row) throw notFound(`${resourceType}/${id} is not known.`);
  if (row.deleted) throw gone(`${resourceType}/${id} was deleted.`);
  return toStored(row);
}

/** A version; 404 unknown, 410 when it is a deletion. */
export async function vreadIn(db: Db, ctx: FhirContext, resourceType: string, id: string, versionId: string) {
  if (!ctx.registry.hasType(resourceType)) throw notFound(`Resource type ${resourceType} is not supported.`);
  const version = /^\d{1,9}$/.test(versionId) ? Number(versionId) : -1;
  const row = (
    await db.query<ResourceRow>(
      `SELECT ${COLUMNS} FROM ${ctx.t.resources} WHERE rtype = $1 AND id = $2 AND version_id = $3
       UNION ALL SELECT ${COLUMNS} FROM ${ctx.t.history} WHERE rtype = $1 AND id = $2 AND version_id = $3`,
      [resourceType, id, version],
    )
  ).rows[0];
  if (!row) {
    await readIn(db, ctx, resourceType, id).catch((err: unknown) => {
      if ((err as { status?: number }).status !== 410) throw err;
    });
    throw notFound(`${resourceType}/${id} has no version ${versionId}.`);
  }
  if (row.deleted) throw gone(`Version ${versionId} of ${resourceType}/${id} is a deletion.`);
  return toStored(row);
}

/** Versions newest first, of one resource (404 when unknown) or of every resource of the type. */
export async function historyIn(
  db: Db,
  ctx: FhirContext,
  resourceType: string,
  id: string | undefined,
  options: { count?: number; offset?: number } = {},
): Promise<StoredResource[]> {
  if (!ctx.registry.hasType(resourceType)) throw notFound(`Resource type ${resourceType} is not supported.`);
  const values: unknown[] = [resourceType];
  const byId = id === undefined ? '' : ` AND id = $${values.push(id)}`;
  const limit = `$${values.push(options.count ?? null)}::integer`;
  const offset = `$${values.push(Math.max(0, options.offset ?? 0))}::integer`;
  const rows = (
    await db.query<ResourceRow>(
      `SELECT * FROM (SELECT ${COLUMNS}, seq FROM ${ctx.t.resources} WHERE rtype = $1${byId}
       UNION ALL SELECT ${COLUMNS}, seq FROM ${ctx.t.history} WHERE rtype = $1${byId}) v
       ORDER BY seq DESC LIMIT ${limit} OFFSET ${offset}`,
      values,
    )
  ).rows;
  if (id !== undefined && rows.length === 0 && (options.offset ?? 0) === 0) {
    throw notFound(`${resourceType}/${id} is not known.`);
  }
  return rows.map(toStored);
}
