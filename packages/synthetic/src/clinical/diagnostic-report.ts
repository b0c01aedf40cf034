import type { Attachment, DiagnosticReport, Reference } from 'fhir/r4';
import type { CareEvent, Coded, ObservationEntry, ProcedureEntry } from '../model.ts';
import { type ClinicalScope, type Rendered, dayOf, dirRef, toInstant } from './context.ts';
import { LAB_PANELS, REPORT_KINDS, SYSTEM, concept, fixed } from './codes.ts';
import type { IdPlan } from './plan.ts';
import { PROFILE } from './profiles.ts';

type PanelKey = keyof typeof LAB_PANELS;

function panelOf(code: string): PanelKey | undefined {
  return (Object.keys(LAB_PANELS) as PanelKey[]).find((k) =>
    (LAB_PANELS[k].members as readonly string[]).includes(code),
  );
}

/** CPT panel codes on the claim, which say what was ordered (a comprehensive or a basic metabolic panel). */
const BILLED_PANEL: Readonly<Record<string, PanelKey>> = {
  '80053': 'cmp',
  '80048': 'bmp',
  '80061': 'lipid',
  '85025': 'cbc',
  '85027': 'cbc',
  '81001': 'urinalysis',
  '81003': 'urinalysis',
};

/**
 * The reports an event's lab results make: one per panel ordered (a metabolic panel's analytes together, a
 * lipid panel's together) and one per stand-alone test such as an HbA1c. `billed` are the event's billing
 * codes: a claim for a comprehensive metabolic panel makes its chemistry one CMP report.
 */
export function groupLabs(
  observations: readonly ObservationEntry[],
  billed: readonly string[] = [],
): { code: Coded; members: number[] }[] {
  const ordered = new Set(billed.map((code) => BILLED_PANEL[code]).filter((k) => k !== undefined));
  const keys = observations.map((o) => (o.category === 'laboratory' ? panelOf(o.code.code) : undefined));
  // A comprehensive panel contains the basic one: the basic analytes belong to it when it was run.
  const cmp = keys.includes('cmp') || (ordered.has('cmp') && !ordered.has('bmp'));
  const panelKey = keys.map((k) => (k === 'bmp' && cmp ? 'cmp' : k));
  const size = new Map<PanelKey, number>();
  for (const k of panelKey) if (k) size.set(k, (size.get(k) ?? 0) + 1);

  const groups = new Map<string, { code: Coded; members: number[] }>();
  observations.forEach((o, i) => {
    if (o.category !== 'laboratory') return;
    const k = panelKey[i];
    // A lone analyte is its own test (a glucose alone is not a metabolic panel) unless the claim says otherwise.
    const panel = k && ((size.get(k) ?? 0) > 1 || ordered.has(k)) ? k : undefined;
    const groupKey = panel ?? `test:${o.code.system}|${o.code.code}`;
    const group = groups.get(groupKey);
    if (group) group.members.push(i);
    else groups.set(groupKey, { code: panel ? LAB_PANELS[panel].panel : o.code, members: [i] });
  });
  return [...groups.values()];
}

/** The kind of read report a procedure produces, by its CPT code range. */
export function reportKindOf(procedure: ProcedureEntry): keyof typeof REPORT_KINDS | undefined {
  if (!/^\d{5}$/.test(procedure.billing.code)) return undefined;
  const n = Number(procedure.billing.code);
  if (n >= 70010 && n <= 79999) return 'radiology';
  // A routine ECG is read into a report; echocardiograms are left to their Procedure.
  if (n >= 93000 && n <= 93010) return 'cardiology';
  if (n >= 88300 && n <= 88399) return 'pathology';
  return undefined;
}

/** A plain-text attachment with its content inline. */
export function textAttachment(text: string, title: string, creation: string): Attachment {
  return {
    contentType: 'text/plain',
    language: 'en-US',
    data: Buffer.from(text, 'utf8').toString('base64'),
    title,
    creation,
  };
}

function readReport(event: CareEvent, procedure: ProcedureEntry): string {
  const name = procedure.snomed?.display ?? procedure.billing.display;
  const indication = event.diagnoses[0]?.snomed.display ?? event.encounterType.display;
  return [
    `${name.toUpperCase()}`,
    `Date: ${dayOf(event.start)}`,
    `Indication: ${indication}.`,
    `Reading clinician: ${event.practitioner.display}, ${event.organization.display}.`,
    `Impression: Study completed and reviewed. Findings discussed with the patient and documented in the visit note.`,
  ].join('\n');
}

/** Lab reports for every visit with lab results, and a read report for imaging, ECG and pathology procedures. */
export function renderDiagnosticReports(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  let lab = 0;
  let note = 0;
  for (const { event, index } of scope.encounterEvents) {
    const obsIds = plan.observations.get(index) ?? [];
    const encounterId = plan.encounter.get(index);
    const encounter: Reference | undefined =
      encounterId === undefined ? undefined : { reference: `Encounter/${encounterId}` };
    const common = {
      subject: scope.patient,
      ...(encounter ? { encounter } : {}),
      effectiveDateTime: event.start,
      issued: toInstant(event.end),
    };
    for (const group of groupLabs(
      event.observations,
      event.procedures.map((p) => p.billing.code),
    )) {
      const report: DiagnosticReport = {
        resourceType: 'DiagnosticReport',
        id: scope.id('labReport', lab++),
        meta: scope.meta(PROFILE.labReport, event.end),
        status: 'final',
        category: [fixed(SYSTEM.v2Table0074, 'LAB', 'Laboratory')],
        code: concept(group.code),
        ...common,
        performer: [dirRef(event.organization)],
        result: group.members.flatMap((i) => (obsIds[i] ? [{ reference: `Observation/${obsIds[i]}` }] : [])),
      };
      out.add(report, index);
    }
    for (const procedure of event.procedures) {
      const kind = reportKindOf(procedure);
      if (!kind) continue;
      const { category, code } = REPORT_KINDS[kind];
      const report: DiagnosticReport = {
        resourceType: 'DiagnosticReport',
        id: scope.id('noteReport', note++),
        meta: scope.meta(PROFILE.noteReport, event.end),
        status: 'final',
        category: [concept(category)],
        code: {
          coding: [
            { ...code },
            { system: procedure.billing.system, code: procedure.billing.code, display: procedure.billing.display },
          ],
          text: procedure.billing.display,
        },
        ...common,
        performer: [dirRef(event.practitioner)],
        presentedForm: [textAttachment(readReport(event, procedure), code.display, event.end)],
      };
      out.add(report, index);
    }
  }
}
