import type { OrgKind } from './codes.ts';

/** How many resources of each kind a directory of a given size has. */
export interface DirectoryCounts {
  /** The health plan (payer) Organization: always 1. */
  plan: number;
  /** Network Organizations (plannet-Network). */
  networks: number;
  insurancePlans: number;
  /** Provider Organizations (clinics, hospitals, pharmacies, labs, dental practices). */
  organizations: number;
  /** Locations where care is given (each organization has at least one). */
  locations: number;
  /** Service-area Locations (one per metro area; coverage areas of networks and plans). */
  areas: number;
  practitioners: number;
  practitionerRoles: number;
  healthcareServices: number;
  affiliations: number;
  /** Endpoints: the plan's directory API and those of the first organizations. */
  endpoints: number;
  /** Sum of all of the above. */
  total: number;
}

/**
 * The repeating pattern of organization kinds: org `i` has kind `ORG_CYCLE[i % 10]`. Ten consecutive
 * organizations (a block) hold every kind and share one metro area, so a practitioner's roles, a
 * clinic's affiliated hospital and the facilities a member uses sit in the same city.
 */
export const ORG_CYCLE: readonly OrgKind[] = [
  'hospital',
  'clinic',
  'pharmacy',
  'lab',
  'dental',
  'clinic',
  'pharmacy',
  'clinic',
  'dental',
  'clinic',
];
export const BLOCK = ORG_CYCLE.length;

/** The smallest directory: one block of organizations and every specialty represented. */
export const MIN_SIZE = 200;

/** Positions within a block of each organization kind. */
export const KIND_POSITIONS: Readonly<Record<OrgKind, readonly number[]>> = {
  hospital: positionsOf('hospital'),
  clinic: positionsOf('clinic'),
  pharmacy: positionsOf('pharmacy'),
  lab: positionsOf('lab'),
  dental: positionsOf('dental'),
};

function positionsOf(kind: OrgKind): number[] {
  return ORG_CYCLE.flatMap((k, i) => (k === kind ? [i] : []));
}

/**
 * The resource counts for an approximate total `size` (at least MIN_SIZE): practitioners ~35%,
 * practitioner roles ~41%, locations ~8%, organizations ~6%, healthcare services ~4%, affiliations and
 * endpoints ~3% each, a handful of networks and insurance plans, one plan Organization. `placeCount` is
 * how many metro areas are available (service areas never outnumber them).
 */
export function directoryCounts(size: number, placeCount: number, specialtyCount = 30): DirectoryCounts {
  if (!Number.isFinite(size) || size < 1) throw new Error(`directoryCounts: size must be a positive number`);
  const n = Math.max(Math.round(size), MIN_SIZE);
  const networks = n < 1_000 ? 2 : n < 100_000 ? 3 : 4;
  const insurancePlans = n < 1_000 ? 3 : n < 10_000 ? 4 : n < 100_000 ? 5 : 6;
  const organizations = Math.max(BLOCK, Math.round(n * 0.06));
  const areas = Math.max(1, Math.min(placeCount, Math.ceil(organizations / BLOCK)));
  const locations = Math.max(organizations, Math.round(n * 0.08) - areas);
  const practitioners = Math.max(specialtyCount, Math.round(n * 0.35));
  const practitionerRoles = Math.max(practitioners, Math.round(n * 0.41));
  const healthcareServices = Math.min(organizations, Math.max(1, Math.round(n * 0.04)));
  const affiliations = Math.min(organizations, Math.max(1, Math.round(n * 0.03)));
  // One endpoint is the plan's own directory API; the rest belong to the first organizations.
  const endpoints = Math.min(organizations + 1, Math.max(2, Math.round(n * 0.03)));
  const total =
    1 +
    networks +
    insurancePlans +
    organizations +
    locations +
    areas +
    practitioners +
    practitionerRoles +
    healthcareServices +
    affiliations +
    endpoints;
  return {
    plan: 1,
    networks,
    insurancePlans,
    organizations,
    locations,
    areas,
    practitioners,
    practitionerRoles,
    healthcareServices,
    affiliations,
    endpoints,
    total,
  };
}

/** Index arithmetic over a directory's counts: who belongs to whom, without storing anything. */
export class Layout {
  readonly counts: DirectoryCounts;
  readonly blocks: number;

  constructor(counts: DirectoryCounts) {
    this.counts = counts;
    this.blocks = Math.ceil(counts.organizations / BLOCK);
  }

  /** The kind of provider organization `org`. */
  orgKind(org: number): OrgKind {
    return ORG_CYCLE[org % BLOCK] as OrgKind;
  }

  /** The metro area (index into the directory's places) of organization `org` and its locations. */
  orgMetro(org: number): number {
    return Math.floor(org / BLOCK) % this.counts.areas;
  }

  /** The organization of `kind` at position `slot` (any number) of a block, or one in a full block. */
  orgInBlock(block: number, kind: OrgKind, slot: number): number {
    const positions = KIND_POSITIONS[kind];
    const position = positions[Math.abs(slot) % positions.length] as number;
    let b = block;
    // The last block may be partial: step back to an earlier block of the same metro, or the first.
    while (b * BLOCK + position >= this.counts.organizations) b = b >= this.counts.areas ? b - this.counts.areas : 0;
    return b * BLOCK + position;
  }

  /** How many organizations of `kind` there are. */
  countOfKind(kind: OrgKind): number {
    const { organizations } = this.counts;
    const full = Math.floor(organizations / BLOCK);
    const rest = organizations % BLOCK;
    return KIND_POSITIONS[kind].reduce((sum, pos) => sum + full + (pos < rest ? 1 : 0), 0);
  }

  /** The n-th organization (0-based, wrapping) of `kind`. */
  nthOfKind(kind: OrgKind, n: number): number {
    const positions = KIND_POSITIONS[kind];
    const m = n % this.countOfKind(kind);
    return Math.floor(m / positions.length) * BLOCK + (positions[m % positions.length] as number);
  }

  /** How many care locations organization `org` has (locations org, org+O, org+2O, ...). */
  locationCount(org: number): number {
    const { organizations, locations } = this.counts;
    return Math.floor((locations - 1 - org) / organizations) + 1;
  }

  /** The t-th location of organization `org`. */
  locationOf(org: number, t: number): number {
    return org + this.counts.organizations * (t % this.locationCount(org));
  }

  /** The organization that manages location `loc`. */
  locationOrg(loc: number): number {
    return loc % this.counts.organizations;
  }

  /** Organization `org`'s endpoint index, if it has one. */
  endpointOf(org: number): number | undefined {
    return org < this.counts.endpoints - 1 ? org : undefined;
  }

  /** Organization `org`'s healthcare service index, if it has one. */
  serviceOf(org: number): number | undefined {
    return org < this.counts.healthcareServices ? org : undefined;
  }

  /** The practitioner of role `role` and which of their roles it is (0 = first). */
  roleSlot(role: number): { practitioner: number; nth: number } {
    const { practitioners } = this.counts;
    return { practitioner: role % practitioners, nth: Math.floor(role / practitioners) };
  }
}
