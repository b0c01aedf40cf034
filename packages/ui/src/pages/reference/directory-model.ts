/**
 * The Provider Directory page's model: the public directory's base URL (same origin as the sandbox), the
 * example queries, and what a search answer shows (its total and the first entries' names).
 */

/** The directory's path on the server: public, read-only, no token. */
export const DIRECTORY_PATH = '/directory/fhir';

/** The directory's base URL on an origin ("http://127.0.0.1:4011/directory/fhir"). */
export function directoryBaseUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}${DIRECTORY_PATH}`;
}

const NUCC = 'http://nucc.org/provider-taxonomy';

export interface DirectoryExample {
  id: string;
  title: string;
  /** What it finds, in plain words. */
  description: string;
  /** The search, relative to the base URL (resource type and query). */
  query: string;
}

/** Example searches of the Plan-Net directory, each small (`_count=5`). */
export const DIRECTORY_EXAMPLES: readonly DirectoryExample[] = [
  {
    id: 'practitioner-name',
    title: 'Practitioner by name',
    description: 'Clinicians whose name (given or family) starts with "Jo".',
    query: 'Practitioner?name=Jo&_count=5',
  },
  {
    id: 'organization-name',
    title: 'Organization by name',
    description: 'Practices, hospitals and pharmacies whose name starts with "Columbus".',
    query: 'Organization?name=Columbus&_count=5',
  },
  {
    id: 'location-near',
    title: 'Location near a point',
    description: 'Places of care within 25 km of downtown Columbus, Ohio (latitude|longitude|distance|unit).',
    query: 'Location?near=39.9814|-83.0196|25|km&_count=5',
  },
  {
    id: 'healthcareservice-specialty',
    title: 'HealthcareService by specialty',
    description: 'Services offering Family Medicine (NUCC taxonomy 207Q00000X).',
    query: `HealthcareService?specialty=${NUCC}|207Q00000X&_count=5`,
  },
  {
    id: 'insuranceplan',
    title: 'InsurancePlan',
    description: "The plan's insurance products and their networks.",
    query: 'InsurancePlan?_count=5',
  },
  {
    id: 'practitionerrole-specialty',
    title: 'PractitionerRole by specialty',
    description: 'Roles of practitioners in Internal Medicine (207R00000X), with the practitioner included.',
    query: `PractitionerRole?specialty=${NUCC}|207R00000X&_include=PractitionerRole:practitioner&_count=5`,
  },
];

/** The full URL of an example, with the query's values percent-encoded as a browser or curl sends them. */
export function exampleUrl(baseUrl: string, example: Pick<DirectoryExample, 'query'>): string {
  const [type = '', search = ''] = example.query.split('?');
  const params = new URLSearchParams(search);
  const encoded = params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',');
  return `${baseUrl}/${type}${encoded === '' ? '' : `?${encoded}`}`;
}

/** What the page shows of a search answer. */
export interface SearchSummary {
  /** Bundle.total (matches in all), when the server sent it. */
  total?: number;
  /** The names of the matches on this page (search mode "match"), at most `limit`. */
  names: string[];
  /** Resources on this page that were included (`_include`), not matched. */
  included: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A HumanName as a person reads it: its text, else prefix, given and family names and suffix. */
function humanName(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const name = value.find(isObject);
  if (name === undefined) return undefined;
  const parts = (key: string) => (Array.isArray(name[key]) ? name[key].filter((p) => typeof p === 'string') : []);
  return (
    text(name.text) ??
    text([...parts('prefix'), ...parts('given'), text(name.family) ?? '', ...parts('suffix')].join(' ').trim())
  );
}

/** The display of the first coding of the first CodeableConcept of a list. */
function firstDisplay(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const concept of value.filter(isObject)) {
    const label = text(concept.text);
    if (label !== undefined) return label;
    const codings = Array.isArray(concept.coding) ? concept.coding.filter(isObject) : [];
    for (const coding of codings) {
      const shown = text(coding.display) ?? text(coding.code);
      if (shown !== undefined) return shown;
    }
  }
  return undefined;
}

/** How the page names a directory resource: its name, a practitioner's full name, a role by who and what. */
export function resourceName(resource: unknown): string {
  if (!isObject(resource)) return 'Unknown entry';
  const type = text(resource.resourceType) ?? 'Resource';
  const id = text(resource.id);
  const name = text(resource.name) ?? humanName(resource.name);
  if (name !== undefined) return name;
  if (type === 'PractitionerRole') {
    const who = isObject(resource.practitioner) ? text(resource.practitioner.display) : undefined;
    const what = firstDisplay(resource.specialty) ?? firstDisplay(resource.code);
    const at = isObject(resource.organization) ? text(resource.organization.display) : undefined;
    const label = [who, what].filter((p) => p !== undefined).join(', ');
    if (label !== '') return at !== undefined ? `${label} at ${at}` : label;
  }
  return id !== undefined ? `${type}/${id}` : type;
}

/** The total and the first `limit` names of a search Bundle (included resources are counted, not named). */
export function summarizeBundle(bundle: unknown, limit = 5): SearchSummary {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') throw new Error('The answer is not a FHIR Bundle.');
  const entries = Array.isArray(bundle.entry) ? bundle.entry.filter(isObject) : [];
  const mode = (entry: Json) => (isObject(entry.search) ? entry.search.mode : undefined);
  const matches = entries.filter((entry) => mode(entry) !== 'include' && mode(entry) !== 'outcome');
  return {
    ...(typeof bundle.total === 'number' ? { total: bundle.total } : {}),
    names: matches.slice(0, limit).map((entry) => resourceName(entry.resource)),
    included: entries.filter((entry) => mode(entry) === 'include').length,
  };
}

/** The message of an OperationOutcome answer (its first issue's diagnostics or details), if it is one. */
export function outcomeMessage(body: unknown): string | undefined {
  if (!isObject(body) || body.resourceType !== 'OperationOutcome' || !Array.isArray(body.issue)) return undefined;
  const issue = body.issue.find(isObject);
  if (issue === undefined) return undefined;
  return text(issue.diagnostics) ?? (isObject(issue.details) ? text(issue.details.text) : undefined);
}
