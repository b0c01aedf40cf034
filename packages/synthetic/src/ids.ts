import { hash32 } from './rng.ts';

/**
 * The Patient id of the member made from `seed`: `p-` and 8 hex digits of the seed's hash, so the id is
 * known before the member is generated and is the same on every run.
 */
export function memberPatientId(seed: string | number): string {
  return `p-${(hash32(String(seed)) >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * The id of the n-th resource of one kind belonging to a member (`p-3fa9c2d1-enc-4`). Keeping every member
 * resource under the Patient id makes ids unique across members and stable when other kinds change.
 */
export function memberResourceId(patientId: string, abbrev: string, n: number): string {
  if (!/^[a-z0-9]+$/i.test(abbrev)) throw new Error(`memberResourceId: abbreviation "${abbrev}" must be alphanumeric`);
  if (!Number.isInteger(n) || n < 0) throw new Error(`memberResourceId: n must be a non-negative integer, got ${n}`);
  return `${patientId}-${abbrev}-${n}`;
}
