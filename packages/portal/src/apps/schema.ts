import { z } from 'zod';
import { lineField, optionalLineField, optionalMultilineField } from '../shared/text.ts';
import { urlProblem } from '../shared/urls.ts';
import { jwksField } from './jwks.ts';

/** The fields a vendor sets on an app, in API order. */
export const APP_FIELDS = [
  'name',
  'oauthType',
  'jwksUri',
  'jwks',
  'redirectUris',
  'launchUrl',
  'logoUrl',
  'organizationName',
  'organizationUrl',
  'privacyPolicyUrl',
  'securityPolicyUrl',
  'termsOfServiceUrl',
  'description',
] as const;

/** Fields the sandbox assigns: a client may echo them back unchanged (PUT of a GET), never set them. */
export const READ_ONLY_APP_FIELDS = [
  'id',
  'ownerId',
  'clientId',
  'clientSecret',
  'createdAt',
  'updatedAt',
  'productionRequest',
] as const;

/** Optional fields where an empty string or null (an empty form input) means "not set". */
const OPTIONAL_FIELDS = new Set<string>(
  APP_FIELDS.filter((f) => f !== 'name' && f !== 'oauthType' && f !== 'redirectUris'),
);

const MAX_URL_LENGTH = 2000;
const MAX_REDIRECT_URIS = 10;

/** A string field whose message says "required" when absent and "must be text" when of another type. */
function text(label: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be a string.`),
  });
}

function url(label: string) {
  return text(label)
    .trim()
    .max(MAX_URL_LENGTH, `${label} must be at most ${MAX_URL_LENGTH} characters.`)
    .superRefine((value, ctx) => {
      const problem = urlProblem(label, value);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    });
}

const redirectUris = z
  .array(url('Each redirect URI'), {
    error: (issue) =>
      issue.input === undefined
        ? 'Register at least one redirect URI: the exact URL the authorization server sends members back to.'
        : 'redirectUris must be an array of URLs, e.g. ["https://app.example.com/callback"].',
  })
  .min(1, 'Register at least one redirect URI: the exact URL the authorization server sends members back to.')
  .max(MAX_REDIRECT_URIS, `An app can register at most ${MAX_REDIRECT_URIS} redirect URIs.`)
  .superRefine((uris, ctx) => {
    const seen = new Set<string>();
    uris.forEach((uri, index) => {
      if (seen.has(uri))
        ctx.addIssue({ code: 'custom', path: [index], message: `${uri} is listed twice; remove the duplicate.` });
      seen.add(uri);
    });
  });

/** The client types: the two of the seed, and asymmetric client authentication (SMART client-confidential-asymmetric). */
export const OAUTH_TYPES = ['secret', 'pkce', 'private_key_jwt'] as const;

/** The app input of POST /api/apps and PUT /api/apps/{id}; unknown fields are rejected. */
export const appInputSchema = z
  .strictObject({
    name: lineField('Name', 100, 'Name is required: it is what members see on the consent screen.'),
    oauthType: z.enum(OAUTH_TYPES, {
      error:
        'oauthType must be "secret" (a confidential app that keeps a client secret on its server), "pkce" (a public app, such as a browser or mobile app, that uses PKCE) or "private_key_jwt" (a confidential app that signs client assertions with its private key).',
    }),
    jwksUri: url('The JWKS URL').optional(),
    jwks: jwksField.optional(),
    redirectUris,
    launchUrl: url('The launch URL').optional(),
    logoUrl: url('The logo URL').optional(),
    organizationName: optionalLineField('Organization name', 200),
    organizationUrl: url('The organization URL').optional(),
    privacyPolicyUrl: url('The privacy policy URL').optional(),
    securityPolicyUrl: url('The security policy URL').optional(),
    termsOfServiceUrl: url('The terms of service URL').optional(),
    description: optionalMultilineField('Description', 2000),
  })
  .superRefine((app, ctx) => {
    const keys = app.jwksUri !== undefined || app.jwks !== undefined;
    if (app.oauthType !== 'private_key_jwt') {
      for (const field of ['jwksUri', 'jwks'] as const) {
        if (app[field] === undefined) continue;
        const message = `${field} is only for an app of oauthType "private_key_jwt"; leave it out for "${app.oauthType}".`;
        ctx.addIssue({ code: 'custom', path: [field], message });
      }
    } else if (!keys) {
      ctx.addIssue({
        code: 'custom',
        path: ['jwksUri'],
        message:
          'Register the public keys of a "private_key_jwt" app: the URL of its JWKS (jwksUri) or the JWKS itself (jwks).',
      });
    } else if (app.jwksUri !== undefined && app.jwks !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['jwks'],
        message: 'Register either a JWKS URL or a JWKS, not both: with a JWKS URL, leave jwks out.',
      });
    }
  });

export type AppInput = z.output<typeof appInputSchema>;

/** Message for a field an app does not have. */
export function unknownAppField(key: string): string {
  return `"${key}" is not a field of an app; the fields are ${APP_FIELDS.join(', ')}.`;
}

/** Drops empty optional fields ("" or null from a form) so they read as "not set". */
export function withoutBlankOptionals(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (OPTIONAL_FIELDS.has(key) && (value === null || (typeof value === 'string' && value.trim() === ''))) continue;
    out[key] = value;
  }
  return out;
}
