import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import type { OutboxReader } from '@plan-api/mail';
import type { Sessions } from '../session/sessions.ts';
import { accountRouteSet } from './accounts/index.ts';
import type { AccountsApi } from './accounts/port.ts';
import { openApiDocument, SANDBOX_API } from './openapi.ts';
import type { OpenApiDocument } from './openapi.ts';
import { memberRouteSet } from './members/index.ts';
import type { MemberApi } from './members/port.ts';
import type { ManagementPortal } from './ports.ts';
import type { ProductionRequestsPortal } from './production/port.ts';
import { reviewRouteSet } from './review/index.ts';
import type { ReviewApi } from './review/port.ts';
import { managementRouteSet, productionRequestRouteSet, routesOf } from './router.ts';
import type { ApiRouteSet } from './router.ts';

// The handlers are never called here: only the route table is read.
const sandbox = managementRouteSet({} as ManagementPortal, {} as OutboxReader);
const document = openApiDocument('http://127.0.0.1:4010/api', SANDBOX_API, sandbox.operations, sandbox.schemas ?? {});

/** The document createApi serves for these sets. */
function documentOf(sets: ApiRouteSet[]): OpenApiDocument {
  return openApiDocument(
    'https://plan.example/api',
    SANDBOX_API,
    Object.assign({}, ...sets.map((set) => set.operations)) as OpenApiDocument['paths'],
    Object.assign({}, ...sets.map((set) => set.schemas ?? {})) as Record<string, never>,
    Object.assign({}, ...sets.map((set) => set.securitySchemes ?? {})) as Record<string, never>,
  );
}

const accounts = {} as AccountsApi;
const sessionsNamed = (cookieName: string) => ({ cookieName }) as Sessions;
const serverSets: ApiRouteSet[] = [
  accountRouteSet({ accounts, sessions: sessionsNamed('plan_api_vendor'), kind: 'vendor', publicOrigin: 'x' }),
  accountRouteSet({
    accounts,
    sessions: sessionsNamed('plan_api_reviewer'),
    kind: 'reviewer',
    publicOrigin: 'x',
    prefix: '/review',
  }),
  accountRouteSet({ accounts, sessions: sessionsNamed('plan_api_member'), kind: 'member', publicOrigin: 'x' }),
  managementRouteSet({} as ManagementPortal),
  productionRequestRouteSet({} as ProductionRequestsPortal),
  reviewRouteSet({} as ReviewApi),
  memberRouteSet({} as MemberApi),
];
const server = documentOf(serverSets);

/** `METHOD /path` of every operation of a document. */
function describedRoutes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

/** Every `$ref` string anywhere in a value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

describe('the OpenAPI document of the management API', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(document)) as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('describes exactly the routes the router serves, method by method', () => {
    const served = sandbox.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    const described = Object.entries(document.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(described).toEqual(served);
    expect(served).toEqual([
      'DELETE /apps/{id}',
      'DELETE /patients/{id}',
      'GET /access-log',
      'GET /apps',
      'GET /apps/{id}',
      'GET /apps/{id}/production-checks',
      'GET /launches',
      'GET /launches/{id}',
      'GET /outbox',
      'GET /outbox/{id}',
      'GET /patients',
      'GET /patients/{id}/data',
      'POST /apps',
      'POST /apps/{id}/launch',
      'POST /apps/{id}/production-request',
      'POST /launches/{id}/lifecycle',
      'POST /patients',
      'PUT /apps/{id}',
    ]);
  });

  it('gives every operation a unique id, the error responses and a schema for each JSON body', () => {
    const ids = new Set<string>();
    for (const ops of Object.values(document.paths)) {
      for (const op of Object.values(ops)) {
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
        const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
        expect(success).toBeDefined();
      }
    }
    expect(document.paths['/apps']?.post?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/AppInput',
    });
  });

  it('resolves every $ref to a component schema', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '');
      expect(document.components.schemas[name], ref).toBeDefined();
    }
  });
});

describe('the OpenAPI document of a server with vendors, reviewers and members', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(server)) as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('describes exactly the routes served, with the review, production and per-kind account routes', () => {
    const served = routesOf(serverSets)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`)
      .sort();
    expect(describedRoutes(server)).toEqual(served);
    expect(served).toEqual(
      expect.arrayContaining([
        'POST /review/session',
        'GET /review/session',
        'DELETE /review/session',
        'POST /review/password-resets',
        'POST /review/password-links',
        'PUT /review/password',
        'POST /account/session',
        'PUT /account/password',
        'GET /review/requests',
        'GET /review/requests/{id}',
        'POST /review/requests/{id}/approve',
        'POST /review/requests/{id}/reject',
        'GET /review/apps',
        'POST /review/apps/{clientId}/suspend',
        'POST /review/apps/{clientId}/reinstate',
        'GET /apps/{id}/production-checks',
        'POST /apps/{id}/production-request',
        'POST /production-requests',
        'POST /account/registrations',
        'GET /gallery',
        'GET /gallery/{clientId}',
        'GET /account/connected-apps',
        'DELETE /account/connected-apps/{grantId}',
        'GET /account/access-history',
        'GET /account/my-data',
      ]),
    );
    expect(served).not.toContain('POST /registrations');
    expect(served).not.toContain('POST /review/registrations');
    expect(served.filter((route) => /^\w+ \/(review|account)\/(vendor|api-keys)/.test(route))).toEqual([]);
  });

  it('gives each route its kind, and review operations only the reviewer cookie', () => {
    const kinds = new Map(routesOf(serverSets).map((r) => [`${r.method} ${r.path}`, r.account ?? 'vendor']));
    expect(kinds.get('get /review/requests')).toBe('reviewer');
    expect(kinds.get('put /review/password')).toBe('reviewer');
    expect(kinds.get('put /account/password')).toBe('member');
    expect(kinds.get('post /production-requests')).toBe('vendor');
    expect(kinds.get('get /apps')).toBe('vendor');
    expect(server.paths['/review/requests']?.get?.security).toEqual([{ reviewerSession: [] }]);
    expect(server.components.securitySchemes.reviewerSession).toMatchObject({
      in: 'cookie',
      name: 'plan_api_reviewer',
    });
    expect(server.components.securitySchemes.memberSession).toMatchObject({ name: 'plan_api_member' });
  });

  it('gives member routes the member kind and cookie, and the gallery and registration no security', () => {
    const routes = routesOf(serverSets);
    const kinds = new Map(routes.map((r) => [`${r.method} ${r.path}`, r.account ?? 'vendor']));
    const publicRoutes = new Set(routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`));
    for (const route of [
      'get /account/connected-apps',
      'delete /account/connected-apps/{grantId}',
      'get /account/access-history',
      'get /account/my-data',
    ]) {
      expect(kinds.get(route), route).toBe('member');
      expect(publicRoutes.has(route), route).toBe(false);
      const [method = '', path = ''] = route.split(' ');
      const operation = server.paths[path]?.[method as 'get'];
      expect(operation?.security, route).toEqual([{ memberSession: [] }]);
      expect(Object.keys(operation?.responses ?? {}), route).toEqual(expect.arrayContaining(['401', '403']));
    }
    for (const route of ['get /gallery', 'get /gallery/{clientId}', 'post /account/registrations']) {
      expect(publicRoutes.has(route), route).toBe(true);
      const [method = '', path = ''] = route.split(' ');
      expect(server.paths[path]?.[method as 'get']?.security, route).toEqual([]);
    }
    expect(server.paths['/gallery']?.get?.responses).not.toHaveProperty('401');
    expect(server.paths['/account/my-data']?.get?.responses['200']?.content).toHaveProperty('application/fhir+json');
    const limit = server.paths['/account/access-history']?.get?.parameters?.find((p) => p.name === 'limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
  });

  it('gives every operation a unique id and resolves every $ref', () => {
    const ids = Object.values(server.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of refsIn(server)) {
      expect(server.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    }
    for (const name of [
      'ProductionStatus',
      'PreCheck',
      'PrivacyAttestation',
      'AppSnapshot',
      'RequestSummary',
      'RequestDetail',
      'PublishedApp',
      'FieldChange',
      'HistoryEntry',
      'RequestVersion',
      'GalleryApp',
      'GalleryAppList',
      'PrivacyStatement',
      'ConnectedApp',
      'ConnectedAppList',
      'AccessHistoryEntry',
      'AccessHistoryPage',
      'RegistrationInput',
    ]) {
      expect(server.components.schemas[name], name).toBeDefined();
    }
  });
});
