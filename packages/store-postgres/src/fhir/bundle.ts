import type { Bundle, BundleEntry } from 'fhir/r4';
import { isFhirError } from '@plan-api/fhir';
import {
  atEntry,
  checkBundle,
  checkDistinctTargets,
  historyBundle,
  parseEntry,
  readResponse,
  resolveReferences,
  searchsetBundle,
  statusLine,
  writeResponse,
  type ParsedEntry,
} from '@plan-api/store';
import type pg from 'pg';
import type { Db } from '../db.ts';
import { inTransaction } from '../db.ts';
import {
  conditionalMatch,
  createIn,
  deleteIn,
  historyIn,
  parseQuery,
  readIn,
  updateIn,
  vreadIn,
  type FhirContext,
} from './operations.ts';
import { runSearch } from './search.ts';
import { CreateRace } from './versions.ts';

const isRace = (err: unknown): boolean => err instanceof CreateRace;

/**
 * A batch (each entry in its own transaction; failures become OperationOutcome entries) or a
 * transaction (one database transaction: the first failure rolls everything back and is thrown).
 */
export async function processBundle(
  pool: pg.Pool,
  ctx: FhirContext,
  bundle: unknown,
  baseUrl: string,
): Promise<Bundle> {
  const { type, entries, base } = checkBundle(bundle, baseUrl);
  const response: BundleEntry[] = [];
  if (type === 'batch') {
    for (const [position, entry] of entries.entries()) {
      try {
        const parsed = parseEntry(entry, position, base);
        response.push(await inTransaction(pool, (db) => runEntry(db, ctx, parsed, base), isRace));
      } catch (err) {
        if (!isFhirError(err)) throw err;
        response.push({ response: { status: statusLine(err.status), outcome: err.toOutcome() } });
      }
    }
  } else {
    response.push(...(await inTransaction(pool, (db) => runTransaction(db, ctx, entries, base), isRace)));
  }
  return { resourceType: 'Bundle', type: `${type}-response`, entry: response };
}

/** One entry of any method, in the caller's transaction. */
async function runEntry(db: Db, ctx: FhirContext, entry: ParsedEntry, base: string): Promise<BundleEntry> {
  const type = entry.resourceType;
  switch (entry.method) {
    case 'POST': {
      const result = await createIn(db, ctx, entry.resource, { ifNoneExist: entry.ifNoneExist });
      return writeResponse(result.resource, result.created ? 201 : 200, base);
    }
    case 'PUT': {
      const result = await updateIn(
        db,
        ctx,
        entry.resource,
        entry.ifMatch === undefined ? {} : { ifMatch: entry.ifMatch },
      );
      return writeResponse(result.resource, result.created ? 201 : 200, base);
    }
    case 'DELETE':
      await deleteIn(db, ctx, type, entry.id!);
      return { response: { status: statusLine(204) } };
    case 'GET': {
      const ok = { status: statusLine(200) };
      if (entry.id === undefined) {
        const request = parseQuery(ctx, type, entry.query ?? '', { baseUrl: base });
        return {
          resource: searchsetBundle(request, await runSearch(db, ctx.t, ctx.registry, request), base),
          response: ok,
        };
      }
      if (entry.history) {
        return {
          resource: historyBundle(type, entry.id, await historyIn(db, ctx, type, entry.id), base),
          response: ok,
        };
      }
      const stored =
        entry.versionId === undefined
          ? await readIn(db, ctx, type, entry.id)
          : await vreadIn(db, ctx, type, entry.id, entry.versionId);
      return readResponse(stored, base);
    }
  }
}

async function atPosition<T>(position: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw isFhirError(err) ? atEntry(err, position) : err;
  }
}

/**
 * A transaction's entries in the order FHIR R4 prescribes (3.1.0.11.2): DELETE, POST, PUT, then GET;
 * ids of created resources are assigned before any body is written so `urn:uuid:` references resolve.
 */
async function runTransaction(db: Db, ctx: FhirContext, raw: BundleEntry[], base: string) {
  const parsed = raw.map((entry, position) => {
    try {
      return parseEntry(entry, position, base);
    } catch (err) {
      throw isFhirError(err) ? atEntry(err, position) : err;
    }
  });
  checkDistinctTargets(parsed);
  const responses = new Array<BundleEntry>(parsed.length);
  const of = (method: string): ParsedEntry[] => parsed.filter((p) => p.method === method);
  for (const entry of of('DELETE'))
    responses[entry.position] = await atPosition(entry.position, () => runEntry(db, ctx, entry, base));
  const resolved = new Map<string, string>();
  const creates: { entry: ParsedEntry; id: string }[] = [];
  for (const entry of of('POST')) {
    const existing =
      entry.ifNoneExist === undefined
        ? undefined
        : await atPosition(entry.position, () => conditionalMatch(db, ctx, entry.resourceType, entry.ifNoneExist!));
    const target = existing ? `${existing.resourceType}/${existing.id}` : undefined;
    if (existing) responses[entry.position] = writeResponse(existing, 200, base);
    else creates.push({ entry, id: ctx.newId() });
    if (entry.fullUrl) resolved.set(entry.fullUrl, target ?? `${entry.resourceType}/${creates.at(-1)!.id}`);
  }
  for (const entry of of('PUT'))
    if (entry.fullUrl && entry.id) resolved.set(entry.fullUrl, `${entry.resourceType}/${entry.id}`);
  for (const { entry, id } of creates) {
    const body = resolveReferences(entry.resource, resolved);
    const result = await atPosition(entry.position, () => createIn(db, ctx, body, { id }));
    responses[entry.position] = writeResponse(result.resource, 201, base);
  }
  for (const entry of [...of('PUT'), ...of('GET')]) {
    const resolvedEntry =
      entry.method === 'PUT' ? { ...entry, resource: resolveReferences(entry.resource, resolved) } : entry;
    responses[entry.position] = await atPosition(entry.position, () => runEntry(db, ctx, resolvedEntry, base));
  }
  return responses;
}
