import type { CarePlan, CareTeam, CareTeamParticipant, CodeableConcept, Goal, Quantity, Reference } from 'fhir/r4';
import type { DirectoryRef, EventKind, GoalEntry } from '../model.ts';
import { type ClinicalScope, type Rendered, dayOf, dirRef, refType } from './context.ts';
import { CARE_TEAM_ROLE, SYSTEM, coding, concept, fixed } from './codes.ts';
import { shortName, unitText } from './note.ts';
import type { IdPlan } from './plan.ts';
import { PROFILE } from './profiles.ts';

const HEALTHCARE_PROFESSIONAL = { system: SYSTEM.snomed, code: '223366009', display: 'Healthcare professional' };
/** Visits whose clinician becomes part of the member's standing care team (not the ED, a lab or a hospitalist). */
const TEAM_VISITS: readonly EventKind[] = ['office', 'wellness', 'prenatal', 'delivery'];
const MAX_SPECIALISTS = 4;

/** NUCC physician taxonomies are the "Allopathic & Osteopathic Physicians" group, codes 20xxxxxxxX. */
function isPhysician(ref: DirectoryRef): boolean {
  return ref.specialty === undefined || ref.specialty.code.startsWith('20');
}

/** A care-team role: the SNOMED CT function, plus the NUCC specialty when the directory gives one. */
function role(ref: DirectoryRef, primary: boolean): CodeableConcept {
  const snomed = isPhysician(ref)
    ? primary
      ? CARE_TEAM_ROLE.primaryCare
      : CARE_TEAM_ROLE.physician
    : HEALTHCARE_PROFESSIONAL;
  const codings = [coding(snomed), ...(ref.specialty ? [coding(ref.specialty)] : [])];
  return { coding: codings, text: ref.specialty?.display ?? snomed.display };
}

/** The organization a practitioner was seen at most recently. */
export function organizationOf(scope: ClinicalScope, practitioner: string): DirectoryRef | undefined {
  let found: DirectoryRef | undefined;
  for (const { event } of scope.encounterEvents) {
    if (event.practitioner.reference === practitioner) found = event.organization;
  }
  return found;
}

/** The specialists the member keeps seeing, most-seen first. */
function specialists(scope: ClinicalScope): DirectoryRef[] {
  const pcp = scope.timeline.primaryCare.reference;
  const seen = new Map<string, { ref: DirectoryRef; visits: number; first: number }>();
  scope.encounterEvents.forEach(({ event }, i) => {
    const ref = event.practitioner;
    if (!TEAM_VISITS.includes(event.kind) || ref.reference === pcp || refType(ref) !== 'Practitioner') return;
    const entry = seen.get(ref.reference);
    if (entry) entry.visits++;
    else seen.set(ref.reference, { ref, visits: 1, first: i });
  });
  return [...seen.values()]
    .sort((a, b) => b.visits - a.visits || a.first - b.first)
    .slice(0, MAX_SPECIALISTS)
    .map((s) => s.ref);
}

function member(scope: ClinicalScope, ref: DirectoryRef, primary: boolean): CareTeamParticipant {
  const organization = organizationOf(scope, ref.reference);
  return {
    role: [role(ref, primary)],
    member: dirRef(ref),
    ...(organization && refType(ref) === 'Practitioner' ? { onBehalfOf: dirRef(organization) } : {}),
  };
}

/** The member's care team: the member, the primary care clinician and the specialists they see. */
export function renderCareTeam(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  const { timeline } = scope;
  const pcp = timeline.primaryCare;
  const pcpOrganization = organizationOf(scope, pcp.reference);
  const firstVisit = scope.encounterEvents[0]?.event.start;
  const team: CareTeam = {
    resourceType: 'CareTeam',
    id: plan.careTeam,
    meta: scope.meta(PROFILE.careTeam, scope.lastActivity),
    status: 'active',
    name: `Care team of ${scope.patient.display ?? 'the member'}`,
    subject: scope.patient,
    period: { start: firstVisit ? dayOf(firstVisit) : timeline.coverageStart },
    participant: [
      { role: [concept(CARE_TEAM_ROLE.patient)], member: scope.patient },
      member(scope, pcp, true),
      ...specialists(scope).map((s) => member(scope, s, false)),
    ],
    ...(pcpOrganization ? { managingOrganization: [dirRef(pcpOrganization)] } : {}),
  };
  out.add(team);
}

type CareGoal = GoalEntry;

/** A measurable target ("< 7.0 %"): comparator, value and UCUM unit. */
export function parseTarget(target: string): Quantity | undefined {
  const m = /^(<=|>=|<|>)?\s*(\d+(?:\.\d+)?)\s*(\S+)$/.exec(target.trim());
  if (!m?.[2] || !m[3]) return undefined;
  const comparator = m[1] as Quantity['comparator'] | undefined;
  return {
    ...(comparator ? { comparator } : {}),
    value: Number(m[2]),
    unit: unitText(m[3]),
    system: SYSTEM.ucum,
    code: m[3],
  };
}

/**
 * What the goal is, in words ("Hemoglobin A1c < 7.0 %"). A goal on a measurement keeps the measurement's
 * code for its target; a goal coded in SNOMED CT keeps its code here.
 */
export function goalDescription(goal: CareGoal): CodeableConcept {
  const what = goal.description.system === SYSTEM.loinc ? shortName(goal.description) : goal.description.display;
  const target = goal.target ? parseTarget(goal.target) : undefined;
  const words = (t: string): string => `: ${t.charAt(0).toLowerCase()}${t.slice(1)}`;
  const how =
    goal.target === undefined ? '' : target ? ` ${goal.target.replace(/\S+$/, target.unit ?? '')}` : words(goal.target);
  const text = `${what}${how}`.replace(/\s+$/, '');
  return goal.description.system === SYSTEM.snomed ? { coding: [coding(goal.description)], text } : { text };
}

/** The target: the measure and value when the goal is on a measurement, and the due date. */
function goalTarget(goal: CareGoal): Pick<Goal, 'target'> {
  const measured = goal.description.system === SYSTEM.loinc;
  const detail = measured && goal.target ? parseTarget(goal.target) : undefined;
  if (!measured && !goal.due) return {};
  return {
    target: [
      {
        ...(measured ? { measure: concept(goal.description) } : {}),
        ...(detail ? { detailQuantity: detail } : {}),
        ...(goal.due ? { dueDate: goal.due } : {}),
      },
    ],
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The problems a plan addresses: those current while it runs (all still-active ones for an ongoing plan). */
function addressedProblems(scope: ClinicalScope, plan: IdPlan, period: { start: string; end?: string } | undefined) {
  const end = period?.end;
  return plan.problems.filter(({ entry }) =>
    end === undefined
      ? entry.abatement === undefined || dayOf(entry.abatement) > scope.asOf
      : entry.onset <= end && (entry.abatement === undefined || dayOf(entry.abatement) >= (period?.start ?? end)),
  );
}

/** The care plan (chronic care, pregnancy or preventive care), with its goals and a generated narrative. */
export function renderCarePlan(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  const carePlan = scope.timeline.carePlan;
  if (!carePlan || plan.carePlan === undefined) return;
  const active = addressedProblems(scope, plan, carePlan.period);
  const onset = active.map(({ entry }) => entry.onset).sort()[0] ?? scope.timeline.coverageStart;
  const from = onset > scope.timeline.coverageStart ? onset : scope.timeline.coverageStart;
  const visit = scope.encounterEvents.find(({ event }) => dayOf(event.start) >= from);
  const start = carePlan.period?.start ?? (visit ? dayOf(visit.event.start) : from);
  const end = carePlan.period?.end;
  const completed = carePlan.status === 'completed';
  const addresses: Reference[] = active.map(({ entry, id }) => ({
    reference: `Condition/${id}`,
    display: entry.snomed.display,
  }));
  const pcp = scope.timeline.primaryCare;
  const expressedBy = refType(pcp) === 'Practitioner' ? { expressedBy: dirRef(pcp) } : {};

  carePlan.goals.forEach((goal, i) => {
    const id = plan.goals[i];
    if (id === undefined) return;
    const resource: Goal = {
      resourceType: 'Goal',
      id,
      meta: scope.meta(PROFILE.goal, end ?? start),
      lifecycleStatus: goal.status ?? (completed ? 'completed' : 'active'),
      description: goalDescription(goal),
      subject: scope.patient,
      startDate: start,
      ...goalTarget(goal),
      ...expressedBy,
    };
    out.add(resource);
  });

  const goalLines = carePlan.goals.map((g) => `<li>${escapeXml(goalDescription(g).text ?? '')}</li>`);
  const when = end ? `From ${start} to ${end}.` : `Active since ${start}.`;
  const div =
    `<div xmlns="http://www.w3.org/1999/xhtml"><p><b>${escapeXml(carePlan.title)}</b></p>` +
    `<p>${when} Addresses: ${escapeXml(addresses.map((a) => a.display).join(', ') || 'general health')}.</p>` +
    (goalLines.length > 0 ? `<p>Goals:</p><ul>${goalLines.join('')}</ul>` : '') +
    `</div>`;
  const resource: CarePlan = {
    resourceType: 'CarePlan',
    id: plan.carePlan,
    meta: scope.meta(PROFILE.carePlan, end ?? scope.lastActivity),
    text: { status: 'generated', div },
    status: completed ? 'completed' : 'active',
    intent: 'plan',
    category: [
      fixed(SYSTEM.carePlanCategory, 'assess-plan', 'Assessment and Plan of Treatment'),
      ...(carePlan.category ? [concept(carePlan.category)] : []),
    ],
    title: carePlan.title,
    subject: scope.patient,
    period: { start, ...(end ? { end } : {}) },
    created: start,
    ...(refType(pcp) === 'Practitioner' ? { author: dirRef(pcp) } : {}),
    careTeam: [{ reference: `CareTeam/${plan.careTeam}` }],
    ...(addresses.length > 0 ? { addresses } : {}),
    ...(plan.goals.length > 0 ? { goal: plan.goals.map((id) => ({ reference: `Goal/${id}` })) } : {}),
  };
  out.add(resource);
}
