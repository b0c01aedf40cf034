import type { ApiMethod } from './route.ts';
import { ref, schemas } from './openapi-schemas.ts';
import { pageHeaders, pageParameters } from './paging.ts';
import type { JsonSchema } from './openapi-schemas.ts';

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  schema: JsonSchema;
}

export interface MediaContent {
  content: Record<string, { schema: JsonSchema }>;
}

export interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: MediaContent & { required: boolean };
  /** Overrides the document's security (e.g. the reviewers' routes: only their session cookie). */
  security?: Record<string, string[]>[];
  responses: Record<
    string,
    {
      description: string;
      headers?: Record<string, { description: string; schema: JsonSchema }>;
    } & Partial<MediaContent>
  >;
}

/** The OpenAPI 3.1 document type, as far as this API uses it. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<ApiMethod, Operation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: SecuritySchemes };
}

/** OpenAPI security schemes by name. */
export type SecuritySchemes = Record<string, Record<string, string>>;

export const json = (schema: JsonSchema): MediaContent => ({ content: { 'application/json': { schema } } });
export const body = (name: string, required = true) => ({ required, ...json(ref(name)) });
export const ok = (description: string, schema: JsonSchema) => ({ description, ...json(schema) });
export const list = (name: string): JsonSchema => ({ type: 'array', items: ref(name) });
/** A paged list's 200: one page of the array, `Link` to the next when there is one. */
export const page = (description: string, name: string) => ({ ...ok(description, list(name)), headers: pageHeaders });
export const idParam = (what: string): Parameter => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what} id.`,
  schema: { type: 'string' },
});

export const query = (name: string, description: string, schema: JsonSchema = { type: 'string' }): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

export const failure = (description: string) => ({ description, ...json(ref('Error')) });
export const E400 = { '400': failure('Validation failed (`fields` says which) or the body is not JSON.') };
export const E404 = { '404': failure('No such id.') };
export const E409 = { '409': failure('Conflicts with the current state.') };
export const common = {
  '401': failure('No or wrong bearer token, and no session.'),
  '403': failure('A cookie-authenticated change without `X-Requested-With`, or from another origin.'),
};

export const op = (
  operationId: string,
  summary: string,
  tag: string,
  responses: Operation['responses'],
  extra: Partial<Operation> = {},
): Operation => ({ operationId, summary, tags: [tag], ...extra, responses: { ...responses, ...common } });

/** The paths of an API document: operations keyed by path (relative to `/api`) and method. */
export type OpenApiPaths = OpenApiDocument['paths'];

/** The sandbox's management routes (apps, patients, launches, logs), keyed by path and method. */
export const managementOperations: OpenApiPaths = {
  '/apps': {
    post: op(
      'createApp',
      'Register an app',
      'apps',
      { '201': ok('The app with its credentials.', ref('App')), ...E400 },
      {
        requestBody: body('AppInput'),
      },
    ),
    get: op(
      'listApps',
      'List apps',
      'apps',
      { '200': page('A page of the apps.', 'App'), ...E400 },
      { parameters: pageParameters },
    ),
  },
  '/apps/{id}': {
    get: op(
      'getApp',
      'Read an app',
      'apps',
      { '200': ok('The app.', ref('App')), ...E404 },
      {
        parameters: [idParam('app')],
      },
    ),
    put: op(
      'updateApp',
      'Replace the fields of an app',
      'apps',
      { '200': ok('The app.', ref('App')), ...E400, ...E404 },
      {
        parameters: [idParam('app')],
        requestBody: body('AppInput'),
      },
    ),
    delete: op(
      'deleteApp',
      'Delete an app (its client stops working)',
      'apps',
      { '204': { description: 'Deleted.' }, ...E404 },
      {
        parameters: [idParam('app')],
      },
    ),
  },
  '/apps/{id}/launch': {
    post: op(
      'launchApp',
      'Create an EHR launch of the app for a patient',
      'launches',
      { '201': ok('The launch and the URL to open.', ref('CreatedLaunch')), ...E400, ...E404, ...E409 },
      { parameters: [idParam('app')], requestBody: body('LaunchInput') },
    ),
  },
  '/patients': {
    post: op(
      'initializePatient',
      'Initialize Patient: generate a synthetic member',
      'patients',
      {
        '201': ok('The new patient.', ref('Patient')),
        ...E400,
        ...E409,
      },
      { requestBody: body('PatientInput', false) },
    ),
    get: op(
      'listPatients',
      'List sandbox patients',
      'patients',
      { '200': page('A page of the patients.', 'Patient'), ...E400 },
      { parameters: pageParameters },
    ),
  },
  '/patients/{id}': {
    delete: op(
      'deletePatient',
      'Delete a patient and all their data',
      'patients',
      { '204': { description: 'Deleted.' }, ...E404 },
      {
        parameters: [idParam('patient')],
      },
    ),
  },
  '/patients/{id}/data': {
    get: op(
      'patientData',
      'My Data: everything the member has',
      'patients',
      {
        '200': { description: 'A FHIR Bundle.', content: { 'application/fhir+json': { schema: ref('Bundle') } } },
        ...E404,
      },
      { parameters: [idParam('patient')] },
    ),
  },
  '/launches': {
    get: op(
      'listLaunches',
      'The launch log: every launch, newest first',
      'launches',
      {
        '200': page('A page of the launches, newest first.', 'LaunchSummary'),
        ...E400,
      },
      {
        parameters: [query('appId', "Only this app's launches."), ...pageParameters],
      },
    ),
  },
  '/launches/{id}': {
    get: op(
      'getLaunch',
      'One launch with every step the app took',
      'launches',
      {
        '200': ok('The launch and its steps.', ref('LaunchDetail')),
        ...E404,
      },
      { parameters: [idParam('launch')] },
    ),
  },
  '/launches/{id}/lifecycle': {
    post: op(
      'launchLifecycle',
      "A grant lifecycle action on the launch's authorization: expire a token, revoke, advance its clock, rotate the signing key",
      'launches',
      {
        '200': ok(
          'The lifecycle step added to the launch log (its `details.appShould` says what the app should do).',
          ref('LaunchStep'),
        ),
        ...E400,
        ...E404,
        '409': failure('The launch has no live authorization (never completed, revoked or expired).'),
      },
      { parameters: [idParam('launch')], requestBody: body('LifecycleInput') },
    ),
  },
  '/access-log': {
    get: op(
      'accessLog',
      'Every FHIR access by apps, newest first',
      'access-log',
      { '200': page('A page of the access log, newest first.', 'AccessLogEntry'), ...E400 },
      {
        parameters: [
          query('patientId', "Only this patient's data."),
          query('clientId', 'Only this app (client_id).'),
          ...pageParameters,
        ],
      },
    ),
  },
};

/** The sandbox's outbox routes (the mail it kept instead of sending). */
export const outboxOperations: OpenApiPaths = {
  '/outbox': {
    get: op(
      'listOutbox',
      'The outbox: mail the sandbox kept instead of sending, newest first',
      'outbox',
      { '200': page('A page of the messages, newest first.', 'OutboxSummary'), ...E400, ...E404 },
      { parameters: pageParameters },
    ),
  },
  '/outbox/{id}': {
    get: op(
      'getOutboxMessage',
      'One kept message: its bodies and RFC 5322 source',
      'outbox',
      { '200': ok('The message.', ref('OutboxMessage')), ...E404 },
      { parameters: [idParam('message')] },
    ),
  },
};

/** What an API document says about itself and how callers authenticate. */
export interface ApiDescription {
  title: string;
  description: string;
  /** The bearer credential (the sandbox's management token, a vendor's API key). */
  bearer: string;
  /** The session cookie's name and what sets it. */
  cookie: { name: string; description: string };
}

/** The sandbox's management API, as `pnpm sandbox` and the desktop app serve it. */
export const SANDBOX_API: ApiDescription = {
  title: 'Plan API sandbox management API',
  description:
    'Register SMART apps, initialize synthetic patients, start launches, read the launch and access logs, ' +
    'request production and read the mail the sandbox kept in its outbox. ' +
    'Authenticate with `Authorization: Bearer <management token>` (printed by `pnpm sandbox`), or the web ' +
    "UI's session cookie plus the header `X-Requested-With` on changes.",
  bearer: 'The management token.',
  cookie: { name: 'plan_api_session', description: 'Set by /login.' },
};

/** The OpenAPI 3.1 document of an API of these operations served from `serverUrl` (e.g. `http://127.0.0.1:4010/api`). */
export function openApiDocument(
  serverUrl: string,
  description: ApiDescription,
  paths: OpenApiPaths,
  extraSchemas: Record<string, JsonSchema>,
  extraSecuritySchemes: SecuritySchemes = {},
): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: description.title, version: '1.0.0', description: description.description },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas: { ...schemas, ...extraSchemas },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: description.bearer },
        sessionCookie: { type: 'apiKey', in: 'cookie', ...description.cookie },
        ...extraSecuritySchemes,
      },
    },
  };
}
