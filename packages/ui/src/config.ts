/**
 * The runtime config the server injects into the HTML page, so one build serves the desktop/headless sandbox
 * (`local`, at `/`) and the production server (`hosted`: the developer sandbox at `/developer`, the member portal
 * at `/`). The page carries it as `<script id="plan-api-config" type="application/json">`: a JSON script is
 * never executed, so the strict CSP needs no exception. Without it the UI behaves as the desktop sandbox always did.
 */

/**
 * `local`: the single-user sandbox (token sign-in, outbox). `hosted`: vendors with accounts on the plan's server.
 * `review`: the plan's reviewers (production requests and published apps) on the plan's server, at `/review`.
 * `portal`: the member portal (portal.html) at `/`: the app gallery and the members' accounts.
 */
export type UiMode = 'local' | 'hosted' | 'review' | 'portal';

const MODES: readonly UiMode[] = ['local', 'hosted', 'review', 'portal'];

/** The plan's own OpenID Connect sign-in for members, when the server has it configured. */
export interface MemberOidcConfig {
  /** The button's words, e.g. "Sign in with Acme ID". */
  label: string;
}

export interface RuntimeConfig {
  mode: UiMode;
  /** Where the app's routes live: `/` or a prefix without a trailing slash, e.g. `/developer`. */
  basePath: string;
  /** The health plan's name, shown in headers and titles. */
  planName: string;
  /** The member portal's "Sign in with ..." button (`/account/oidc/start`); absent when the server has none. */
  memberOidc?: MemberOidcConfig;
}

/** The id of the config element in the page. */
export const CONFIG_ELEMENT_ID = 'plan-api-config';

/** What the UI assumes when the page carries no config: today's desktop sandbox. */
export const DEFAULT_CONFIG: RuntimeConfig = Object.freeze({ mode: 'local', basePath: '/', planName: 'Plan API' });

/** A plan name longer than this is a mistake in the server's settings, not something to lay out. */
const MAX_PLAN_NAME = 120;

/**
 * `/developer/` and `developer` become `/developer`; `/` and blanks stay `/`. Anything that is not a plain path
 * (a scheme, `//host`, `..`, a query) gives undefined: the router would otherwise resolve links off the site.
 */
export function normalizeBasePath(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === '/') return '/';
  const absolute = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  if (absolute.startsWith('//')) return undefined;
  const path = absolute.replace(/\/+$/, '');
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(path)) return undefined;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  return path;
}

/** A button label longer than this is a mistake in the server's settings. */
const MAX_OIDC_LABEL = 80;

/** `{label}` with a non-blank label of sensible length, else undefined (no button rather than a broken one). */
export function parseMemberOidc(value: unknown): MemberOidcConfig | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const label = (value as Record<string, unknown>).label;
  if (typeof label !== 'string') return undefined;
  const text = label.trim();
  return text !== '' && text.length <= MAX_OIDC_LABEL ? { label: text } : undefined;
}

/**
 * Parses the config element's text. Each field falls back to the default on its own when it is missing or
 * wrong, and text that is not a JSON object gives the defaults: a bad config must never leave a blank page.
 */
export function parseRuntimeConfig(text: string | null | undefined): RuntimeConfig {
  if (text === null || text === undefined || text.trim() === '') return { ...DEFAULT_CONFIG };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_CONFIG };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ...DEFAULT_CONFIG };
  const value = raw as Record<string, unknown>;
  const mode: UiMode = MODES.find((m) => m === value.mode) ?? DEFAULT_CONFIG.mode;
  const basePath =
    (typeof value.basePath === 'string' ? normalizeBasePath(value.basePath) : undefined) ?? DEFAULT_CONFIG.basePath;
  const name = typeof value.planName === 'string' ? value.planName.trim() : '';
  const planName = name !== '' && name.length <= MAX_PLAN_NAME ? name : DEFAULT_CONFIG.planName;
  const memberOidc = parseMemberOidc(value.memberOidc);
  return memberOidc === undefined ? { mode, basePath, planName } : { mode, basePath, planName, memberOidc };
}

/** Reads the config once at start from the page (`document` in the browser). */
export function readRuntimeConfig(doc: Pick<Document, 'getElementById'>): RuntimeConfig {
  return parseRuntimeConfig(doc.getElementById(CONFIG_ELEMENT_ID)?.textContent);
}

/** The address of an app path under the base path, for a full page load (outside the router). */
export function appHref(basePath: string, path: string): string {
  const tail = path.startsWith('/') ? path : `/${path}`;
  return basePath === '/' ? tail : `${basePath}${tail}`;
}
