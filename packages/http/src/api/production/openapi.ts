import { body, E400, E404, E409, idParam, ok, op } from '../openapi.ts';
import type { OpenApiPaths } from '../openapi.ts';
import { ref } from '../openapi-schemas.ts';
import type { JsonSchema } from '../openapi-schemas.ts';

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const instant = (description: string): JsonSchema => str(description, { format: 'date-time' });
const answer = (question: string): JsonSchema => str(question, { enum: ['yes', 'no'] });
const integer = (description: string): JsonSchema => ({ type: 'integer', description });

const snapshotFields: Record<string, JsonSchema> = {
  name: str('The app name.'),
  oauthType: str('secret (confidential), pkce (public) or private_key_jwt (confidential, asymmetric).', {
    enum: ['secret', 'pkce', 'private_key_jwt'],
  }),
  jwksUri: str('The JWKS URL of a private_key_jwt app.', { format: 'uri' }),
  jwks: { type: 'object', description: 'The JWKS of a private_key_jwt app (public keys).' },
  clientId: str('The OAuth client_id (the same in the sandbox and in production).'),
  redirectUris: { type: 'array', items: str('A redirect URI.', { format: 'uri' }), description: 'Redirect URIs.' },
  launchUrl: str('Where an EHR launch opens the app.', { format: 'uri' }),
  logoUrl: str('The logo.', { format: 'uri' }),
  organizationName: str('The organization that makes the app.'),
  organizationUrl: str("The organization's web site.", { format: 'uri' }),
  privacyPolicyUrl: str('The privacy policy.', { format: 'uri' }),
  securityPolicyUrl: str('The security policy.', { format: 'uri' }),
  termsOfServiceUrl: str('The terms of service.', { format: 'uri' }),
  description: str('What the app does, for members.'),
};

/** The component schemas of production requests (vendor side; the review routes use them too). */
export const productionSchemas: Record<string, JsonSchema> = {
  PrivacyAttestation: {
    type: 'object',
    description: 'The privacy attestation of a production request: reviewers see it, the member gallery shows it.',
    required: ['sellsData', 'sharesWithThirdParties', 'membersCanDelete', 'followsCarinCode'],
    properties: {
      sellsData: answer("Does the app sell members' data?"),
      sharesWithThirdParties: answer("Does the app share members' data with third parties?"),
      membersCanDelete: answer('Can members have their data deleted from the app?'),
      followsCarinCode: answer('Does the app follow the CARIN Alliance code of conduct?'),
    },
  },
  PreCheck: {
    type: 'object',
    description: 'One automatic pre-check: blocking ones stop the request, advisory ones warn.',
    required: ['id', 'severity', 'passed', 'message'],
    properties: {
      id: str('What is checked, e.g. name, redirect-https, launch-https, privacy-policy, logo.'),
      field: str('The app field at fault (an AppInput field name).'),
      severity: str('blocking or advisory.', { enum: ['blocking', 'advisory'] }),
      passed: { type: 'boolean', description: 'Whether the app passes it.' },
      message: str('What was checked (passed), or what is wrong and how to fix it (failed).'),
    },
  },
  ProductionChecks: {
    type: 'object',
    description: "The app's pre-checks (the same reviewers see).",
    required: ['checks'],
    properties: { checks: { type: 'array', items: ref('PreCheck') } },
  },
  AppSnapshot: {
    type: 'object',
    description: "The app's fields as sent for review and as published (never the secret).",
    required: ['name', 'oauthType', 'clientId', 'redirectUris'],
    properties: snapshotFields,
  },
  ProductionStatus: {
    type: 'object',
    description: 'The App Status: where the app is on its way to production.',
    required: ['state'],
    properties: {
      state: str('draft (never sent), pending review, approved, rejected, suspended.', {
        enum: ['draft', 'pending', 'approved', 'rejected', 'suspended'],
      }),
      requestId: str('The request.'),
      version: integer('The latest version of the request (1 on first send; +1 on each save while pending).'),
      requestedAt: instant('When the latest version was sent.'),
      decidedAt: instant('When the reviewer decided.'),
      reason: str('The reason of a rejection or suspension.'),
      published: {
        type: 'object',
        description: 'Present once the app has been approved (it stays published while a new request is pending).',
        required: ['approvedAt', 'version', 'suspended'],
        properties: {
          approvedAt: instant('When the published version was approved.'),
          version: integer('The published version.'),
          suspended: { type: 'boolean', description: 'Whether reviewers suspended it.' },
        },
      },
      changesNotPublished: {
        type: 'boolean',
        description: 'Published, and the sandbox app has changed since: send a new request to publish them.',
      },
      remote: {
        type: 'object',
        description: 'A desktop or headless sandbox connected to a plan server: where the request went.',
        required: ['serverUrl', 'appId', 'checkedAt'],
        properties: {
          serverUrl: str('The plan server.', { format: 'uri' }),
          appId: str("The app's id on that server."),
          checkedAt: instant('When the status was last read from the server.'),
          error: str('Why the last read failed (the status shown is the last known).'),
        },
      },
    },
  },
  ProductionRequestInput: {
    type: 'object',
    description:
      'Send the app for review (or again). Blocking pre-checks that fail answer 400 with their field; ' +
      'contactEmail is needed only where the plan knows no vendor address (the unconnected desktop).',
    required: ['attestation'],
    properties: {
      attestation: ref('PrivacyAttestation'),
      notes: str('Anything the reviewers should know (at most 2000 characters).'),
      contactEmail: str('Where mail about the request goes (unconnected desktop only).', { format: 'email' }),
    },
  },
  ImportedProductionRequest: {
    type: 'object',
    description: "A connected desktop's request: its app, with the client ID (and secret) the app keeps.",
    required: ['app', 'attestation'],
    properties: {
      app: {
        allOf: [
          ref('AppInput'),
          {
            type: 'object',
            required: ['clientId'],
            properties: {
              clientId: str('The client_id of the desktop app (kept in production).'),
              clientSecret: str('Its secret (oauthType secret).'),
            },
          },
        ],
      },
      attestation: ref('PrivacyAttestation'),
      notes: str('Anything the reviewers should know (at most 2000 characters).'),
    },
  },
  ImportedProductionRequestResult: {
    type: 'object',
    description: 'The hosted app the request is about: follow it with GET /apps/{app.id}.',
    required: ['app'],
    properties: { app: ref('App') },
  },
};

/** The vendor's production routes of every sandbox. */
export const appProductionOperations: OpenApiPaths = {
  '/apps/{id}/production-checks': {
    get: op(
      'productionChecks',
      'The pre-checks of the app (the same reviewers see)',
      'apps',
      { '200': ok('Every check, passed or not.', ref('ProductionChecks')), ...E404 },
      { parameters: [idParam('app')] },
    ),
  },
  '/apps/{id}/production-request': {
    post: op(
      'requestProduction',
      'Send Request: ask the plan to publish the app (or a new version of it)',
      'apps',
      {
        '201': ok('The app, its productionRequest now pending.', ref('App')),
        ...E400,
        ...E404,
        '409': {
          description:
            'production_request_pending (save the app to update the pending request) or production_unchanged.',
          content: { 'application/json': { schema: ref('Error') } },
        },
      },
      { parameters: [idParam('app')], requestBody: body('ProductionRequestInput') },
    ),
  },
};

/** `POST /production-requests`: the plan server's side of a connected desktop's "Send Request". */
export const productionRequestOperations: OpenApiPaths = {
  '/production-requests': {
    post: op(
      'receiveProductionRequest',
      "A connected desktop's request: creates or updates the vendor's hosted app with its client ID, then sends it",
      'apps',
      {
        '201': ok("The vendor's hosted app.", ref('ImportedProductionRequestResult')),
        ...E400,
        ...E409,
      },
      { requestBody: body('ImportedProductionRequest') },
    ),
  },
};
