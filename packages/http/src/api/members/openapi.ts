import { E400, E404, failure, ok, op, query } from '../openapi.ts';
import type { OpenApiPaths, Operation, Parameter } from '../openapi.ts';
import { ref } from '../openapi-schemas.ts';
import type { JsonSchema } from '../openapi-schemas.ts';
import { sessionScheme } from '../accounts/openapi.ts';
import { HISTORY_LIMIT_MAX } from './routes.ts';

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const instant = (description: string): JsonSchema => str(description, { format: 'date-time' });
const uri = (description: string): JsonSchema => str(description, { format: 'uri' });
const strings = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description });
const object = (description: string, required: string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  description,
  required,
  properties,
});

/** The component schemas of the member routes (Bundle is the document's own). */
export const memberSchemas: Record<string, JsonSchema> = {
  PrivacyStatement: object(
    'One answer of the privacy attestation the vendor gave, in plain words.',
    ['key', 'question', 'answer', 'plain'],
    {
      key: str('The question (e.g. sellsData).'),
      question: str('The question as the vendor was asked it.'),
      answer: str("The vendor's answer.", { enum: ['yes', 'no'] }),
      plain: str('What the answer means for the member, in plain words.'),
    },
  ),
  GalleryApp: object(
    'An app the plan approved (published, not suspended), as members see it.',
    ['clientId', 'name', 'approvedAt', 'privacy'],
    {
      clientId: str("The app's client_id."),
      name: str('The app name.'),
      logoUrl: uri('The logo.'),
      organizationName: str('The organization that makes the app.'),
      organizationUrl: uri("The organization's site."),
      description: str('What the app does.'),
      privacyPolicyUrl: uri('The privacy policy.'),
      securityPolicyUrl: uri('The security policy.'),
      termsOfServiceUrl: uri('The terms of service.'),
      launchUrl: uri('Where members start the app ("Connect").'),
      approvedAt: instant('When the plan approved it.'),
      privacy: {
        type: 'array',
        items: ref('PrivacyStatement'),
        description: 'The privacy attestation in plain words, in the order the questions are asked.',
      },
    },
  ),
  GalleryAppList: object('Apps members can connect, in name order.', ['apps'], {
    apps: { type: 'array', items: ref('GalleryApp') },
  }),
  ConnectedApp: object(
    'An app the member connected (one grant).',
    ['grantId', 'clientId', 'name', 'grantedAt', 'dataTypes', 'scopes', 'suspended'],
    {
      grantId: str('The grant (revoke it by this id).'),
      clientId: str("The app's client_id."),
      name: str('The app name.'),
      logoUrl: uri('The logo.'),
      grantedAt: instant('When the member connected it.'),
      lastUsedAt: instant('When the app last read data with it (absent: not used yet).'),
      dataTypes: strings('The FHIR resource types the grant allows, sorted.'),
      scopes: strings('The scopes granted.'),
      suspended: { type: 'boolean', description: 'The plan suspended the app since: its tokens do not work.' },
    },
  ),
  ConnectedAppList: object("The member's connected apps, newest first.", ['apps'], {
    apps: { type: 'array', items: ref('ConnectedApp') },
  }),
  AccessHistoryEntry: object(
    "One request an app made to the Patient Access API with the member's grant.",
    ['id', 'at', 'clientId', 'appName', 'method', 'request', 'status'],
    {
      id: str('The entry.'),
      at: instant('When.'),
      clientId: str("The app's client_id."),
      appName: str('The app name.'),
      method: str('The HTTP method.'),
      resourceType: str('The resource type read.'),
      request: str('The request (path and search, without values that identify anyone else).'),
      status: { type: 'integer', description: 'The HTTP status answered.' },
      count: { type: 'integer', description: 'How many resources it returned.' },
    },
  ),
  AccessHistoryPage: object('A page of the access history, newest first.', ['entries'], {
    entries: { type: 'array', items: ref('AccessHistoryEntry') },
    next: str('The cursor of the next page (absent: this is the last).'),
  }),
};

const security = { security: [{ [sessionScheme('member')]: [] }] };
const memberOp = (
  operationId: string,
  summary: string,
  responses: Operation['responses'],
  extra: Partial<Operation> = {},
): Operation => op(operationId, summary, 'member', responses, { ...security, ...extra });
/** A public operation: no session, so no 401 or 403. */
const publicOp = (
  operationId: string,
  summary: string,
  responses: Operation['responses'],
  extra: Partial<Operation> = {},
): Operation => ({ operationId, summary, tags: ['gallery'], security: [], ...extra, responses });
const pathParam = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const E404_MEMBER = { '404': failure('Not one of your connected apps.') };

/** The gallery (public) and the signed-in member's routes below `/account` (member session cookie). */
export const memberOperations: OpenApiPaths = {
  '/gallery': {
    get: publicOp(
      'listGalleryApps',
      'The app gallery: apps the plan approved, in name order',
      { '200': ok('The apps.', ref('GalleryAppList')), ...E400 },
      { parameters: [query('q', 'Text to find (app name, organization, description; any case).')] },
    ),
  },
  '/gallery/{clientId}': {
    get: publicOp(
      'getGalleryApp',
      'An app of the gallery, with its privacy attestation in plain words',
      { '200': ok('The app.', ref('GalleryApp')), ...E404 },
      { parameters: [pathParam('clientId', "The app's client_id.")] },
    ),
  },
  '/account/connected-apps': {
    get: memberOp('listConnectedApps', 'The apps you connected, newest first', {
      '200': ok('The apps.', ref('ConnectedAppList')),
    }),
  },
  '/account/connected-apps/{grantId}': {
    delete: memberOp(
      'revokeConnectedApp',
      "Revoke an app's access: its access and refresh tokens stop working at once",
      { '204': { description: 'Revoked.' }, ...E404_MEMBER },
      { parameters: [pathParam('grantId', 'The grant of a connected app.')] },
    ),
  },
  '/account/access-history': {
    get: memberOp(
      'listAccessHistory',
      'What your connected apps read, newest first, a page at a time',
      { '200': ok('A page.', ref('AccessHistoryPage')), ...E400 },
      {
        parameters: [
          query('clientId', "Only this app's requests."),
          query('cursor', 'The `next` of the previous page.'),
          query('limit', 'Entries per page (default 25).', { type: 'integer', minimum: 1, maximum: HISTORY_LIMIT_MAX }),
        ],
      },
    ),
  },
  '/account/my-data': {
    get: memberOp('getMyData', 'My data: your records, read-only', {
      '200': { description: 'A FHIR Bundle.', content: { 'application/fhir+json': { schema: ref('Bundle') } } },
    }),
  },
};
