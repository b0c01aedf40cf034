import type { Bundle } from 'fhir/r4';
import { PortalError } from '@plan-api/portal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKindsApi } from '../../testing/api.ts';
import type { KindsApiHarness } from '../../testing/api.ts';
import { createSchemaCheck } from '../../testing/schema-check.ts';
import { accountSchemas } from '../accounts/openapi.ts';
import { REGISTRATION_SENT } from '../accounts/routes.ts';
import type { ReviewApi } from '../review/port.ts';
import { memberSchemas } from './openapi.ts';
import type {
  AccessHistoryEntry,
  AccessHistoryPage,
  AccessHistoryQuery,
  ConnectedApp,
  GalleryApp,
  GalleryQuery,
  MemberApi,
  MemberIdentity,
} from './port.ts';

const check = createSchemaCheck({ ...accountSchemas, ...memberSchemas });

const PRIVACY: GalleryApp['privacy'] = [
  { key: 'sellsData', question: 'Does the app sell data?', answer: 'no', plain: 'This app does not sell your data.' },
];
const galleryApp = (clientId: string, name: string): GalleryApp => ({
  clientId,
  name,
  organizationName: 'Acme Health Apps',
  logoUrl: 'https://apps.example/logo.png',
  launchUrl: 'https://apps.example/launch',
  approvedAt: '2026-01-05T00:00:00.000Z',
  privacy: PRIVACY,
});

type Call =
  | { method: 'listGallery'; query: GalleryQuery }
  | { method: 'listAccessHistory'; member: MemberIdentity; query: AccessHistoryQuery }
  | { method: 'member'; name: string; member: MemberIdentity };

/**
 * A small in-memory member portal (the real one is the portal package's): grants and history keyed by patientId,
 * so a route that passed the wrong member would show another member's data.
 */
function memoryMembers(): MemberApi & { calls: Call[] } {
  const calls: Call[] = [];
  const gallery = [galleryApp('claims-viewer', 'Claims Viewer'), galleryApp('pill-planner', 'Pill Planner')];
  const grants = new Map<string, ConnectedApp & { patientId: string }>();
  const grant = (grantId: string, patientId: string, clientId: string, name: string): void => {
    grants.set(grantId, {
      grantId,
      patientId,
      clientId,
      name,
      grantedAt: '2026-02-01T00:00:00.000Z',
      dataTypes: ['Coverage', 'ExplanationOfBenefit'],
      scopes: ['patient/Coverage.rs', 'patient/ExplanationOfBenefit.rs'],
      suspended: false,
    });
  };
  grant('g-mia', 'pat-mia', 'claims-viewer', 'Claims Viewer');
  grant('g-noah', 'pat-noah', 'pill-planner', 'Pill Planner');
  const history: (AccessHistoryEntry & { patientId: string })[] = Array.from({ length: 5 }, (_, i) => ({
    id: `h${i}`,
    patientId: i < 4 ? 'pat-mia' : 'pat-noah',
    at: `2026-02-0${i + 2}T00:00:00.000Z`,
    clientId: i < 4 ? 'claims-viewer' : 'pill-planner',
    appName: i < 4 ? 'Claims Viewer' : 'Pill Planner',
    method: 'GET',
    resourceType: 'ExplanationOfBenefit',
    request: 'GET /ExplanationOfBenefit?patient=…',
    status: 200,
    count: i,
  }));
  const strip = <T extends { patientId: string }>({ patientId: _p, ...rest }: T) => rest;
  return {
    calls,
    listGallery: (query) => {
      calls.push({ method: 'listGallery', query });
      const q = query.q?.toLowerCase();
      return Promise.resolve(gallery.filter((app) => q === undefined || app.name.toLowerCase().includes(q)));
    },
    getGalleryApp: (clientId) =>
      Promise.resolve().then(() => {
        const found = gallery.find((app) => app.clientId === clientId);
        if (!found) throw new PortalError('not_found', `No app "${clientId}" is in the gallery.`);
        return found;
      }),
    listConnectedApps: (member) => {
      calls.push({ method: 'member', name: 'listConnectedApps', member });
      return Promise.resolve([...grants.values()].filter((g) => g.patientId === member.patientId).map(strip));
    },
    revokeConnectedApp: (member, grantId) =>
      Promise.resolve().then(() => {
        calls.push({ method: 'member', name: 'revokeConnectedApp', member });
        if (grants.get(grantId)?.patientId !== member.patientId) {
          throw new PortalError('not_found', 'You have no connected app with that id.');
        }
        grants.delete(grantId);
      }),
    listAccessHistory: (member, query) => {
      calls.push({ method: 'listAccessHistory', member, query });
      const mine = history
        .filter((h) => h.patientId === member.patientId)
        .filter((h) => query.clientId === undefined || h.clientId === query.clientId)
        .reverse();
      const start = query.cursor === undefined ? 0 : Number(query.cursor);
      const limit = query.limit ?? 25;
      const page: AccessHistoryPage = { entries: mine.slice(start, start + limit).map(strip) };
      if (start + limit < mine.length) page.next = String(start + limit);
      return Promise.resolve(page);
    },
    getMyData: (member) => {
      calls.push({ method: 'member', name: 'getMyData', member });
      const bundle: Bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: { resourceType: 'Patient', id: member.patientId } }],
      };
      return Promise.resolve(bundle);
    },
  };
}

const review: ReviewApi = {
  listRequests: () => Promise.resolve([]),
  getRequest: () => Promise.reject(new Error('not used')),
  approve: () => Promise.reject(new Error('not used')),
  reject: () => Promise.reject(new Error('not used')),
  listPublished: () => Promise.resolve([]),
  suspend: () => Promise.reject(new Error('not used')),
  reinstate: () => Promise.reject(new Error('not used')),
};

/** Registration as the spec has it: the same outcome whatever matched; 3 per address and window, then 429. */
const registrations: { input: unknown; ip: string }[] = [];
const registerMember = (input: unknown, context: { ip: string }): Promise<void> =>
  Promise.resolve().then(() => {
    const email = (input as { email?: unknown } | null)?.email;
    if (typeof email !== 'string' || !email.includes('@')) {
      throw new PortalError('validation_failed', 'Nobody was registered.', { email: 'Enter an email address.' });
    }
    if (registrations.filter((r) => r.ip === context.ip).length >= 3) {
      throw new PortalError(
        'rate_limited',
        'Too many registrations; try again later.',
        {},
        { retryAfterSeconds: 61.2 },
      );
    }
    registrations.push({ input, ip: context.ip });
  });

const members = memoryMembers();
let h: KindsApiHarness;
let mia: string;
let noah: string;
let vendor: string;
let reviewer: string;
let miaId: string;
beforeAll(async () => {
  h = await startKindsApi({ members, review, registerMember, portal: { listApps: () => Promise.resolve([]) } });
  mia = await h.signedInMember('mia@example.org', 'pat-mia');
  noah = await h.signedInMember('noah@example.org', 'pat-noah');
  vendor = await h.signedInVendor('ada@wallet.example');
  reviewer = await h.signedInReviewer('rae@plan.example');
  const session = (await (await get('/account/session', mia)).json()) as { account: { id: string } };
  miaId = session.account.id;
});
afterAll(async () => {
  await h.close();
});

function get(path: string, cookie?: string): Promise<Response> {
  return fetch(`${h.base}${path}`, { headers: cookie === undefined ? {} : { cookie } });
}
const del = (path: string, cookie: string, headers: Record<string, string> = { 'x-requested-with': 'test' }) =>
  fetch(`${h.base}${path}`, { method: 'DELETE', headers: { cookie, ...headers } });
const register = (body: unknown, headers: Record<string, string> = { 'x-requested-with': 'test' }) =>
  fetch(`${h.base}/account/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the gallery (public)', () => {
  it('lists apps as {apps} to anyone, passing q to the portal', async () => {
    const res = await get('/gallery');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { apps: GalleryApp[] };
    expect(check('GalleryAppList', body)).toEqual([]);
    expect(body.apps.map((a) => a.clientId)).toEqual(['claims-viewer', 'pill-planner']);
    expect(members.calls.at(-1)).toEqual({ method: 'listGallery', query: {} });
    const found = (await (await get('/gallery?q=pill')).json()) as { apps: GalleryApp[] };
    expect(found.apps.map((a) => a.name)).toEqual(['Pill Planner']);
    expect(members.calls.at(-1)).toEqual({ method: 'listGallery', query: { q: 'pill' } });
    expect((await get('/gallery?q=a&q=b')).status).toBe(400);
  });

  it('reads one app with its privacy attestation; 404 for an app not in the gallery', async () => {
    const res = await get('/gallery/claims-viewer');
    expect(res.status).toBe(200);
    const app = (await res.json()) as GalleryApp;
    expect(check('GalleryApp', app)).toEqual([]);
    expect(app.privacy[0]).toMatchObject({ key: 'sellsData', answer: 'no' });
    const missing = await get('/gallery/suspended-app');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('the member routes', () => {
  it("lists only the signed-in member's connected apps, as that member (account and patient)", async () => {
    const res = await get('/account/connected-apps', mia);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { apps: ConnectedApp[] };
    expect(check('ConnectedAppList', body)).toEqual([]);
    expect(body.apps.map((a) => a.grantId)).toEqual(['g-mia']);
    expect(members.calls.at(-1)).toEqual({
      method: 'member',
      name: 'listConnectedApps',
      member: { accountId: miaId, patientId: 'pat-mia' },
    });
    const other = (await (await get('/account/connected-apps', noah)).json()) as { apps: ConnectedApp[] };
    expect(other.apps.map((a) => a.grantId)).toEqual(['g-noah']);
  });

  it("pages the member's access history, passing clientId, cursor and limit; refuses a bad limit", async () => {
    const first = await get('/account/access-history?limit=3', mia);
    expect(first.status).toBe(200);
    const page = (await first.json()) as AccessHistoryPage;
    expect(check('AccessHistoryPage', page)).toEqual([]);
    expect(page.entries.map((e) => e.id)).toEqual(['h3', 'h2', 'h1']);
    expect(page.next).toBe('3');
    const second = (await (
      await get(`/account/access-history?clientId=claims-viewer&cursor=${page.next}&limit=3`, mia)
    ).json()) as AccessHistoryPage;
    expect(second).toEqual({ entries: [expect.objectContaining({ id: 'h0' })] });
    expect(members.calls.at(-1)).toMatchObject({
      method: 'listAccessHistory',
      member: { patientId: 'pat-mia' },
      query: { clientId: 'claims-viewer', cursor: '3', limit: 3 },
    });
    const noahs = (await (await get('/account/access-history', noah)).json()) as AccessHistoryPage;
    expect(noahs.entries.map((e) => e.id)).toEqual(['h4']);
    for (const limit of ['0', '101', 'ten', '2.5']) {
      const bad = await get(`/account/access-history?limit=${limit}`, mia);
      expect(bad.status, limit).toBe(400);
      expect(await bad.json()).toMatchObject({
        error: 'invalid_query',
        fields: { limit: expect.any(String) as string },
      });
    }
  });

  it("answers My Data as the member's FHIR Bundle", async () => {
    const res = await get('/account/my-data', noah);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bundle = (await res.json()) as Bundle;
    expect(check('Bundle', bundle)).toEqual([]);
    expect(bundle.entry?.[0]?.resource).toEqual({ resourceType: 'Patient', id: 'pat-noah' });
  });

  it("revokes the member's own grant (204) and never another member's (404)", async () => {
    const others = await del('/account/connected-apps/g-noah', mia);
    expect(others.status).toBe(404);
    expect(await others.json()).toMatchObject({ error: 'not_found' });
    expect((await del('/account/connected-apps/g-mia', mia, {})).status).toBe(403);
    const mine = await del('/account/connected-apps/g-mia', mia);
    expect(mine.status).toBe(204);
    expect(((await (await get('/account/connected-apps', mia)).json()) as { apps: unknown[] }).apps).toEqual([]);
    expect(((await (await get('/account/connected-apps', noah)).json()) as { apps: unknown[] }).apps).toHaveLength(1);
  });
});

describe('kinds on the member routes', () => {
  const memberPaths = ['/account/connected-apps', '/account/access-history', '/account/my-data', '/account/session'];

  it('refuses no session, a vendor session and a reviewer session (401) on every member route', async () => {
    for (const path of memberPaths) {
      for (const cookie of [undefined, vendor, reviewer, `${vendor}; ${reviewer}`]) {
        const res = await get(path, cookie);
        expect(res.status, `${path} ${cookie ?? 'none'}`).toBe(401);
        expect(await res.json()).toMatchObject({ error: 'unauthorized' });
      }
    }
    expect((await del('/account/connected-apps/g-noah', vendor)).status).toBe(401);
  });

  it("refuses a member's session on vendor and reviewer routes, and a vendor's API key on member routes", async () => {
    for (const path of ['/apps', '/session', '/vendor', '/review/requests', '/review/session']) {
      expect((await get(path, mia)).status, path).toBe(401);
    }
    const key = await h.apiKey(vendor);
    const res = await fetch(`${h.base}/account/connected-apps`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(401);
  });

  it("refuses another kind's session cookie renamed to the member cookie (the account's kind is checked)", async () => {
    const vendorId = ((await (await get('/session', vendor)).json()) as { account: { id: string } }).account.id;
    const forged = (await h.sessions.member.create(vendorId)).split(';')[0] ?? '';
    expect((await get('/account/connected-apps', forged)).status).toBe(401);
  });
});

describe('member registration', () => {
  it('answers 202 with the same message whatever the input matches', async () => {
    const answers = [];
    for (const body of [
      { memberId: 'M-100', birthDate: '1980-04-02', email: 'new@example.org' },
      { memberId: 'NOPE', birthDate: '1999-01-01', email: 'new@example.org' },
      { memberId: 'M-101', birthDate: '1970-01-01', email: 'mia@example.org' },
    ]) {
      const res = await register(body);
      expect(res.status).toBe(202);
      expect(res.headers.get('set-cookie')).toBeNull();
      answers.push(await res.json());
    }
    expect(answers).toEqual([
      { message: REGISTRATION_SENT },
      { message: REGISTRATION_SENT },
      { message: REGISTRATION_SENT },
    ]);
    expect(check('Message', answers[0])).toEqual([]);
    expect(registrations[0]?.input).toEqual({ memberId: 'M-100', birthDate: '1980-04-02', email: 'new@example.org' });
  });

  it('answers field errors with 400 and a rate limit with 429 and Retry-After', async () => {
    const bad = await register({ memberId: 'M-100', birthDate: '1980-04-02', email: 'nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: 'validation_failed',
      fields: { email: 'Enter an email address.' },
    });
    const limited = await register({ memberId: 'M-100', birthDate: '1980-04-02', email: 'new@example.org' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('62');
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('refuses a post from another site or without X-Requested-With (403), before the portal', async () => {
    const before = registrations.length;
    const body = { memberId: 'M-100', birthDate: '1980-04-02', email: 'x@example.org' };
    const crossSite = await register(body, { 'x-requested-with': 'test', origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: 'csrf_failed' });
    expect((await register(body, {})).status).toBe(403);
    expect(registrations.length).toBe(before);
  });

  it('is not offered without the portal use case (404)', async () => {
    const plain = await startKindsApi({ registerMember: null });
    try {
      const res = await fetch(`${plain.base}/account/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'test' },
        body: JSON.stringify({ memberId: 'M-100', birthDate: '1980-04-02', email: 'x@example.org' }),
      });
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
