/**
 * Test support for the FHIR API integration tests: a fixture set and a server on a free port over a
 * real memory store. Not part of the package's exports.
 */
import type { FhirResource, Observation } from 'fhir/r4';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createMemoryStore } from '@plan-api/store';
import type { FhirStore } from '@plan-api/store';
import { createFhirApp } from '../app.ts';
import type { FhirAppOptions } from '../app.ts';

export const LOINC = 'http://loinc.org';
export const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const MEMBER_ID = 'urn:example:member-id';

function observation(id: string, patient: string, day: number, code: string): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: OBS_CATEGORY, code: 'vital-signs' }] }],
    code: { coding: [{ system: LOINC, code }] },
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: `2024-01-${String(day).padStart(2, '0')}`,
    valueQuantity: { value: 60 + day, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
  };
}

/** Two members with observations and a small provider directory (for includes). */
export function fixtures(): FhirResource[] {
  const resources: FhirResource[] = [
    {
      resourceType: 'Patient',
      id: 'pat1',
      identifier: [{ system: MEMBER_ID, value: 'm-1' }],
      name: [{ family: 'Smith', given: ['Ann'] }],
      birthDate: '1970-02-03',
      communication: [{ language: { text: 'English' } }],
    },
    {
      resourceType: 'Patient',
      id: 'pat2',
      identifier: [{ system: MEMBER_ID, value: 'm-2' }],
      name: [{ family: 'Jones', given: ['Bob'] }],
      birthDate: '1980-04-05',
    },
    { resourceType: 'Organization', id: 'org0', name: 'Parent Health System', active: true },
    {
      resourceType: 'Organization',
      id: 'org1',
      name: 'Clinic',
      active: true,
      partOf: { reference: 'Organization/org0' },
    },
    { resourceType: 'Practitioner', id: 'prac1', name: [{ family: 'House', given: ['Greg'] }] },
    { resourceType: 'Location', id: 'loc1', name: 'Main St', managingOrganization: { reference: 'Organization/org1' } },
    {
      resourceType: 'PractitionerRole',
      id: 'role1',
      active: true,
      practitioner: { reference: 'Practitioner/prac1' },
      organization: { reference: 'Organization/org1' },
      location: [{ reference: 'Location/loc1' }],
    },
  ];
  // Ten heart rates for pat1 (one a day), two for pat2.
  for (let day = 1; day <= 10; day++) resources.push(observation(`hr${day}`, 'pat1', day, '8867-4'));
  resources.push(observation('hr-b1', 'pat2', 1, '8867-4'), observation('bp-b1', 'pat2', 2, '85354-9'));
  return resources;
}

export interface TestServer {
  url: string;
  store: FhirStore;
  stop(): Promise<void>;
}

/** Starts a FHIR app over a memory store loaded with the fixtures, on 127.0.0.1 and a free port. */
export async function startTestServer(options: Partial<FhirAppOptions> = {}): Promise<TestServer> {
  const registry = options.registry ?? createDefaultRegistry();
  const store = options.store ?? createMemoryStore({ registry });
  await store.bulkLoad(fixtures());
  const app = createFhirApp({ ...options, store, registry });
  const url = await app.start(0);
  return {
    url,
    store,
    async stop() {
      await app.stop();
      await store.close();
    },
  };
}

/** Parsed response JSON: tests walk arbitrary FHIR structures and let assertions do the checking. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface FhirResponse {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

/** fetch with the body read as text and, when it is JSON, parsed. */
export async function fhirFetch(url: string, init: RequestInit = {}): Promise<FhirResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = undefined;
  if (text.length > 0 && /json/.test(res.headers.get('content-type') ?? '')) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, body };
}

/** A JSON write request. */
export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/fhir+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** The ids of a Bundle's entries with the given search mode. */
export function entryIds(bundle: Json, mode?: string): string[] {
  const entries: Json[] = bundle.entry ?? [];
  return entries
    .filter((e) => mode === undefined || e.search?.mode === mode)
    .map((e) => `${e.resource.resourceType}/${e.resource.id}`);
}

/** The url of a Bundle link. */
export function linkUrl(bundle: Json, relation: string): string | undefined {
  return (bundle.link ?? []).find((l: Json) => l.relation === relation)?.url;
}

/** A Bundle without what differs between two answers to the same search (its id and meta.lastUpdated). */
export function sameSearch(bundle: Json): Json {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, meta, ...rest } = bundle;
  return rest;
}
