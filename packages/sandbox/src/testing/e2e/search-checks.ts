/**
 * Certification-style search checks over HTTP (issue 14), the same for the sandbox realm and the production
 * server: a search by a value exactly as a returned resource stores it finds that resource (and a value one
 * millisecond or one day off does not), and the Plan-Net combination
 * `HealthcareService?specialty=&_has:OrganizationAffiliation:service:network=` answers exactly the services of
 * the specialty that an affiliation in the network offers. Expectations are computed from the resources the
 * server hands out, never from its code. Every request says `Prefer: handling=strict`, so a parameter the server
 * does not understand is a 400 rather than silently ignored.
 */
import type { Bundle, ExplanationOfBenefit, HealthcareService, OrganizationAffiliation, Resource } from 'fhir/r4';
import { expect } from 'vitest';

/**
 * Runs `Type?query` against one FHIR base and resolves the matches (never the included resources); `selfOf`
 * resolves the `Bundle.link[self]` URL of a search instead.
 */
export interface SearchGet {
  <T extends Resource = Resource>(query: string): Promise<T[]>;
  selfOf(query: string): Promise<URL>;
}

/** A SearchGet over `base`, with a bearer token when given; a search must fit one page (no `next` link). */
export function searchGet(base: string, accessToken?: string): SearchGet {
  const bundleOf = async (query: string): Promise<Bundle> => {
    const res = await fetch(`${base}/${query}`, {
      headers: {
        accept: 'application/fhir+json',
        prefer: 'handling=strict',
        ...(accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` }),
      },
    });
    const text = await res.text();
    expect(res.status, `${query}: ${text.slice(0, 400)}`).toBe(200);
    const bundle = JSON.parse(text) as Bundle;
    expect(
      bundle.link?.find((l) => l.relation === 'next'),
      `${query} fits one page`,
    ).toBeUndefined();
    return bundle;
  };
  const matches = async <T extends Resource>(query: string): Promise<T[]> =>
    ((await bundleOf(query)).entry ?? []).filter((e) => e.search?.mode !== 'include').map((e) => e.resource as T);
  return Object.assign(matches, {
    selfOf: async (query: string) =>
      new URL((await bundleOf(query)).link?.find((l) => l.relation === 'self')?.url ?? ''),
  });
}

const idsOf = (resources: readonly Resource[]): string[] => resources.map((r) => r.id ?? '').sort();

/** An instant `ms` milliseconds after (or before) a stored one, in UTC at millisecond precision. */
const shifted = (instant: string, ms: number): string => new Date(Date.parse(instant) + ms).toISOString();

/**
 * `_lastUpdated=<meta.lastUpdated as stored>` finds the resource, also written with `+00:00` (encoded or not)
 * or at second precision; one millisecond either side does not.
 */
export async function checkLastUpdatedAsStored(search: SearchGet, resource: Resource): Promise<void> {
  const type = resource.resourceType;
  const stored = resource.meta?.lastUpdated ?? '';
  expect(stored, `${type}/${resource.id ?? ''} has meta.lastUpdated`).not.toBe('');
  const byId = (value: string) => search(`${type}?_id=${resource.id ?? ''}&_lastUpdated=${value}`);
  const utc = stored.replace(/Z$/, '');
  for (const value of [stored, encodeURIComponent(stored), encodeURIComponent(`${utc}+00:00`), `${utc}+00:00`]) {
    expect(idsOf(await byId(value)), `_lastUpdated=${value}`).toEqual([resource.id]);
  }
  // The self link shows the value as meant: the + of the zone, not the space it arrived as.
  const self = await search.selfOf(`${type}?_id=${resource.id ?? ''}&_lastUpdated=${utc}+00:00`);
  expect(self.searchParams.get('_lastUpdated')).toBe(`${utc}+00:00`);
  expect(idsOf(await byId(`${stored.slice(0, 19)}Z`)), 'the stored second').toEqual([resource.id]);
  expect(await byId(shifted(stored, 1)), 'a millisecond later').toEqual([]);
  expect(await byId(shifted(stored, -1)), 'a millisecond earlier').toEqual([]);
  // Without _id: every match has exactly that meta.lastUpdated, and the resource is one of them.
  const alone = await search(`${type}?_lastUpdated=${encodeURIComponent(stored)}&_count=500`);
  expect(idsOf(alone)).toContain(resource.id);
  expect(alone.filter((r) => r.meta?.lastUpdated !== stored).map((r) => r.id)).toEqual([]);
}

/**
 * On a Provider Directory base: `_lastUpdated` as stored finds a HealthcareService, and for every network the
 * combination search answers exactly the services of a specialty that the network's affiliations offer.
 */
export async function checkDirectorySearches(search: SearchGet): Promise<void> {
  const networks = await search('Organization?type=ntwk&_count=500');
  expect(networks.length, 'the directory has networks').toBeGreaterThan(0);
  let answered = 0;
  for (const network of networks) {
    const affiliations = await search<OrganizationAffiliation>(
      `OrganizationAffiliation?network=Organization/${network.id ?? ''}&_count=500`,
    );
    const inNetwork = new Set(
      affiliations.flatMap((a) =>
        (a.healthcareService ?? []).map((s) => s.reference?.replace(/^HealthcareService\//, '')),
      ),
    );
    const [sample] = [...inNetwork];
    if (sample === undefined) continue;
    const [service] = await search<HealthcareService>(`HealthcareService?_id=${sample}`);
    if (answered === 0) await checkLastUpdatedAsStored(search, service!);
    const coding = service?.specialty?.[0]?.coding?.[0];
    expect(coding?.code, `HealthcareService/${sample} has a specialty`).toBeDefined();
    const specialty = encodeURIComponent(`${coding?.system ?? ''}|${coding?.code ?? ''}`);
    const offering = await search(`HealthcareService?specialty=${specialty}&_count=500`);
    const expected = offering.filter((s) => inNetwork.has(s.id)).map((s) => s.id ?? '');
    const actual = await search(
      `HealthcareService?specialty=${specialty}&_has:OrganizationAffiliation:service:network=Organization/${network.id ?? ''}&_count=500`,
    );
    expect(idsOf(actual), `${coding?.code ?? ''} in ${network.id ?? ''}`).toEqual(expected.sort());
    expect(actual.length).toBeGreaterThan(0);
    answered++;
  }
  expect(answered, 'some network has affiliations that offer services').toBeGreaterThan(0);
}

/** The values an EOB's billable-period-start and service-start-date index, as the EOB stores them. */
function startDates(eob: ExplanationOfBenefit): { billable: string[]; service: string[] } {
  const billable = eob.billablePeriod?.start === undefined ? [] : [eob.billablePeriod.start];
  const items = (eob.item ?? []).flatMap((i) => [i.servicedDate, i.servicedPeriod?.start]);
  return { billable, service: [...billable, ...items.filter((d): d is string => d !== undefined)] };
}

/** The day after a `YYYY-MM-DD...` value (a day no EOB need have). */
const nextDay = (value: string): string => shifted(`${value.slice(0, 10)}T00:00:00Z`, 86_400_000).slice(0, 10);

/**
 * On a Patient Access base with a member's token: `billable-period-start` and `service-start-date` given
 * exactly as one of the member's EOBs stores them find exactly the EOBs storing that value (and the next day's
 * value those storing it), and `_lastUpdated` as stored finds the EOB.
 */
export async function checkEobSearches(search: SearchGet, patientId: string): Promise<void> {
  const eobs = await search<ExplanationOfBenefit>(`ExplanationOfBenefit?patient=${patientId}&_count=500`);
  expect(eobs.length, 'the member has EOBs').toBeGreaterThan(0);
  for (const param of ['billable-period-start', 'service-start-date'] as const) {
    const valuesOf = (eob: ExplanationOfBenefit) =>
      startDates(eob)[param === 'billable-period-start' ? 'billable' : 'service'];
    const stored = [...new Set(eobs.flatMap(valuesOf))].slice(0, 4);
    expect(stored.length, `the EOBs store ${param} values`).toBeGreaterThan(0);
    for (const value of [...stored, ...stored.map(nextDay)]) {
      const expected = idsOf(eobs.filter((e) => valuesOf(e).includes(value)));
      const actual = await search(
        `ExplanationOfBenefit?patient=${patientId}&${param}=${encodeURIComponent(value)}&_count=500`,
      );
      expect(idsOf(actual), `${param}=${value}`).toEqual(expected);
    }
  }
  await checkLastUpdatedAsStored(search, eobs[0]!);
}
