import type { Bundle, FhirResource } from 'fhir/r4';
import { summarize } from './summarize.ts';
import type { ResourceSummary } from './types.ts';

/** A resource of the member's record with its summary. */
export interface RecordItem {
  /** "Type/id", unique within the record. */
  key: string;
  resource: FhirResource;
  summary: ResourceSummary;
  /** Lower-cased type, label, summary and details, for the filter. */
  text: string;
}

/** The resources of one type, newest first. */
export interface RecordGroup {
  type: string;
  /** What the type holds, in plain words ("Claims", "Lab results and vital signs"). */
  label: string;
  items: RecordItem[];
}

/** Plain-words labels for the resource types of a member's record. */
const TYPE_LABELS: Readonly<Record<string, string>> = {
  Patient: 'The member',
  Coverage: 'Health plan coverage',
  ExplanationOfBenefit: 'Claims',
  Encounter: 'Visits',
  Condition: 'Conditions and diagnoses',
  Observation: 'Lab results, vital signs and social history',
  DiagnosticReport: 'Lab reports',
  MedicationRequest: 'Prescriptions',
  MedicationDispense: 'Pharmacy fills',
  Medication: 'Medications',
  AllergyIntolerance: 'Allergies',
  Immunization: 'Immunizations',
  Procedure: 'Procedures',
  DocumentReference: 'Clinical notes',
  CarePlan: 'Care plans',
  CareTeam: 'Care team',
  Goal: 'Goals',
  Device: 'Implanted devices',
  Provenance: 'Where records came from',
};

/** The order types are listed in: the member and coverage first, claims next, then clinical data. */
const TYPE_ORDER = Object.keys(TYPE_LABELS);

/** The plain-words label of a resource type (the type itself when it has none). */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

function typeRank(type: string): number {
  const index = TYPE_ORDER.indexOf(type);
  return index === -1 ? TYPE_ORDER.length : index;
}

// Newest first; undated resources keep their bundle order after the dated ones. FHIR dates compare as text
// only within one zone, so they are compared as instants (date-only values at midnight UTC).
function instant(date: string | undefined): number {
  if (date === undefined) return Number.NEGATIVE_INFINITY;
  const ms = Date.parse(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/**
 * Groups a member's record (the Bundle of GET /api/patients/{id}/data) by resource type: the member, coverage
 * and claims first, then clinical types, then any other type alphabetically; each group newest first.
 */
export function groupRecord(bundle: Bundle): RecordGroup[] {
  const byType = new Map<string, RecordItem[]>();
  for (const [index, entry] of (bundle.entry ?? []).entries()) {
    // A FHIR server's Bundle holds FHIR resources; the Bundle type only promises the base Resource.
    const resource = entry.resource as FhirResource | undefined;
    if (resource === undefined) continue;
    const key = `${resource.resourceType}/${resource.id ?? `#${index}`}`;
    const items = byType.get(resource.resourceType) ?? [];
    const summary = summarize(resource);
    items.push({ key, resource, summary, text: searchText(resource.resourceType, summary) });
    byType.set(resource.resourceType, items);
  }
  return [...byType.entries()]
    .sort(([a], [b]) => typeRank(a) - typeRank(b) || a.localeCompare(b))
    .map(([type, items]) => ({
      type,
      label: typeLabel(type),
      items: items
        .map((item, order) => ({ item, order, at: instant(item.summary.date) }))
        .sort((a, b) => b.at - a.at || a.order - b.order)
        .map(({ item }) => item),
    }));
}

function searchText(type: string, summary: ResourceSummary): string {
  const rows = summary.rows.flatMap((r) => [r.label, ...(Array.isArray(r.value) ? r.value : [r.value])]);
  return [type, typeLabel(type), summary.title, summary.subtitle, ...rows].join('\n').toLowerCase();
}

/**
 * Keeps the resources whose type, title, subtitle or details contain every word of the query (case-insensitive);
 * groups left empty are dropped. An empty query keeps everything.
 */
export function filterRecord(groups: RecordGroup[], query: string): RecordGroup[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return groups;
  return groups
    .map((group) => ({ ...group, items: group.items.filter((item) => words.every((w) => item.text.includes(w))) }))
    .filter((group) => group.items.length > 0);
}
