import type { StoredResource } from '../port.ts';

/** Marks the files this adapter writes, so a future layout change can be recognised. */
export const FILE_FORMAT = 'plan-api-fhir-store/1';

/** One version as a line of a type file or of the transaction journal. */
export interface FileVersion {
  resourceType: string;
  id: string;
  versionId: string;
  lastUpdated: string;
  deleted?: boolean;
  /** The resource body; absent for deletions. */
  resource?: Record<string, unknown>;
}

/**
 * One version as JSON. The stored resource JSON is embedded as it is (not re-serialized and not
 * escaped as a string), so the files stay readable and writing them is mostly concatenation.
 */
function versionLine(v: StoredResource): string {
  const head = `{"resourceType":${JSON.stringify(v.resourceType)},"id":${JSON.stringify(v.id)},"versionId":${JSON.stringify(v.versionId)},"lastUpdated":${JSON.stringify(v.lastUpdated)}`;
  return v.deleted ? `${head},"deleted":true}` : `${head},"resource":${v.json}}`;
}

/** The text of `<dir>/<Type>.json`: every version of every resource of the type, in write order. */
export function typeFileText(resourceType: string, versions: readonly StoredResource[]): string {
  const lines = versions.map(versionLine);
  return `{"format":${JSON.stringify(FILE_FORMAT)},"resourceType":${JSON.stringify(resourceType)},"versions":[\n${lines.join(',\n')}\n]}\n`;
}

/** The text of the transaction journal: the versions of one multi-type commit. */
export function journalText(versions: readonly StoredResource[]): string {
  return `{"format":${JSON.stringify(FILE_FORMAT)},"versions":[\n${versions.map(versionLine).join(',\n')}\n]}\n`;
}

/** Parses a type file or journal; throws with the file name when it is not ours or is damaged. */
export function parseVersions(text: string, file: string, resourceType?: string): FileVersion[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const body = data as { format?: unknown; resourceType?: unknown; versions?: unknown };
  if (typeof body !== 'object' || body === null || body.format !== FILE_FORMAT || !Array.isArray(body.versions)) {
    throw new Error(`${file} is not a ${FILE_FORMAT} file.`);
  }
  if (resourceType !== undefined && body.resourceType !== resourceType) {
    throw new Error(`${file} holds ${String(body.resourceType)}, not ${resourceType}.`);
  }
  for (const v of body.versions as FileVersion[]) {
    const ok =
      typeof v === 'object' &&
      v !== null &&
      typeof v.resourceType === 'string' &&
      typeof v.id === 'string' &&
      typeof v.versionId === 'string' &&
      typeof v.lastUpdated === 'string' &&
      (v.deleted === true || (typeof v.resource === 'object' && v.resource !== null));
    if (!ok) throw new Error(`${file} has a malformed version entry.`);
  }
  return body.versions as FileVersion[];
}

/** The StoredResource of a version read back from disk (the body serialized again, once). */
export function toStored(v: FileVersion): StoredResource {
  const base = { resourceType: v.resourceType, id: v.id, versionId: v.versionId, lastUpdated: v.lastUpdated };
  return v.deleted ? { ...base, json: '', deleted: true } : { ...base, json: JSON.stringify(v.resource) };
}
