import { LIFECYCLE_ACTIONS, MAX_ADVANCE_SECONDS } from '@plan-api/portal';
/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), typed loosely enough to write by hand. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  format?: string;
  enum?: readonly (string | null)[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  oneOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  $ref?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  example?: unknown;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const url = (description: string): JsonSchema =>
  str(`${description} Absolute https URL (http only for localhost).`, {
    format: 'uri',
  });
const instant = (description: string): JsonSchema => str(description, { format: 'date-time' });

const appFields: Record<string, JsonSchema> = {
  name: str('The app name shown on the consent screen.', { minLength: 1 }),
  oauthType: str(
    '"secret": authorization code + client secret (confidential); "pkce": public client with PKCE; "private_key_jwt": authorization code + private key JWT (confidential, asymmetric: client_assertion JWTs signed RS384 or ES384).',
    { enum: ['secret', 'pkce', 'private_key_jwt'] },
  ),
  jwksUri: url('Only for oauthType "private_key_jwt" (this or jwks): where the app publishes its public JWKS.'),
  jwks: {
    type: 'object',
    description:
      'Only for oauthType "private_key_jwt" (this or jwksUri): the JWKS with the public keys (RSA, or EC P-384) that sign its client assertions; private members such as "d" are refused. Also accepted as JSON text.',
    required: ['keys'],
    properties: { keys: { type: 'array', minItems: 1, items: { type: 'object', description: 'A public JWK.' } } },
  },
  redirectUris: {
    type: 'array',
    description: 'Registered redirect URIs, matched exactly.',
    minItems: 1,
    items: str('A redirect URI.', { format: 'uri' }),
  },
  launchUrl: url('Where an EHR launch opens the app (`?iss=...&launch=...` is appended).'),
  logoUrl: url('The logo shown on the consent screen.'),
  organizationName: str('The organization that makes the app.'),
  organizationUrl: url("The organization's web site."),
  privacyPolicyUrl: url('The privacy policy.'),
  securityPolicyUrl: url('The security policy.'),
  termsOfServiceUrl: url('The terms of service.'),
  description: str('What the app does, for members.'),
};

/** The component schemas of the management API. */
export const schemas: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    description: 'Every error: a code, a sentence for a person, and the fields at fault (validation).',
    required: ['error', 'message'],
    properties: {
      error: str('Machine-readable code, e.g. validation_failed, not_found, unauthorized, csrf_failed.'),
      message: str('What went wrong and what to do.'),
      fields: { type: 'object', additionalProperties: str('What is wrong with this field.') },
    },
  },
  AppInput: {
    type: 'object',
    description: 'The fields of an app (POST creates, PUT replaces).',
    required: ['name', 'oauthType', 'redirectUris'],
    properties: appFields,
  },
  App: {
    type: 'object',
    required: ['id', 'name', 'oauthType', 'clientId', 'redirectUris', 'createdAt', 'updatedAt', 'productionRequest'],
    properties: {
      id: str('The app id.'),
      ...appFields,
      clientId: str('The OAuth client_id (random).'),
      clientSecret: str('The client secret (256 bits or more); only for oauthType "secret".'),
      createdAt: instant('When the app was registered.'),
      updatedAt: instant('When the app was last changed.'),
      productionRequest: ref('ProductionStatus'),
    },
  },
  PatientInput: {
    type: 'object',
    description: 'Optional: the seed and scenario of the synthetic member.',
    properties: {
      seed: { type: ['string', 'number'], description: 'Seed of the member (same seed, same data).' },
      scenario: str('Care scenario.', {
        enum: ['healthy', 'diabetes', 'pregnancy', 'pediatric', 'elderly-multimorbid'],
      }),
    },
  },
  Patient: {
    type: 'object',
    required: ['id', 'name', 'resourceCounts'],
    properties: {
      id: str('The Patient resource id.'),
      name: str("The member's name."),
      birthDate: str('Birth date.', { format: 'date' }),
      gender: str('Administrative gender.'),
      scenario: str('Care scenario the data follows.'),
      seed: str('Seed it was generated from.'),
      resourceCounts: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Resources by type.' },
      createdAt: instant('When it was initialized.'),
    },
  },
  LaunchInput: {
    type: 'object',
    required: ['patientId'],
    properties: {
      patientId: str('The sandbox patient the launch is bound to.'),
      skipConsent: { type: 'boolean', description: 'Grant the requested scopes without the consent screen (CI).' },
      simulateError: str('A failure to simulate.', {
        enum: ['access_denied', 'invalid_client', 'invalid_scope', 'expired_token', 'server_error'],
      }),
    },
  },
  LifecycleInput: {
    type: 'object',
    required: ['action'],
    properties: {
      action: str(
        'expire-access-token: the access tokens answer 401 invalid_token now (a refresh still works); ' +
          'expire-refresh-token: the refresh token is gone (invalid_grant); revoke: as if the member revoked the ' +
          'app; advance-clock: the authorization lives `seconds` later; rotate-signing-key: a new kid signs, the ' +
          'JWKS keeps the previous key until the next rotation.',
        { enum: [...LIFECYCLE_ACTIONS] },
      ),
      seconds: {
        type: 'integer',
        minimum: 1,
        maximum: MAX_ADVANCE_SECONDS,
        description: 'advance-clock only (and required there): how far ahead the authorization moves.',
      },
    },
  },
  CreatedLaunch: {
    type: 'object',
    required: ['launchUrl', 'launch'],
    properties: {
      launchUrl: str('`<app launchUrl>?iss=<FHIR base>&launch=<opaque>`: open it to start the launch.', {
        format: 'uri',
      }),
      launch: ref('Launch'),
    },
  },
  Launch: {
    type: 'object',
    required: ['id', 'kind', 'appId', 'clientId', 'skipConsent', 'createdAt', 'expiresAt', 'status'],
    properties: {
      id: str('The launch id (the opaque `launch` value).'),
      kind: str('EHR or standalone launch.', { enum: ['ehr', 'standalone'] }),
      appId: str('The app.'),
      clientId: str("The app's client_id."),
      patientId: str('The patient it is bound to.'),
      skipConsent: { type: 'boolean' },
      simulateError: str('The failure it simulates.'),
      createdAt: instant('When it was created.'),
      expiresAt: instant('When the launch value stops working (it also stops once used).'),
      usedAt: instant('When the app used it.'),
      status: str('Progress.', { enum: ['created', 'authorizing', 'authorized', 'failed'] }),
    },
  },
  LaunchStep: {
    type: 'object',
    required: ['id', 'launchId', 'seq', 'at', 'step', 'status', 'message'],
    properties: {
      id: str('Step id.'),
      launchId: str('The launch.'),
      seq: { type: 'integer', description: 'Order within the launch.' },
      at: instant('When it happened.'),
      step: str('What the app did.', {
        enum: [
          'launch',
          'authorize',
          'login',
          'consent',
          'token',
          'refresh',
          'revoke',
          'introspect',
          'fhir',
          'error',
          'lifecycle',
        ],
      }),
      status: str('Outcome.', { enum: ['ok', 'error'] }),
      httpStatus: { type: 'integer' },
      scopes: { type: 'array', items: { type: 'string' } },
      request: str('For FHIR calls: method and path with query.'),
      error: str('OAuth or FHIR error code.'),
      message: str('What happened, and for an error, what to fix.'),
      details: { type: 'object' },
    },
  },
  AccessLogEntry: {
    type: 'object',
    required: ['id', 'at', 'patientId', 'clientId', 'method', 'request', 'status'],
    properties: {
      id: str('Entry id.'),
      at: instant('When.'),
      patientId: str('Whose data.'),
      clientId: str('Which app (client_id).'),
      appName: str('The app name.'),
      method: str('HTTP method.'),
      request: str('Path and query below the FHIR base.'),
      resourceType: str('The resource type asked for.'),
      status: { type: 'integer', description: 'HTTP status answered.' },
      count: { type: 'integer', description: 'Resources returned.' },
      launchId: str('The launch it belongs to.'),
    },
  },
  LaunchSummary: {
    description: 'A launch as the launch list shows it.',
    allOf: [
      ref('Launch'),
      {
        type: 'object',
        required: ['appName', 'stepCount'],
        properties: {
          appName: str('The app name.'),
          patientName: str("The patient's name."),
          stepCount: { type: 'integer', description: 'How many steps the launch log has.' },
        },
      },
    ],
  },
  LaunchDetail: {
    type: 'object',
    description: 'A launch with every step the app took, in order.',
    required: ['launch', 'steps', 'truncated'],
    properties: {
      launch: ref('LaunchSummary'),
      steps: { type: 'array', items: ref('LaunchStep') },
      truncated: {
        type: 'integer',
        description: 'Steps dropped from the middle of a long launch (the first 20 and the latest 500 are kept).',
      },
    },
  },
  Bundle: {
    type: 'object',
    description: 'A FHIR R4 Bundle (collection) of every resource of the member.',
    required: ['resourceType', 'type'],
    properties: { resourceType: str('Always "Bundle".', { enum: ['Bundle'] }), type: str('Bundle type.') },
  },
};

/** A `$ref` to a component schema. */
export { ref };
