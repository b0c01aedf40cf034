/**
 * The interaction pages of a SMART launch: the patient picker (standalone launch) and the consent screen, in the
 * web UI's visual style (ui/theme.ts). Every value is escaped; the markup stays plain HTML forms.
 */
import { escapeHtml } from '@plan-api/fhir';
import type { ErrorPageView, InteractionDetails, SmartClient } from '@plan-api/smart';
import { themedPage } from '../ui/theme.ts';

/** A patient the member can pick. */
export interface PickablePatient {
  id: string;
  name: string;
  birthDate?: string;
}

/** Only web URLs become links or images: a `javascript:` logo or policy URL is shown as nothing. */
function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A standalone page in the shared style. */
export function page(title: string, body: string): string {
  return themedPage(title, body);
}

/** The app's logo (or its initial when it has none), name and organization: who is asking. */
function appHeader(client: SmartClient): string {
  const logo = webUrl(client.logoUri);
  const org = client.organizationName ? `<p class="organization">by ${escapeHtml(client.organizationName)}</p>` : '';
  const mark = logo
    ? `<img class="logo" src="${escapeHtml(logo)}" alt="${escapeHtml(client.name)} logo">`
    : `<div class="initial" aria-hidden="true">${escapeHtml(client.name.trim().charAt(0).toUpperCase() || '?')}</div>`;
  return `<div class="app">${mark}
<div><h1>${escapeHtml(client.name)}</h1>
${org}</div></div>`;
}

function policyLinks(client: SmartClient): string {
  const links = [
    ['Privacy policy', webUrl(client.policyUri)],
    ['Terms of service', webUrl(client.tosUri)],
    ['Website', webUrl(client.clientUri)],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (links.length === 0) return '<p class="policies">This app has not published its policies.</p>';
  const items = links.map(
    ([label, url]) => `<li><a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a></li>`,
  );
  return `<ul class="policies">${items.join('')}</ul>`;
}

/** The patient picker of a standalone launch. */
export function pickerPage(
  details: InteractionDetails,
  patients: PickablePatient[],
  csrf: string,
  action: string,
): string {
  const list =
    patients.length === 0
      ? '<p>This sandbox has no patients yet. Use "Initialize Patient" in the sandbox, then launch the app again.</p>'
      : `<ul class="patients">${patients
          .map(
            (patient) =>
              `<li><button type="submit" name="patient" value="${escapeHtml(patient.id)}">${escapeHtml(patient.name)}</button>${
                patient.birthDate ? ` <span class="born">born ${escapeHtml(patient.birthDate)}</span>` : ''
              }</li>`,
          )
          .join('\n')}</ul>`;
  return page(
    `Choose a patient for ${details.client.name}`,
    `${appHeader(details.client)}
<h2>Choose the patient</h2>
<p>${escapeHtml(details.client.name)} asks to open a member's records. Pick the sandbox patient to sign in as.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
${list}
</form>`,
  );
}

/** What the sign-in page shows besides the app: its heading, the "Forgot password?" link, an error, the email. */
export interface SignInView {
  title: string;
  forgotPasswordUrl?: string;
  /** Why the last attempt failed (a sentence for a person). */
  error?: string;
  /** The email typed last (never the password). */
  email?: string;
}

/** The member sign-in of the production realm: Email, Password, "Sign in", "Forgot password?". */
export function signInPage(details: InteractionDetails, csrf: string, action: string, view: SignInView): string {
  const error = view.error
    ? `<p class="notice" role="alert" id="sign-in-error"><strong>${escapeHtml(view.error)}</strong></p>`
    : '';
  const forgot =
    webUrl(view.forgotPasswordUrl) ?? (view.forgotPasswordUrl?.startsWith('/') ? view.forgotPasswordUrl : undefined);
  return page(
    view.title,
    `${appHeader(details.client)}
<h2>${escapeHtml(view.title)}</h2>
<p>${escapeHtml(details.client.name)} asks to open your health records. Sign in to continue.</p>
${error}
<form class="signin" method="post" action="${escapeHtml(action)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label class="field" for="email">Email</label>
<input type="email" id="email" name="email" autocomplete="username" required value="${escapeHtml(view.email ?? '')}">
<label class="field" for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" class="primary">Sign in</button>
</form>
${forgot ? `<p><a href="${escapeHtml(forgot)}" id="forgot-password">Forgot password?</a></p>` : ''}`,
  );
}

/** The consent screen: the app, its policies, each permission in plain words, a checkbox per resource type. */
export function consentPage(details: InteractionDetails, csrf: string, action: string): string {
  // The offline-access notice says what offline_access means: its line is not repeated as a bullet.
  const general = details.requested.filter(
    (line) => line.resourceType === undefined && !(details.offlineAccess && line.scopes.includes('offline_access')),
  );
  const byType = new Map<string, string[]>();
  for (const line of details.requested) {
    if (line.resourceType === undefined) continue;
    byType.set(line.resourceType, [...(byType.get(line.resourceType) ?? []), line.description]);
  }
  const types = [...byType].map(([type, descriptions]) => {
    const id = `type-${type}`;
    return `<li><input type="checkbox" id="${escapeHtml(id)}" name="type" value="${escapeHtml(type)}" checked>
<label for="${escapeHtml(id)}">${[...new Set(descriptions)].map(escapeHtml).join('; ')}</label></li>`;
  });
  const asks = [...new Set(general.map((line) => line.description))];
  const offline = details.offlineAccess
    ? `<p class="notice" id="offline-access"><strong>Long-lived access:</strong> ${escapeHtml(details.client.name)} asks to keep
access to your data when you are not using it (offline access), until you revoke it.</p>`
    : '';
  const asksList = asks.length
    ? `<ul class="general">${asks.map((description) => `<li>${escapeHtml(description)}</li>`).join('\n')}</ul>`
    : '';
  return page(
    `Allow ${details.client.name} to access your data?`,
    `${appHeader(details.client)}
${policyLinks(details.client)}
<h2>${escapeHtml(details.client.name)} asks to:</h2>
${asksList}
${offline}
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
${
  types.length
    ? `<fieldset><legend>Health records to share (untick what you do not want to share)</legend>
<ul class="types">${types.join('\n')}</ul></fieldset>`
    : ''
}
<div class="actions">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
  );
}

/** A page for a sign-in step that cannot continue. */
export function problemPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/**
 * The authorization server's error page (its `errorPage` option) in the shared style: what went wrong and what
 * to fix, the OAuth error and its description, and that nothing was shared.
 */
export function authorizationErrorPage(view: ErrorPageView): string {
  const title = "The app's sign-in request cannot continue";
  const description = view.description
    ? `<dt>Description</dt><dd id="error-description">${escapeHtml(view.description)}</dd>`
    : '';
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p id="fix">${escapeHtml(view.explanation)}</p>
<dl class="error-details"><dt>Error</dt><dd id="error">${escapeHtml(view.error)}</dd>${description}</dl>
<p>Nothing was shared with the app. Go back to the app and start again once the problem is fixed.</p>`,
  );
}
