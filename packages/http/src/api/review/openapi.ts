import { E400, E404, failure, json, ok, op, query } from '../openapi.ts';
import type { OpenApiPaths, Operation, Parameter } from '../openapi.ts';
import { ref } from '../openapi-schemas.ts';
import type { JsonSchema } from '../openapi-schemas.ts';
import { sessionScheme } from '../accounts/openapi.ts';

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const instant = (description: string): JsonSchema => str(description, { format: 'date-time' });
const integer = (description: string): JsonSchema => ({ type: 'integer', description });
const object = (description: string, required: string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  description,
  required,
  properties,
});

const summaryFields: Record<string, JsonSchema> = {
  id: str('The request id.'),
  appId: str("The vendor's sandbox app."),
  clientId: str("The app's client_id (the same in production)."),
  appName: str('The app name (latest version).'),
  organizationName: str('The organization that makes the app.'),
  logoUrl: str('The logo.', { format: 'uri' }),
  vendor: ref('VendorContact'),
  status: str('Where the request is.', { enum: ['pending', 'approved', 'rejected', 'withdrawn'] }),
  version: integer('The latest version.'),
  kind: str('new: never published; update: a new version of a published app.', { enum: ['new', 'update'] }),
  submittedAt: instant('When the first version was sent.'),
  updatedAt: instant('When the latest version was sent.'),
  decidedAt: instant('When a reviewer decided.'),
};
const summaryRequired = [
  'id',
  'appId',
  'clientId',
  'appName',
  'vendor',
  'status',
  'version',
  'kind',
  'submittedAt',
  'updatedAt',
];

/** The component schemas of the review routes (with productionSchemas: AppSnapshot, PreCheck, ...). */
export const reviewSchemas: Record<string, JsonSchema> = {
  VendorContact: object('The vendor of an app: the enrolled account (or the contact address).', ['name', 'email'], {
    name: str("The vendor's name."),
    email: str('Where mail about the request goes.', { format: 'email' }),
    organizationName: str("The vendor's organization."),
  }),
  RequestSummary: object('One row of the review queue.', summaryRequired, summaryFields),
  RequestList: object('The review queue.', ['requests'], {
    requests: { type: 'array', items: ref('RequestSummary') },
  }),
  RequestVersion: object(
    'One version of a request: what the vendor sent.',
    ['version', 'submittedAt', 'app', 'attestation'],
    {
      version: integer('1 for the first; +1 for each save while pending and each new send.'),
      submittedAt: instant('When it was sent.'),
      app: ref('AppSnapshot'),
      attestation: ref('PrivacyAttestation'),
      notes: str('What the vendor told the reviewers.'),
    },
  ),
  FieldChange: object(
    'A field of the latest version that differs from the published app (lists joined with newlines).',
    ['field', 'label'],
    {
      field: str('The app field.'),
      label: str('Its label on the form.'),
      published: str('The published value (absent: none).'),
      requested: str('The requested value (absent: none).'),
    },
  ),
  HistoryEntry: object('What happened to the request.', ['type', 'at', 'version', 'by'], {
    type: str('What.', { enum: ['submitted', 'updated', 'approved', 'rejected', 'withdrawn'] }),
    at: instant('When.'),
    version: integer('The version it concerns.'),
    by: str('The email of the vendor or reviewer.'),
    reason: str("The reviewer's reason."),
  }),
  PublishedApp: object(
    'An app published in production: the approved snapshot.',
    ['clientId', 'appId', 'requestId', 'version', 'app', 'attestation', 'approvedAt', 'approvedBy', 'status', 'vendor'],
    {
      clientId: str('The production client_id (the same as in the sandbox).'),
      appId: str("The vendor's sandbox app."),
      requestId: str('The request that was approved.'),
      version: integer('The approved version.'),
      app: ref('AppSnapshot'),
      attestation: ref('PrivacyAttestation'),
      approvedAt: instant('When it was approved.'),
      approvedBy: str('The email of the reviewer who approved it.'),
      status: str('published, or suspended (its tokens do not work).', { enum: ['published', 'suspended'] }),
      suspension: object('The suspension in force.', ['at', 'by', 'reason'], {
        at: instant('When.'),
        by: str('The email of the reviewer.'),
        reason: str('Why.'),
      }),
      vendor: ref('VendorContact'),
    },
  ),
  PublishedAppList: object('Published apps.', ['apps'], { apps: { type: 'array', items: ref('PublishedApp') } }),
  RequestDetail: {
    description: 'The request page: every version, the pre-checks, the changes from the published app, the history.',
    allOf: [
      ref('RequestSummary'),
      object('', ['versions', 'checks', 'changes', 'history'], {
        versions: { type: 'array', items: ref('RequestVersion'), description: 'Oldest first.' },
        checks: { type: 'array', items: ref('PreCheck'), description: 'The pre-checks of the latest version.' },
        changes: {
          type: 'array',
          items: ref('FieldChange'),
          description: 'The latest version against the published app; empty for a new app.',
        },
        published: ref('PublishedApp'),
        history: { type: 'array', items: ref('HistoryEntry'), description: 'Oldest first.' },
      }),
    ],
  },
  ReasonInput: object('An optional reason (at most 2000 characters).', [], {
    reason: str('Why (recorded, and in the mail to the vendor).'),
  }),
  RequiredReasonInput: object('A reason, required (1 to 2000 characters).', ['reason'], {
    reason: str('Why (recorded, and in the mail to the vendor).', { minLength: 1 }),
  }),
};

const E409 = { '409': failure('request_decided: the request or app is not in the state this action needs.') };
const security = { security: [{ [sessionScheme('reviewer')]: [] }] };
const reviewOp = (
  operationId: string,
  summary: string,
  responses: Operation['responses'],
  extra: Partial<Operation> = {},
): Operation => op(operationId, summary, 'review', responses, { ...security, ...extra });
const pathParam = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const requestId = pathParam('id', 'The request id.');
const clientId = pathParam('clientId', "The published app's client_id.");
const reason = (name: string, required: boolean) => ({ required, ...json(ref(name)) });
const search = query('q', 'Text to find (app name, organization, vendor email, client ID; any case).');

/** The reviewers' routes (reviewer session cookie; changes need `X-Requested-With`). */
export const reviewOperations: OpenApiPaths = {
  '/review/requests': {
    get: reviewOp(
      'listReviewRequests',
      'The review queue: pending requests oldest first, then decided ones newest decision first',
      { '200': ok('The requests.', ref('RequestList')), ...E400 },
      {
        parameters: [
          query('status', 'Only requests of this status (default all).', {
            type: 'string',
            enum: ['pending', 'approved', 'rejected', 'withdrawn', 'all'],
          }),
          search,
        ],
      },
    ),
  },
  '/review/requests/{id}': {
    get: reviewOp(
      'getReviewRequest',
      'A request: every version, pre-checks, changes from the published app, history',
      { '200': ok('The request.', ref('RequestDetail')), ...E404 },
      { parameters: [requestId] },
    ),
  },
  '/review/requests/{id}/approve': {
    post: reviewOp(
      'approveRequest',
      'Approve: publishes the latest version in production and mails the vendor',
      { '200': ok('The request, approved.', ref('RequestDetail')), ...E400, ...E404, ...E409 },
      { parameters: [requestId], requestBody: reason('ReasonInput', false) },
    ),
  },
  '/review/requests/{id}/reject': {
    post: reviewOp(
      'rejectRequest',
      'Reject with a reason: mails the vendor the reason',
      { '200': ok('The request, rejected.', ref('RequestDetail')), ...E400, ...E404, ...E409 },
      { parameters: [requestId], requestBody: reason('RequiredReasonInput', true) },
    ),
  },
  '/review/apps': {
    get: reviewOp(
      'listPublishedApps',
      'Apps published in production',
      { '200': ok('The apps.', ref('PublishedAppList')), ...E400 },
      {
        parameters: [
          query('status', 'Only apps of this status (default all).', {
            type: 'string',
            enum: ['published', 'suspended', 'all'],
          }),
          search,
        ],
      },
    ),
  },
  '/review/apps/{clientId}/suspend': {
    post: reviewOp(
      'suspendApp',
      'Suspend a published app with a reason: its tokens stop working at once; mails the vendor',
      { '200': ok('The app, suspended.', ref('PublishedApp')), ...E400, ...E404, ...E409 },
      { parameters: [clientId], requestBody: reason('RequiredReasonInput', true) },
    ),
  },
  '/review/apps/{clientId}/reinstate': {
    post: reviewOp(
      'reinstateApp',
      'Reinstate a suspended app; mails the vendor',
      { '200': ok('The app, published again.', ref('PublishedApp')), ...E400, ...E404, ...E409 },
      { parameters: [clientId], requestBody: reason('ReasonInput', false) },
    ),
  },
};
