import type { Resource } from 'fhir/r4';
import { extractIndex, invalidResource, type SearchIndex, type SearchRegistry } from '@plan-api/fhir';
import type { StoredResource } from '../port.ts';

/** FHIR R4 id: 1 to 64 of letters, digits, `-` and `.`. */
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/** A resource body that passed the structural checks. */
export type ResourceBody = Resource & Record<string, unknown>;

/** Whether a string is a valid FHIR id. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * Checks what the store relies on: a JSON object with a `resourceType` the registry knows, a valid `id`
 * when present, and `meta` (when present) an object. Profile validation is not the store's business.
 */
export function checkResource(value: unknown, registry: SearchRegistry): asserts value is ResourceBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidResource('The body must be a FHIR resource (a JSON object).');
  }
  const body = value as Record<string, unknown>;
  const type = body['resourceType'];
  if (typeof type !== 'string' || type === '') {
    throw invalidResource('The resource has no resourceType.', ['resourceType']);
  }
  if (!registry.hasType(type)) throw invalidResource(`Resource type ${type} is not supported.`, ['resourceType']);
  const id = body['id'];
  if (id !== undefined && (typeof id !== 'string' || !isValidId(id))) {
    throw invalidResource('The id must be 1 to 64 letters, digits, "-" or ".".', [`${type}.id`]);
  }
  const meta = body['meta'];
  if (meta !== undefined && (typeof meta !== 'object' || meta === null || Array.isArray(meta))) {
    throw invalidResource('meta must be an object.', [`${type}.meta`]);
  }
}

/** A version ready to be put into a table: stored form and search index. */
export interface PreparedVersion {
  stored: StoredResource;
  index: SearchIndex;
}

/**
 * Stamps `id`, `meta.versionId` and `meta.lastUpdated` on a copy of the body and serializes it once.
 * The caller's object is not kept or changed.
 */
export function stampVersion(
  body: ResourceBody,
  id: string,
  versionId: string,
  lastUpdated: string,
): { stored: StoredResource; stamped: Resource } {
  const { resourceType, id: _ignored, meta, ...rest } = body;
  const stamped = {
    resourceType,
    id,
    meta: { ...(meta ?? {}), versionId, lastUpdated },
    ...rest,
  } as Resource;
  return { stored: { resourceType, id, versionId, lastUpdated, json: JSON.stringify(stamped) }, stamped };
}

/** stampVersion plus the search index of the stamped resource. */
export function prepareVersion(
  body: ResourceBody,
  id: string,
  versionId: string,
  lastUpdated: string,
  registry: SearchRegistry,
): PreparedVersion {
  const { stored, stamped } = stampVersion(body, id, versionId, lastUpdated);
  return { stored, index: extractIndex(stamped, registry) };
}

/** The tombstone version that delete writes. */
export function tombstone(resourceType: string, id: string, versionId: string, lastUpdated: string): StoredResource {
  return { resourceType, id, versionId, lastUpdated, json: '', deleted: true };
}

/** The version after `versionId` (versions are 1, 2, 3, ...). */
export function nextVersionId(versionId: string | undefined): string {
  return versionId === undefined ? '1' : String(Number(versionId) + 1);
}

/** `W/"3"`, `"3"` and `3` all name version 3. */
export function parseETag(value: string): string {
  return value
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}
