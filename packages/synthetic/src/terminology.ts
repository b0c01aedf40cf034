import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Coded } from './model.ts';

/** The code systems kept in resources/terminology, by their FHIR canonical URI. */
export const SYSTEMS = {
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ndc: 'http://hl7.org/fhir/sid/ndc',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  cdt: 'http://www.ada.org/cdt',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  nucc: 'http://nucc.org/provider-taxonomy',
  race: 'urn:oid:2.16.840.1.113883.6.238',
  language: 'urn:ietf:bcp:47',
  maritalStatus: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus',
  ucum: 'http://unitsofmeasure.org',
} as const;

/** A code with whatever the data file adds to it (price range, unit, link to another code). */
export interface Concept extends Coded {
  readonly [extra: string]: unknown;
}

export interface IcdConcept extends Coded {
  /** The matching SNOMED CT concept. */
  snomed?: string;
}

export interface SnomedConcept extends Coded {
  kind: string;
}

export interface LoincConcept extends Coded {
  category: 'laboratory' | 'vital-signs' | 'social-history' | 'document';
  /** UCUM unit code. */
  unit?: string;
  low?: number;
  high?: number;
  decimals?: number;
}

export interface RxNormConcept extends Coded {
  /** NDC package a pharmacy dispenses for this drug (the generic where one is marketed); it holds the price. */
  ndc: string;
  form: 'tablet' | 'capsule' | 'inhaler' | 'pen';
  sig: string;
  /** Package units used a day (tablets; mL for pens; 0 for inhalers, which are dispensed by the device). */
  unitsPerDay: number;
}

export interface NdcConcept extends Coded {
  rxnorm: string;
  packageSize: number;
  /** The unit a package is counted and priced in: tablet, capsule, inhaler, mL. */
  packageUnit: string;
  /** A brand-name product (priced and tiered as brand) rather than a generic. */
  brand: boolean;
  /** The pharmacy's usual and customary price of one package unit, in cents. */
  unitPriceCents: [number, number];
}

/** CPT, HCPCS or CDT code with a plausible billed charge. */
export interface BillingConcept extends Coded {
  /** Billed charge of a professional (or dental) claim line. */
  priceCents: [number, number];
  /** Hospital or surgery-center charge for the code on an institutional claim, when it differs. */
  facilityPriceCents?: [number, number];
  category: string;
}

export interface CvxConcept extends Coded {
  /** Vaccine product CPT code billed with it. */
  cpt?: string;
  priceCents: [number, number];
}

export interface NuccConcept extends Coded {
  grouping: string;
  classification: string;
  specialization?: string;
  kind: 'individual' | 'organization';
}

/** A real US city with some of its ZIP codes and a position (resources/terminology/us-places.json). */
export interface Place {
  city: string;
  state: string;
  postalCodes: string[];
  latitude: number;
  longitude: number;
}

/** Loaded code lists with lookups that throw on unknown codes, so generators never invent codes. */
export interface Terminology {
  /** `{system, code, display}` of a known code (a fresh object each call). Throws on an unknown code. */
  code(system: string, code: string): Coded;
  /** Whether the code is in the lists. */
  has(system: string, code: string): boolean;
  /** The full entry of a known code, with the file's extra fields. Throws on an unknown code. */
  concept(system: string, code: string): Concept;
  /** Every entry of a system, in file order. */
  concepts(system: string): readonly Concept[];
  icd10(code: string): IcdConcept;
  loinc(code: string): LoincConcept;
  rxnorm(code: string): RxNormConcept;
  /** The NDC package entry of an RxNorm drug. */
  ndcFor(rxnorm: string): NdcConcept;
  /** A CPT, HCPCS or CDT code with its price range. */
  billing(system: string, code: string): BillingConcept;
  cvx(code: string): CvxConcept;
  nucc(code: string): NuccConcept;
  readonly places: readonly Place[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(file: string, message: string): never {
  throw new Error(`terminology: ${file}: ${message}`);
}

function readJson(dir: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
  } catch (err) {
    return fail(file, `cannot be read as JSON (${(err as Error).message})`);
  }
}

function parseConcepts(file: string, data: unknown): Concept[] {
  if (!isRecord(data) || !Array.isArray(data.concepts)) fail(file, 'expected an object with a "concepts" array');
  return data.concepts.map((entry: unknown, i: number) => {
    if (!isRecord(entry)) fail(file, `concepts[${i}] is not an object`);
    for (const key of ['system', 'code', 'display'] as const) {
      const value = entry[key];
      if (typeof value !== 'string' || value.trim() === '')
        fail(file, `concepts[${i}].${key} must be a non-empty string`);
    }
    return entry as Concept;
  });
}

function parsePlaces(file: string, data: unknown): Place[] {
  if (!Array.isArray(data) || data.length === 0) fail(file, 'expected a non-empty array of places');
  return data.map((p: unknown, i: number) => {
    const ok =
      isRecord(p) &&
      typeof p.city === 'string' &&
      typeof p.state === 'string' &&
      /^[A-Z]{2}$/.test(p.state) &&
      Array.isArray(p.postalCodes) &&
      p.postalCodes.length > 0 &&
      p.postalCodes.every((z) => typeof z === 'string' && /^\d{5}$/.test(z)) &&
      typeof p.latitude === 'number' &&
      typeof p.longitude === 'number';
    if (!ok) fail(file, `[${i}] must be {city, state, postalCodes: [5-digit ZIP...], latitude, longitude}`);
    return p as unknown as Place;
  });
}

const isRange = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number') && (v[0] as number) <= (v[1] as number);

/** Checks the extra fields the typed lookups promise, so a bad data file fails at load, not mid-generation. */
function checkExtras(file: string, c: Concept): void {
  const where = `${c.system}|${c.code}`;
  switch (c.system) {
    case SYSTEMS.rxnorm:
      if (typeof c.ndc !== 'string' || typeof c.sig !== 'string' || typeof c.unitsPerDay !== 'number')
        fail(file, `${where} needs ndc, sig and unitsPerDay`);
      break;
    case SYSTEMS.ndc:
      if (
        typeof c.rxnorm !== 'string' ||
        typeof c.packageSize !== 'number' ||
        typeof c.packageUnit !== 'string' ||
        typeof c.brand !== 'boolean' ||
        !isRange(c.unitPriceCents)
      )
        fail(file, `${where} needs rxnorm, packageSize, packageUnit, brand and unitPriceCents [min, max]`);
      break;
    case SYSTEMS.cpt:
    case SYSTEMS.hcpcs:
    case SYSTEMS.cdt:
    case SYSTEMS.cvx:
      if (!isRange(c.priceCents)) fail(file, `${where} needs priceCents [min, max]`);
      if (c.facilityPriceCents !== undefined && !isRange(c.facilityPriceCents))
        fail(file, `${where} has a facilityPriceCents that is not [min, max]`);
      break;
    case SYSTEMS.loinc:
      if (typeof c.category !== 'string') fail(file, `${where} needs a category`);
      break;
    case SYSTEMS.nucc:
      if (c.kind !== 'individual' && c.kind !== 'organization')
        fail(file, `${where} needs kind individual|organization`);
      break;
  }
}

/**
 * Reads every JSON file of a terminology folder (the repository's `resources/terminology`, wherever the host
 * keeps it: the apps pass its path in), checks its shape and returns typed lookups. Read once and pass the
 * result around: it does file I/O.
 */
export function loadTerminology(dir: string): Terminology {
  const byKey = new Map<string, Concept>();
  const bySystem = new Map<string, Concept[]>();
  let places: Place[] | undefined;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const data = readJson(dir, file);
    if (file === 'us-places.json') {
      places = parsePlaces(file, data);
      continue;
    }
    for (const c of parseConcepts(file, data)) {
      const key = `${c.system}|${c.code}`;
      if (byKey.has(key)) fail(file, `duplicate code ${key}`);
      checkExtras(file, c);
      byKey.set(key, c);
      const list = bySystem.get(c.system) ?? [];
      list.push(c);
      bySystem.set(c.system, list);
    }
  }
  if (!places) throw new Error(`terminology: us-places.json is missing from ${dir}`);
  for (const rx of bySystem.get(SYSTEMS.rxnorm) ?? []) {
    if (!byKey.has(`${SYSTEMS.ndc}|${String(rx.ndc)}`))
      throw new Error(`terminology: RxNorm ${rx.code} names NDC ${String(rx.ndc)}, which is not in the NDC list`);
  }

  const concept = (system: string, code: string): Concept => {
    const c = byKey.get(`${system}|${code}`);
    if (!c) throw new Error(`terminology: unknown code ${code} in ${system}`);
    return c;
  };
  return {
    code: (system, code) => {
      const c = concept(system, code);
      return { system: c.system, code: c.code, display: c.display };
    },
    has: (system, code) => byKey.has(`${system}|${code}`),
    concept,
    concepts: (system) => bySystem.get(system) ?? [],
    icd10: (code) => concept(SYSTEMS.icd10cm, code) as unknown as IcdConcept,
    loinc: (code) => concept(SYSTEMS.loinc, code) as unknown as LoincConcept,
    rxnorm: (code) => concept(SYSTEMS.rxnorm, code) as unknown as RxNormConcept,
    ndcFor: (rxnorm) => concept(SYSTEMS.ndc, String(concept(SYSTEMS.rxnorm, rxnorm).ndc)) as unknown as NdcConcept,
    billing: (system, code) => concept(system, code) as unknown as BillingConcept,
    cvx: (code) => concept(SYSTEMS.cvx, code) as unknown as CvxConcept,
    nucc: (code) => concept(SYSTEMS.nucc, code) as unknown as NuccConcept,
    places,
  };
}
