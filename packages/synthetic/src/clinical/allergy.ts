import type { AllergyIntolerance } from 'fhir/r4';
import type { AllergyEntry } from '../model.ts';
import { type ClinicalScope, type Rendered, dayOf } from './context.ts';
import { NO_KNOWN_ALLERGY, SYSTEM, concept, fixed } from './codes.ts';
import { PROFILE } from './profiles.ts';

type Category = NonNullable<AllergyIntolerance['category']>[number];

/** The allergy category a substance belongs to, from its code system and name. */
export function allergyCategory(substance: AllergyEntry['substance']): Category | undefined {
  const name = substance.display.toLowerCase();
  if (substance.system === SYSTEM.rxnorm) return 'medication';
  if (/cillin|sulfa|codeine|aspirin|ibuprofen|cephal|morphine|nsaid|drug|medic/.test(name)) return 'medication';
  if (/peanut|egg|milk|shellfish|fish|wheat|soy|nut|sesame|strawberr|food|gluten|lactose/.test(name)) return 'food';
  if (/pollen|dust|mold|mould|dander|latex|venom|grass|ragweed|insect|animal|cat|dog/.test(name)) return 'environment';
  return undefined;
}

function base(scope: ClinicalScope, id: string, recorded: string): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    meta: scope.meta(PROFILE.allergy, recorded),
    clinicalStatus: fixed(SYSTEM.allergyClinical, 'active', 'Active'),
    verificationStatus: fixed(SYSTEM.allergyVerification, 'confirmed', 'Confirmed'),
    patient: scope.patient,
    recordedDate: recorded,
  };
}

/**
 * One AllergyIntolerance per recorded allergy; a member with none has a confirmed "no known allergy" entry,
 * as a clinic records it, so an app can tell "none" from "not asked".
 */
export function renderAllergies(scope: ClinicalScope, out: Rendered): void {
  const { allergies } = scope.timeline;
  if (allergies.length === 0) {
    const firstVisit = scope.encounterEvents[0]?.event.start;
    const recorded = firstVisit ? dayOf(firstVisit) : scope.timeline.coverageStart;
    const none: AllergyIntolerance = {
      ...base(scope, scope.id('allergy', 0), recorded),
      code: concept(NO_KNOWN_ALLERGY),
    };
    out.add(none);
    return;
  }
  allergies.forEach((allergy, i) => {
    const category = allergyCategory(allergy.substance);
    const resource: AllergyIntolerance = {
      ...base(scope, scope.id('allergy', i), allergy.recorded),
      type: 'allergy',
      ...(category ? { category: [category] } : {}),
      criticality: allergy.criticality,
      code: concept(allergy.substance),
      ...(allergy.reaction
        ? {
            reaction: [
              {
                manifestation: [concept(allergy.reaction)],
                severity: allergy.criticality === 'high' ? 'severe' : 'mild',
              },
            ],
          }
        : {}),
    };
    out.add(resource);
  });
}
