import type { Immunization } from 'fhir/r4';
import { type ClinicalScope, type Rendered, addDays, dayOf, dirRef } from './context.ts';
import { SYSTEM, concept, fixed } from './codes.ts';
import type { IdPlan } from './plan.ts';
import { PROFILE } from './profiles.ts';

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** Every vaccine given at any event (pharmacies give vaccines too, without an encounter). */
export function renderImmunizations(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  let n = 0;
  scope.timeline.events.forEach((event, index) => {
    const encounterId = plan.encounter.get(index);
    event.immunizations.forEach((vaccine, i) => {
      const rng = scope.rng(`lot:${event.key}:${i}`);
      const lotNumber = `${rng.pick([...LETTERS])}${rng.pick([...LETTERS])}${rng.int(1000, 9999)}`;
      const immunization: Immunization = {
        resourceType: 'Immunization',
        id: scope.id('immunization', n++),
        meta: scope.meta(PROFILE.immunization, event.end),
        status: 'completed',
        vaccineCode: concept(vaccine),
        patient: scope.patient,
        ...(encounterId !== undefined ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
        occurrenceDateTime: event.start,
        recorded: event.end,
        primarySource: true,
        location: dirRef(event.location),
        lotNumber,
        expirationDate: addDays(dayOf(event.start), rng.int(90, 540)),
        performer: [
          { function: fixed(SYSTEM.v2Table0443, 'AP', 'Administering Provider'), actor: dirRef(event.practitioner) },
        ],
      };
      out.add(immunization, index);
    });
  });
}
