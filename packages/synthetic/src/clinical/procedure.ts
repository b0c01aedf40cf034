import type { Procedure } from 'fhir/r4';
import type { EventKind } from '../model.ts';
import { type ClinicalScope, type Rendered, dirRef } from './context.ts';
import { coding } from './codes.ts';
import { type IdPlan, conditionRefFor } from './plan.ts';
import { PROFILE } from './profiles.ts';

/** Kinds of event whose procedures take the whole stay rather than a moment. */
const SPANNING: readonly EventKind[] = ['inpatient', 'delivery', 'outpatient-surgery'];

/** One Procedure per clinical procedure of a visit (office visit codes are the encounter, not a procedure). */
export function renderProcedures(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  let n = 0;
  for (const { event, index } of scope.encounterEvents) {
    const encounterId = plan.encounter.get(index);
    const principal = event.diagnoses[0];
    for (const entry of event.procedures) {
      if (!entry.clinical) continue;
      const codings = entry.snomed ? [coding(entry.snomed), coding(entry.billing)] : [coding(entry.billing)];
      const procedure: Procedure = {
        resourceType: 'Procedure',
        id: scope.id('procedure', n++),
        meta: scope.meta(PROFILE.procedure, event.end),
        status: 'completed',
        code: { coding: codings, text: (entry.snomed ?? entry.billing).display },
        subject: scope.patient,
        ...(encounterId !== undefined ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
        ...(SPANNING.includes(event.kind)
          ? { performedPeriod: { start: event.start, end: event.end } }
          : { performedDateTime: event.start }),
        performer: [{ actor: dirRef(event.practitioner), onBehalfOf: dirRef(event.organization) }],
        location: dirRef(event.location),
        ...(principal ? { reasonReference: [conditionRefFor(plan, index, 0, principal.key)] } : {}),
      };
      out.add(procedure, index);
    }
  }
}
