import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage, ExplanationOfBenefit, HealthcareService, Observation } from 'fhir/r4';
import type { FhirStore } from '../port.ts';
import { CARIN_BB_CASES } from './cases-carin-bb.ts';
import { PLAN_NET_COMMON_CASES, PLAN_NET_ORGANIZATION_CASES } from './cases-plan-net-org.ts';
import { PLAN_NET_PROVIDER_CASES } from './cases-plan-net-provider.ts';
import { US_CORE_CASES } from './cases-us-core.ts';
import type { SearchCase } from './cases.ts';
import { contractFixtures } from './fixtures/index.ts';
import { body, keys, matchIds, search, tick } from './helpers.ts';

const A_OBS = ['obs-a-a1c', 'obs-a-bp', 'obs-a-glu', 'obs-a-hr', 'obs-a-resp', 'obs-a-smoke', 'obs-a-temp'];

/** A minimal Observation of a patient (outside the fixtures), for writes whose time a test searches by. */
function observationOf(patientId: string): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { text: patientId },
    subject: { reference: `Patient/${patientId}` },
  };
}

/** Search semantics over the fixture set: every case table, paging, totals and _lastUpdated. */
export function describeSearch(makeStore: () => Promise<FhirStore>): void {
  describe('search', () => {
    let store: FhirStore;
    beforeAll(async () => {
      store = await makeStore();
      const fixtures = contractFixtures();
      expect(await store.bulkLoad(fixtures)).toBe(fixtures.length);
    });
    afterAll(async () => {
      await store.close();
    });

    const runCases = (title: string, cases: readonly SearchCase[]): void => {
      describe(title, () => {
        for (const c of cases) {
          it(`${c.what}: ${c.url}`, async () => {
            const result = await search(store, c.url);
            expect(result.matches.map((m) => m.id)).toEqual(c.ids);
            expect(result.matches.every((m) => m.resourceType === c.url.split('?')[0])).toBe(true);
            expect(keys(result.included)).toEqual([...(c.included ?? [])].sort());
          });
        }
      });
    };
    runCases('US Core', US_CORE_CASES);
    runCases('CARIN BB', CARIN_BB_CASES);
    runCases('Plan-Net organizations', PLAN_NET_ORGANIZATION_CASES);
    runCases('Plan-Net providers', PLAN_NET_PROVIDER_CASES);
    runCases('Plan-Net _id and _lastUpdated', PLAN_NET_COMMON_CASES);

    it('_count pages through the matches in a stable order and hasMore says when a page follows', async () => {
      const pages = [];
      for (const offset of [0, 3, 6])
        pages.push(await search(store, `Observation?patient=pat-a&_count=3&_offset=${offset}`));
      expect(pages.map((p) => p.matches.map((m) => m.id))).toEqual([
        A_OBS.slice(0, 3),
        A_OBS.slice(3, 6),
        A_OBS.slice(6),
      ]);
      expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
      const sorted = await search(store, 'Observation?patient=pat-a&_sort=-date&_count=2&_offset=2');
      expect(sorted.matches.map((m) => m.id)).toEqual(['obs-a-hr', 'obs-a-glu']);
      expect(sorted.hasMore).toBe(true);
    });

    it('_total=accurate counts every match even when the page is smaller', async () => {
      const result = await search(store, 'Observation?patient=pat-a&_count=2&_total=accurate');
      expect(result.total).toBe(7);
      expect(result.matches.length).toBe(2);
    });

    it('a search whose matches fit in the page reports its total', async () => {
      expect((await search(store, 'Observation?patient=pat-a&category=vital-signs')).total).toBe(4);
      expect((await search(store, 'Observation?patient=nobody')).total).toBe(0);
    });

    it('_summary=count returns the total and no resources', async () => {
      const result = await search(store, 'Observation?patient=pat-a&_summary=count');
      expect(result.total).toBe(7);
      expect(result.matches).toEqual([]);
      expect(result.included).toEqual([]);
      expect(result.hasMore).toBe(false);
    });

    it('_count=0 returns no matches but says whether there are some', async () => {
      const result = await search(store, 'Observation?patient=pat-a&_count=0');
      expect(result.matches).toEqual([]);
      expect(result.hasMore).toBe(true);
    });

    it('included resources are not repeated and never duplicate a match', async () => {
      const result = await search(
        store,
        'Organization?_id=org-clinic,org-hosp&_include=Organization:partof&_revinclude=PractitionerRole:organization',
      );
      expect(result.matches.map((m) => m.id)).toEqual(['org-clinic', 'org-hosp']);
      expect(keys(result.included)).toEqual([
        'PractitionerRole/role-1',
        'PractitionerRole/role-2',
        'PractitionerRole/role-3',
        'PractitionerRole/role-5',
      ]);
    });

    it('matches carry the stored JSON with id and meta set', async () => {
      const [match] = (await search(store, 'Observation?_id=obs-a-hr')).matches;
      const obs = body<Observation>(match!);
      expect(obs.id).toBe('obs-a-hr');
      expect(obs.meta?.versionId).toBe('1');
      expect(obs.meta?.lastUpdated).toBe(match!.lastUpdated);
    });

    it('every EOB is complete and its insurer is the payor of its focal Coverage', async () => {
      const eobs = (await search(store, 'ExplanationOfBenefit?_include=ExplanationOfBenefit:coverage')).matches.map(
        (m) => body<ExplanationOfBenefit>(m),
      );
      expect(eobs.length).toBe(5);
      for (const eob of eobs) {
        expect(eob.outcome).toBe('complete');
        const coverageId = eob.insurance?.find((i) => i.focal)?.coverage.reference?.split('/')[1] ?? '';
        const coverage = body<Coverage>(await store.read('Coverage', coverageId));
        expect(coverage.payor.map((p) => p.reference)).toContain(eob.insurer?.reference);
      }
    });

    it('_lastUpdated selects by the time the store wrote the version', async () => {
      const lu = observationOf('pat-lu');
      const first = await store.create(lu);
      await tick();
      const second = await store.create(lu);
      const at = encodeURIComponent(first.resource.lastUpdated);
      expect(await matchIds(store, `Observation?patient=pat-lu&_lastUpdated=gt${at}`)).toEqual([second.resource.id]);
      expect(await matchIds(store, `Observation?patient=pat-lu&_lastUpdated=le${at}`)).toEqual([first.resource.id]);
      expect(await matchIds(store, `Observation?patient=pat-a&_lastUpdated=gt${at}`)).toEqual([]);
      expect(await matchIds(store, `Observation?patient=pat-a&_lastUpdated=lt${at}`)).toEqual(A_OBS);
    });

    it('_lastUpdated without a prefix finds a resource by its meta.lastUpdated exactly as stored', async () => {
      const { resource } = await store.create(observationOf('pat-exact'));
      const stored = body<Observation>(resource).meta?.lastUpdated ?? '';
      expect(stored).toBe(resource.lastUpdated);
      const ms = Date.parse(stored);
      const found = (value: string) => matchIds(store, `Observation?patient=pat-exact&_lastUpdated=${value}`);
      expect(await found(stored)).toEqual([resource.id]);
      expect(await found(encodeURIComponent(stored))).toEqual([resource.id]);
      // The same instant written with a zone offset: encoded, unencoded (the + arrives as a space), behind UTC.
      const utc = stored.replace(/Z$/, '');
      expect(await found(encodeURIComponent(`${utc}+00:00`))).toEqual([resource.id]);
      expect(await found(`${utc}+00:00`)).toEqual([resource.id]);
      const behind = new Date(ms - 5 * 3_600_000).toISOString().replace(/Z$/, '-05:00');
      expect(await found(encodeURIComponent(behind))).toEqual([resource.id]);
      // Coarser precision: the second holds the stored millisecond; the next millisecond does not.
      expect(await found(`${stored.slice(0, 19)}Z`)).toEqual([resource.id]);
      expect(await found(new Date(ms + 1).toISOString())).toEqual([]);
      expect(await found(new Date(ms - 1).toISOString())).toEqual([]);
      // Alone (no other criterion), every match has exactly that meta.lastUpdated.
      const alone = (await search(store, `Observation?_lastUpdated=${stored}`)).matches;
      expect(alone.map((m) => m.id)).toContain(resource.id);
      expect(alone.every((m) => body<Observation>(m).meta?.lastUpdated === stored)).toBe(true);
    });

    it('_lastUpdated as stored finds bulk-loaded directory resources, also combined with _has', async () => {
      const services = (await search(store, 'HealthcareService')).matches;
      const pharmacy = services.find((m) => m.id === 'hs-pharm');
      const stored = body<HealthcareService>(pharmacy!).meta?.lastUpdated ?? '';
      const sameTime = services.filter((m) => m.lastUpdated === stored).map((m) => m.id);
      expect(await matchIds(store, `HealthcareService?_lastUpdated=${stored}`)).toEqual(sameTime);
      const combined = `HealthcareService?_lastUpdated=${stored}&specialty=3336C0003X&_has:OrganizationAffiliation:service:network=net-silver`;
      expect(await matchIds(store, combined)).toEqual(['hs-pharm']);
      const later = new Date(Date.parse(stored) + 1).toISOString();
      expect(await matchIds(store, `HealthcareService?_lastUpdated=${later}&specialty=3336C0003X`)).toEqual([]);
    });
  });
}
