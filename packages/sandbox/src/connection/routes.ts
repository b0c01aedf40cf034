import type { ApiRouteSet } from '@plan-api/http';
import type { Connection } from './connection.ts';

type ApiRoute = ApiRouteSet['routes'][number];
type JsonSchema = NonNullable<ApiRouteSet['schemas']>[string];
type Responses = Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: JsonSchema) => ({
  description,
  content: { 'application/json': { schema } },
});
const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const failures: Responses = {
  '401': json('No or wrong bearer token, and no session.', ref('Error')),
  '403': json('A cookie-authenticated change without `X-Requested-With`, or from another origin.', ref('Error')),
};
const operation = (operationId: string, summary: string, responses: Responses, extra: object = {}) => ({
  operationId,
  summary,
  tags: ['connection'],
  ...extra,
  responses: { ...responses, ...failures },
});

/** The component schemas of `/connection`. */
export const connectionSchemas: Record<string, JsonSchema> = {
  ConnectionInput: {
    type: 'object',
    description: 'Connect to a plan server: its address and an API key of your vendor account there.',
    required: ['serverUrl', 'apiKey'],
    properties: {
      serverUrl: str('The plan server, e.g. https://developer.example-plan.com (no query or fragment).', {
        format: 'uri',
      }),
      apiKey: str("An API key (`pak_...`) from your account page of the plan's developer area. Stored, never shown."),
    },
  },
  Connection: {
    type: 'object',
    description: 'The plan server production requests go to (`connected: false`: they go to the outbox).',
    required: ['connected'],
    properties: {
      connected: { type: 'boolean', description: 'Whether a plan server is connected.' },
      serverUrl: str('The plan server.', { format: 'uri' }),
      account: {
        type: 'object',
        description: 'The vendor account the key belongs to.',
        required: ['name', 'email'],
        properties: {
          name: str("The vendor's name."),
          email: str('Where the plan mails its decisions.', { format: 'email' }),
          organizationName: str('Organization/Company Name.'),
        },
      },
      connectedAt: str('When it was connected.', { format: 'date-time' }),
    },
  },
};

/** The operations of `/connection` (the desktop and headless sandbox only). */
export const connectionOperations: ApiRouteSet['operations'] = {
  '/connection': {
    get: operation('getConnection', 'The plan server production requests go to', {
      '200': json('The connection (never the key).', ref('Connection')),
    }),
    put: operation(
      'connect',
      'Connect to a plan server (checks the key with its GET /api/session)',
      {
        '200': json('Connected.', ref('Connection')),
        '400': json('`fields.serverUrl` or `fields.apiKey` says what is wrong.', ref('Error')),
      },
      { requestBody: { required: true, content: { 'application/json': { schema: ref('ConnectionInput') } } } },
    ),
    delete: operation('disconnect', 'Disconnect: production requests go to the outbox again', {
      '204': { description: 'Disconnected (also when it was not connected).' },
    }),
  },
};

/**
 * `GET/PUT/DELETE /connection` (DESIGN.md "Flows": desktop to production): the plan server the desktop or
 * headless sandbox sends production requests to. Only the single-tenant sandbox mounts it.
 */
export function connectionRouteSet(connection: Connection): ApiRouteSet {
  const send = (res: Parameters<ApiRoute['handler']>[1], status: number, body?: unknown) => {
    res.status(status).set('Cache-Control', 'no-store');
    if (body === undefined) res.end();
    else res.json(body);
  };
  const routes: ApiRoute[] = [
    { method: 'get', path: '/connection', handler: async (_req, res) => send(res, 200, await connection.get()) },
    {
      method: 'put',
      path: '/connection',
      handler: async (req, res) => send(res, 200, await connection.connect(req.body)),
    },
    {
      method: 'delete',
      path: '/connection',
      handler: async (_req, res) => {
        await connection.disconnect();
        send(res, 204);
      },
    },
  ];
  return { routes, operations: connectionOperations, schemas: connectionSchemas };
}
