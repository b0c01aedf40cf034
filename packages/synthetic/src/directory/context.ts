import { hash32, Rng } from '../rng.ts';
import { DEFAULT_AS_OF } from '../model.ts';
import { ORG_KIND_CODES, ORG_KINDS, SYSTEMS, type Code, type OrgKind } from './codes.ts';
import type { Terminology } from '../terminology.ts';
import { BLOCK, directoryCounts, Layout, type DirectoryCounts } from './layout.ts';
import { domainOf, firstName, orgName, phone, streetLine, surname } from './names.ts';
import { npiFor } from './npi.ts';
import { areaCodeOf, selectMetros, type Place } from './places.ts';
import { SPECIALTIES, specialtyCycle, type Specialty } from './specialties.ts';
import { planBrand, type PlanInfo } from './plan-info.ts';
import { hoursFor, type Hours } from './helpers.ts';

/** Options of createDirectory. */
export interface DirectoryOptions {
  seed: string | number;
  /** Approximate total number of resources (from a few hundred to millions). */
  size: number;
  /** The day the directory is current as of (YYYY-MM-DD); every lastUpdated is on or before it. */
  asOf?: string;
  /** The cities providers are in (default: resources/terminology/us-places.json; the first is home). */
  places?: readonly Place[];
  /** The practitioner specialties (default: SPECIALTIES). */
  specialties?: readonly Specialty[];
  /** Code lists (loadTerminology of the host's terminology folder). */
  terminology: Terminology;
}

export interface OrgCore {
  index: number;
  kind: OrgKind;
  name: string;
  npi: string;
  domain: string;
  metro: Place;
}

export interface LocationCore {
  index: number;
  org: number;
  name: string;
  line: string;
  city: string;
  state: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  phone: string;
}

export interface PractitionerCore {
  index: number;
  given: string[];
  family: string;
  gender: 'male' | 'female';
  npi: string;
  specialty: Specialty;
  /** v2-0360 degree (DO for some physicians). */
  degree?: readonly [string, string];
  credential: string;
  /** "Sarah K. Thompson, MD" */
  display: string;
}

export interface RoleTopology {
  practitioner: number;
  nth: number;
  org: number;
  location: number;
  /** Plan-Net ProviderRoleCS code and display. */
  code: readonly [string, string];
}

const KM_PER_DEGREE = 111.32;

/** The name of an organization's second (third, ...) site: a hospital campus or the street it is on. */
function siteName(org: OrgCore, street: string): string {
  if (org.kind === 'hospital') return `${org.name} ${street.split(' ')[0] ?? ''} Campus`;
  if (org.kind === 'lab') return `${org.name} Patient Service Center - ${street}`;
  return `${org.name} - ${street}`;
}

/**
 * Everything the resource builders share: the seed's root Rng, counts and index arithmetic, the metro
 * areas, the plan's identity, and the pure "core" of each organization, location,
 * practitioner and role (what other resources need to reference and name it).
 */
export class DirectoryContext {
  readonly seed: string;
  readonly root: Rng;
  readonly asOf: string;
  readonly asOfEndMs: number;
  readonly counts: DirectoryCounts;
  readonly layout: Layout;
  readonly metros: readonly Place[];
  readonly specialties: readonly Specialty[];
  readonly cycle: readonly Specialty[];
  readonly plan: PlanInfo;
  readonly #npiOffset: number;
  readonly #nucc = new Map<string, Code>();

  constructor(options: DirectoryOptions) {
    this.seed = String(options.seed);
    this.root = new Rng(this.seed);
    this.asOf = options.asOf ?? DEFAULT_AS_OF;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.asOf)) throw new Error(`asOf must be YYYY-MM-DD, got "${this.asOf}"`);
    this.asOfEndMs = Date.parse(`${this.asOf}T23:59:59Z`);
    const terminology = options.terminology;
    const places = options.places ?? terminology.places;
    this.specialties = options.specialties ?? SPECIALTIES;
    // Resolve every NUCC code up front, so an unknown code fails here rather than mid-stream.
    const taxonomies = [
      ...this.specialties.map((s) => s.code),
      ...ORG_KINDS.flatMap((k) => [ORG_KIND_CODES[k].taxonomy, ...ORG_KIND_CODES[k].serviceSpecialties]),
    ];
    for (const code of taxonomies) {
      const { system, display } = terminology.code(SYSTEMS.nucc, code);
      this.#nucc.set(code, [system, code, display]);
    }
    this.counts = directoryCounts(options.size, places.length, this.specialties.length);
    this.layout = new Layout(this.counts);
    this.metros = selectMetros(places, this.counts.areas);
    this.cycle = specialtyCycle(this.specialties);
    this.#npiOffset = hash32(`${this.seed}/npi`) >>> 0;
    const home = this.metros[0] as Place;
    this.plan = planBrand(this.rng('plan', 0), home, this.counts.networks, this.counts.insurancePlans);
  }

  /** A NUCC taxonomy code with its display from resources/terminology. */
  nucc(code: string): Code {
    const found = this.#nucc.get(code);
    if (!found) throw new Error(`NUCC code ${code} was not resolved`);
    return found;
  }

  /** The Rng of resource `i` of `kind`: depends on the seed, kind and index only. */
  rng(kind: string, i: number): Rng {
    return this.root.fork(`${kind}:${i}`);
  }

  metro(index: number): Place {
    return this.metros[index] as Place;
  }

  /** The name of service area `a`. */
  areaName(a: number): string {
    const metro = this.metro(a);
    return `Greater ${metro.city}, ${metro.state} Service Area`;
  }

  /** Opening hours of organization `org` (its locations, service and roles keep them). */
  orgHours(org: number): Hours[] {
    return hoursFor(this.layout.orgKind(org), this.rng('hours', org));
  }

  /** Whether endpoint `e` is a Direct address (one in seven) rather than a FHIR API. */
  endpointIsDirect(e: number): boolean {
    return (hash32(`${this.seed}/endpoint/${e}`) >>> 0) % 7 === 0;
  }

  /** Whether organization `org` is in network `n` (network 0 is the broad network everyone is in). */
  inNetwork(org: number, n: number): boolean {
    if (n === 0) return true;
    return (hash32(`${this.seed}/net/${org}/${n}`) >>> 0) % 100 < 65;
  }

  /** The networks organization `org` participates in. */
  orgNetworks(org: number): number[] {
    const out: number[] = [];
    for (let n = 0; n < this.counts.networks; n++) if (this.inNetwork(org, n)) out.push(n);
    return out;
  }

  orgCore(org: number): OrgCore {
    const rng = this.rng('org', org);
    const kind = this.layout.orgKind(org);
    const metro = this.metro(this.layout.orgMetro(org));
    const name = orgName(rng, kind, metro.city);
    return { index: org, kind, name, npi: npiFor(2, org, this.#npiOffset), domain: domainOf(name), metro };
  }

  locationCore(loc: number, org: OrgCore = this.orgCore(this.layout.locationOrg(loc))): LocationCore {
    const rng = this.rng('loc', loc);
    const { line, street } = streetLine(rng, org.kind !== 'hospital' && org.kind !== 'pharmacy');
    const metro = org.metro;
    // Scatter sites around the city centre (sd ~6 km), as a metro's providers are.
    const dLat = rng.normal(0, 6) / KM_PER_DEGREE;
    const dLon = rng.normal(0, 6) / (KM_PER_DEGREE * Math.cos((metro.latitude * Math.PI) / 180));
    const primary = loc < this.counts.organizations;
    return {
      index: loc,
      org: org.index,
      name: primary ? org.name : siteName(org, street),
      line,
      city: metro.city,
      state: metro.state,
      postalCode: rng.pick(metro.postalCodes),
      latitude: Math.round((metro.latitude + dLat) * 1e5) / 1e5,
      longitude: Math.round((metro.longitude + dLon) * 1e5) / 1e5,
      phone: phone(rng, areaCodeOf(metro)),
    };
  }

  practitionerCore(p: number): PractitionerCore {
    const rng = this.rng('prac', p);
    const specialty = this.cycle[p % this.cycle.length] as Specialty;
    const gender = rng.chance(0.5) ? 'female' : 'male';
    const first = firstName(rng, gender);
    const family = surname(rng);
    // Middle initials follow first-name initials (many J's and M's, few Q's).
    const given = rng.chance(0.6) ? [first, firstName(rng, rng.chance(0.5) ? 'female' : 'male').charAt(0)] : [first];
    const middle = given[1] ? ` ${given[1]}.` : '';
    // About one US physician in nine is a DO rather than an MD.
    const osteopath = specialty.degree?.[0] === 'MD' && rng.chance(0.11);
    const degree = osteopath ? (['DO', 'Doctor of Osteopathy'] as const) : specialty.degree;
    const credential = osteopath ? 'DO' : specialty.credential;
    return {
      index: p,
      given,
      family,
      gender,
      npi: npiFor(1, p, this.#npiOffset),
      specialty,
      degree,
      credential,
      display: `${first}${middle} ${family}, ${credential}`,
    };
  }

  /** Where role `role` is: its practitioner, organization, location and role code. */
  roleTopology(role: number): RoleTopology {
    const { practitioner, nth } = this.layout.roleSlot(role);
    const specialty = this.cycle[practitioner % this.cycle.length] as Specialty;
    const rng = this.rng('role-topology', role);
    if (nth === 0) {
      const block = rng.int(0, this.layout.blocks - 1);
      const org = this.layout.orgInBlock(block, specialty.kind, rng.int(0, BLOCK - 1));
      const location = this.layout.locationOf(org, rng.int(0, this.layout.locationCount(org) - 1));
      return { practitioner, nth, org, location, code: specialty.role };
    }
    // Further roles are in the same metro as the first: physicians get admitting privileges at the
    // block's hospital, others work at an organization of their kind in the metro's next block.
    const first = this.roleTopology(practitioner);
    const block = Math.floor(first.org / BLOCK);
    const admitting = specialty.role[0] === 'ph' && specialty.kind !== 'hospital';
    const org = admitting
      ? this.layout.orgInBlock(block, 'hospital', 0)
      : this.layout.orgInBlock(block + this.counts.areas * nth, specialty.kind, first.org % BLOCK);
    const location = this.layout.locationOf(org, rng.int(0, this.layout.locationCount(org) - 1));
    return { practitioner, nth, org, location, code: admitting ? ['ap', 'Admitting Privileges'] : specialty.role };
  }
}
