import type { Bundle, BundleEntry } from 'fhir/r4';
import { badRequest, isFhirError } from '@plan-api/fhir';
import { atEntry, parseEntry, resolveReferences, statusLine, type ParsedEntry } from './bundle-entry.ts';
import {
  checkBundle,
  checkDistinctTargets,
  historyBundle,
  readResponse,
  searchsetBundle,
  writeResponse,
} from './bundle-response.ts';
import type { FhirEngine } from './engine.ts';

/**
 * Processes a batch (each entry on its own; failures become OperationOutcome entries) or a transaction
 * (all or nothing: the first failure undoes every change and is thrown as a FhirError).
 */
export function processBundle(engine: FhirEngine, bundle: unknown, baseUrl: string): Bundle {
  const { type, entries, base } = checkBundle(bundle, baseUrl);
  const response: BundleEntry[] =
    type === 'batch' ? runBatch(engine, entries, base) : engine.atomically(() => runTransaction(engine, entries, base));
  return { resourceType: 'Bundle', type: `${type}-response`, entry: response };
}

function runBatch(engine: FhirEngine, entries: BundleEntry[], base: string): BundleEntry[] {
  return entries.map((entry, position) => {
    try {
      const parsed = parseEntry(entry, position, base);
      if (parsed.method === 'POST') {
        const result = engine.create(parsed.resource, { ifNoneExist: parsed.ifNoneExist });
        return writeResponse(result.resource, result.created ? 201 : 200, base);
      }
      return runEntry(engine, parsed, base);
    } catch (err) {
      if (!isFhirError(err)) throw err;
      return { response: { status: statusLine(err.status), outcome: err.toOutcome() } };
    }
  });
}

/**
 * Processes entries in the order FHIR R4 prescribes for transactions (3.1.0.11.2): DELETE, POST, PUT,
 * then GET; the responses keep the request order. Runs inside `engine.atomically`.
 */
function runTransaction(engine: FhirEngine, entries: BundleEntry[], base: string): BundleEntry[] {
  const parsed = entries.map((entry, position) => withPosition(position, () => parseEntry(entry, position, base)));
  checkDistinctTargets(parsed);
  const responses = new Array<BundleEntry>(parsed.length);
  const byMethod = (method: string): ParsedEntry[] => parsed.filter((p) => p.method === method);

  for (const entry of byMethod('DELETE')) {
    responses[entry.position] = withPosition(entry.position, () => runEntry(engine, entry, base));
  }
  // Ids of created resources are assigned before any body is written, so references between entries resolve.
  const resolved = new Map<string, string>();
  const creates: { entry: ParsedEntry; id: string }[] = [];
  for (const entry of byMethod('POST')) {
    withPosition(entry.position, () => {
      const existing =
        entry.ifNoneExist === undefined ? undefined : engine.conditionalMatch(entry.resourceType, entry.ifNoneExist);
      if (existing) {
        responses[entry.position] = writeResponse(existing, 200, base);
        if (entry.fullUrl) resolved.set(entry.fullUrl, `${existing.resourceType}/${existing.id}`);
        return;
      }
      const id = engine.newId();
      creates.push({ entry, id });
      if (entry.fullUrl) resolved.set(entry.fullUrl, `${entry.resourceType}/${id}`);
    });
  }
  for (const entry of byMethod('PUT')) {
    if (entry.fullUrl && entry.id) resolved.set(entry.fullUrl, `${entry.resourceType}/${entry.id}`);
  }
  for (const { entry, id } of creates) {
    withPosition(entry.position, () => {
      const stored = engine.createWithId(resolveReferences(entry.resource, resolved), id);
      responses[entry.position] = writeResponse(stored, 201, base);
    });
  }
  for (const entry of byMethod('PUT')) {
    const body = resolveReferences(entry.resource, resolved);
    responses[entry.position] = withPosition(entry.position, () =>
      runEntry(engine, { ...entry, resource: body }, base),
    );
  }
  for (const entry of byMethod('GET')) {
    responses[entry.position] = withPosition(entry.position, () => runEntry(engine, entry, base));
  }
  return responses;
}

/** PUT, DELETE and GET entries (POST is handled by the caller, which knows about ids). */
function runEntry(engine: FhirEngine, entry: ParsedEntry, base: string): BundleEntry {
  const type = entry.resourceType;
  switch (entry.method) {
    case 'PUT': {
      const result = engine.update(entry.resource, entry.ifMatch === undefined ? {} : { ifMatch: entry.ifMatch });
      return writeResponse(result.resource, result.created ? 201 : 200, base);
    }
    case 'DELETE':
      engine.delete(type, entry.id!);
      return { response: { status: statusLine(204) } };
    case 'POST':
      throw badRequest('POST entries are handled by the Bundle processor.');
    case 'GET':
      if (entry.id === undefined)
        return { resource: searchset(engine, entry, base), response: { status: statusLine(200) } };
      if (entry.history)
        return {
          resource: historyBundle(type, entry.id, engine.history(type, entry.id), base),
          response: { status: statusLine(200) },
        };
      return readResponse(
        entry.versionId === undefined ? engine.read(type, entry.id) : engine.vread(type, entry.id, entry.versionId),
        base,
      );
  }
}

function searchset(engine: FhirEngine, entry: ParsedEntry, base: string): Bundle {
  const request = engine.parse(entry.resourceType, entry.query ?? '', { baseUrl: base });
  return searchsetBundle(request, engine.search(request), base);
}

function withPosition<T>(position: number, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw isFhirError(err) ? atEntry(err, position) : err;
  }
}
