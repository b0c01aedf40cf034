import type { StoredResource } from '@plan-api/store';

/** A row of `resources` or `resource_history` as queries read it. */
export interface ResourceRow {
  rtype: string;
  id: string;
  version_id: number;
  /** bigint arrives as a string. */
  lu: string;
  deleted: boolean;
  json: string;
}

/** The port's view of a stored version: `lastUpdated` is the instant the write stamped into the JSON. */
export function toStored(row: ResourceRow): StoredResource {
  const stored: StoredResource = {
    resourceType: row.rtype,
    id: row.id,
    versionId: String(row.version_id),
    lastUpdated: new Date(Number(row.lu)).toISOString(),
    json: row.deleted ? '' : row.json,
  };
  if (row.deleted) stored.deleted = true;
  return stored;
}
