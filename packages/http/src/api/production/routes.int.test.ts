import type { AppRecord } from '@plan-api/portal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKindsApi } from '../../testing/api.ts';
import type { KindsApiHarness } from '../../testing/api.ts';
import { createSchemaCheck } from '../../testing/schema-check.ts';
import type { PreCheck, ProductionStatus } from './port.ts';

const check = createSchemaCheck();
const STATUS: ProductionStatus = {
  state: 'pending',
  requestId: 'req-1',
  version: 2,
  requestedAt: '2026-01-02T00:00:00.000Z',
  published: { approvedAt: '2026-01-01T00:00:00.000Z', version: 1, suspended: false },
};
const record = (owner: string, id: string): AppRecord =>
  ({
    id,
    ownerId: owner,
    name: 'Claims Viewer',
    oauthType: 'secret',
    clientId: 'client-1',
    clientSecret: 's'.repeat(43),
    redirectUris: ['https://apps.example/callback'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    // The portal's AppRecord carries the ProductionStatus on the issue-11 branch: passed through as it is.
    productionRequest: STATUS,
  }) as unknown as AppRecord;
const CHECKS: PreCheck[] = [
  { id: 'name', field: 'name', severity: 'blocking', passed: true, message: 'The app has a name.' },
  { id: 'logo', field: 'logoUrl', severity: 'blocking', passed: false, message: 'Add a logo URL.' },
];
const seen: { method: string; owner: string; id?: string; input?: unknown }[] = [];

let h: KindsApiHarness;
let cookie: string;
let owner: string;
beforeAll(async () => {
  h = await startKindsApi({
    portal: {
      productionChecks: (o, id) => {
        seen.push({ method: 'productionChecks', owner: o, id });
        return Promise.resolve(CHECKS);
      },
      requestProduction: (o, id, input) => {
        seen.push({ method: 'requestProduction', owner: o, id, input });
        return Promise.resolve(record(o, id));
      },
    },
    production: {
      receiveProductionRequest: (o, input) => {
        seen.push({ method: 'receiveProductionRequest', owner: o, input });
        return Promise.resolve(record(o, 'hosted-1'));
      },
    },
  });
  cookie = await h.signedInVendor('ada@wallet.example');
  const session = (await (await fetch(`${h.base}/session`, { headers: { cookie } })).json()) as {
    account: { id: string };
  };
  owner = session.account.id;
});
afterAll(async () => {
  await h.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${h.base}${path}`, {
    method: 'POST',
    headers: { cookie, 'x-requested-with': 'test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe("the vendor's production routes", () => {
  it("GET /apps/{id}/production-checks answers {checks} of the signed-in vendor's app", async () => {
    const res = await fetch(`${h.base}/apps/app-1/production-checks`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(check('ProductionChecks', body)).toEqual([]);
    expect(body).toEqual({ checks: CHECKS });
    expect(seen.at(-1)).toEqual({ method: 'productionChecks', owner, id: 'app-1' });
  });

  it('POST /apps/{id}/production-request passes the body and answers 201 with the app view and its status', async () => {
    const input = {
      attestation: { sellsData: 'no', sharesWithThirdParties: 'no', membersCanDelete: 'yes', followsCarinCode: 'yes' },
      notes: 'Thanks',
    };
    const res = await post('/apps/app-1/production-request', input);
    expect(res.status).toBe(201);
    const app = (await res.json()) as Record<string, unknown>;
    expect(check('App', app)).toEqual([]);
    expect(app.productionRequest).toEqual(STATUS);
    expect(app).not.toHaveProperty('ownerId');
    expect(seen.at(-1)).toEqual({ method: 'requestProduction', owner, id: 'app-1', input });
  });

  it('POST /production-requests answers 201 {app} with the Location of the hosted app', async () => {
    const input = { app: { name: 'Claims Viewer', clientId: 'client-1' }, attestation: {} };
    const res = await post('/production-requests', input);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/apps/hosted-1');
    const body = (await res.json()) as { app: Record<string, unknown> };
    expect(check('ImportedProductionRequestResult', body)).toEqual([]);
    expect(body.app.id).toBe('hosted-1');
    expect(seen.at(-1)).toEqual({ method: 'receiveProductionRequest', owner, input });
  });
});
