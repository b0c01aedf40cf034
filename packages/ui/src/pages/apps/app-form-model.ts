import type { AppInput, AppRecord, OAuthType } from '../../api/types.ts';

/**
 * The App form's values: every input is a string; Redirect URL holds one URL per line, JWKS the JSON text of the
 * key set (JWKS URL and JWKS only count for a Private Key JWT app).
 */
export interface AppFormValues {
  name: string;
  oauthType: OAuthType;
  jwksUri: string;
  jwks: string;
  redirectUris: string;
  launchUrl: string;
  logoUrl: string;
  organizationName: string;
  organizationUrl: string;
  privacyPolicyUrl: string;
  securityPolicyUrl: string;
  termsOfServiceUrl: string;
  description: string;
}

/** The optional text fields of an app, in form order. */
export const OPTIONAL_TEXT_FIELDS = [
  'launchUrl',
  'logoUrl',
  'organizationName',
  'organizationUrl',
  'privacyPolicyUrl',
  'securityPolicyUrl',
  'termsOfServiceUrl',
  'description',
] as const;

/** The form of a new app: PKCE preselected, as the form recommends. */
export function emptyAppForm(): AppFormValues {
  return {
    name: '',
    oauthType: 'pkce',
    jwksUri: '',
    jwks: '',
    redirectUris: '',
    launchUrl: '',
    logoUrl: '',
    organizationName: '',
    organizationUrl: '',
    privacyPolicyUrl: '',
    securityPolicyUrl: '',
    termsOfServiceUrl: '',
    description: '',
  };
}

/** The form of an existing app. */
export function formValuesFromApp(app: AppRecord): AppFormValues {
  const values = emptyAppForm();
  values.name = app.name;
  values.oauthType = app.oauthType;
  values.jwksUri = app.jwksUri ?? '';
  values.jwks = app.jwks === undefined ? '' : JSON.stringify(app.jwks, null, 2);
  values.redirectUris = app.redirectUris.join('\n');
  for (const field of OPTIONAL_TEXT_FIELDS) values[field] = app[field] ?? '';
  return values;
}

/** The lines of the Redirect URL input that are not blank, trimmed (their order is kept for error lines). */
export function redirectLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The API body of the form: redirect lines as an array, blank optional fields left out ("not set"), the JWKS URL
 * and JWKS only for a Private Key JWT app (the JWKS as its text: the API says what is wrong with it).
 */
export function appInputFromForm(values: AppFormValues): AppInput {
  const input: AppInput = {
    name: values.name.trim(),
    oauthType: values.oauthType,
    redirectUris: redirectLines(values.redirectUris),
  };
  if (values.oauthType === 'private_key_jwt') {
    const jwksUri = values.jwksUri.trim();
    const jwks = values.jwks.trim();
    if (jwksUri !== '') input.jwksUri = jwksUri;
    if (jwks !== '') input.jwks = jwks;
  }
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = values[field].trim();
    if (value !== '') input[field] = value;
  }
  return input;
}

/** Field errors of the API mapped onto the form's inputs, and the ones no input shows. */
export interface MappedFieldErrors {
  /** Keyed by AppFormValues field. */
  fieldErrors: Partial<Record<keyof AppFormValues, string>>;
  /** Errors of fields the form does not have (shown in the summary alert). */
  unmatched: Record<string, string>;
}

const FORM_FIELDS = new Set<string>(Object.keys(emptyAppForm()));

/**
 * Maps the API's `fields` (`name`, `redirectUris`, `redirectUris.1`, ...) to the form's inputs. Errors of
 * one redirect URI name its line ("Line 2: ..."), since all of them share the one Redirect URL input.
 */
export function mapAppFieldErrors(fields: Record<string, string>): MappedFieldErrors {
  const fieldErrors: Partial<Record<keyof AppFormValues, string>> = {};
  const unmatched: Record<string, string> = {};
  const add = (field: keyof AppFormValues, message: string) => {
    const existing = fieldErrors[field];
    fieldErrors[field] = existing === undefined ? message : `${existing} ${message}`;
  };
  for (const [key, message] of Object.entries(fields)) {
    const [head = '', index] = key.split('.');
    if (!FORM_FIELDS.has(head)) {
      unmatched[key] = message;
    } else if (head === 'redirectUris' && index !== undefined && /^\d+$/.test(index)) {
      add('redirectUris', `Line ${Number(index) + 1}: ${message}`);
    } else {
      add(head as keyof AppFormValues, message);
    }
  }
  return { fieldErrors, unmatched };
}

/** The form's label of each field, as the seed words them. */
export const FIELD_LABELS: Record<keyof AppFormValues, string> = {
  name: 'Application Name',
  oauthType: 'Client OAuth Type',
  jwksUri: 'JWKS URL',
  jwks: 'JWKS',
  redirectUris: 'Redirect URL',
  launchUrl: 'Launch URL',
  logoUrl: 'Logo URL',
  organizationName: 'Organization/Company Name',
  organizationUrl: 'Organization/Company Website URL',
  privacyPolicyUrl: 'Privacy Policy URL',
  securityPolicyUrl: 'Security Policy URL',
  termsOfServiceUrl: 'Terms of Service URL',
  description: 'Description',
};

/**
 * The sentence of the summary alert: when every field error shows beside its input, it names those inputs by
 * their labels; otherwise (no field errors, or some the form cannot show) it is the server's own message.
 */
export function saveErrorSummary(fields: Record<string, string>, serverMessage: string): string {
  const { fieldErrors, unmatched } = mapAppFieldErrors(fields);
  const labels = (Object.keys(fieldErrors) as (keyof AppFormValues)[]).map((field) => FIELD_LABELS[field]);
  if (labels.length === 0 || Object.keys(unmatched).length > 0) return serverMessage;
  return labels.length === 1
    ? `Fix the field marked in red: ${labels[0]}.`
    : `Fix the ${labels.length} fields marked in red: ${labels.join(', ')}.`;
}

/** Launch App needs both a launch URL and at least one redirect URL. */
export function canLaunch(app: Pick<AppRecord, 'launchUrl' | 'redirectUris'>): boolean {
  return app.launchUrl !== undefined && app.launchUrl !== '' && app.redirectUris.length > 0;
}

/** The words of the Credentials card: what it says of the Client ID and Secret before and after the first save. */
export interface CredentialsCopy {
  description: string;
  /** Shown in the empty Client ID field (only before the first save). */
  clientIdHint?: string;
  /** Shown in the empty Client Secret field. */
  secretHint?: string;
}

/** What the Client Secret field says for the types that have none. */
const NO_SECRET: Partial<Record<OAuthType, string>> = {
  pkce: 'None (PKCE apps have no secret)',
  private_key_jwt: 'None (Private Key JWT apps sign with their own key)',
};

/**
 * The Credentials card's words: before the first save the sandbox has assigned nothing yet; once saved, the card
 * says the credentials are the app's (and a PKCE app switched to "Secret" gets its secret when that change is
 * saved).
 */
export function credentialsCopy(
  app: Pick<AppRecord, 'clientSecret'> | undefined,
  oauthType: AppRecord['oauthType'],
): CredentialsCopy {
  const noSecret = NO_SECRET[oauthType];
  if (app === undefined) {
    return {
      description: 'The sandbox assigns them when you save.',
      clientIdHint: 'Assigned on save',
      secretHint: noSecret ?? 'Assigned on save',
    };
  }
  const description = 'Assigned by the sandbox to this app. Read-only: copy them into your app.';
  if (noSecret !== undefined) return { description, secretHint: noSecret };
  if (app.clientSecret === undefined) return { description, secretHint: 'Assigned when you save the change of type' };
  return { description };
}
