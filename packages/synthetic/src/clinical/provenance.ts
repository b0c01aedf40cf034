import type { Provenance, ProvenanceAgent, Reference } from 'fhir/r4';
import type { DirectoryRef } from '../model.ts';
import { type ClinicalScope, type Rendered, dirRef, refType, toInstant } from './context.ts';
import { SYSTEM, fixed } from './codes.ts';
import { organizationOf } from './care.ts';
import { PROFILE } from './profiles.ts';

function author(): Provenance['agent'][number]['type'] {
  return fixed(SYSTEM.provenanceParticipant, 'author', 'Author');
}

/** The organization as author, and the clinician as author on its behalf. */
function agents(organization: DirectoryRef, practitioner: DirectoryRef | undefined): ProvenanceAgent[] {
  const out: ProvenanceAgent[] = [{ type: author(), who: dirRef(organization) }];
  if (practitioner && refType(practitioner) === 'Practitioner') {
    out.push({ type: author(), who: dirRef(practitioner), onBehalfOf: dirRef(organization) });
  }
  return out;
}

function provenance(
  scope: ClinicalScope,
  id: string,
  target: Reference[],
  recorded: string,
  agent: ProvenanceAgent[],
): Provenance {
  return {
    resourceType: 'Provenance',
    id,
    meta: scope.meta(PROFILE.provenance, recorded),
    target,
    recorded: toInstant(recorded),
    agent,
  };
}

/**
 * One Provenance per event for the resources recorded there (authored by the treating organization and
 * clinician), and one for the resources that summarize the record (problems, allergies, plans), authored by the
 * primary care practice.
 */
export function renderProvenance(scope: ClinicalScope, rendered: Rendered): void {
  const made: Provenance[] = [];
  const { events } = scope.timeline;
  const indexes = [...rendered.byEvent.keys()].sort((a, b) => a - b);
  for (const index of indexes) {
    const event = events[index];
    const target = rendered.byEvent.get(index);
    if (!event || !target || target.length === 0) continue;
    const id = scope.id('provenance', made.length);
    made.push(provenance(scope, id, target, event.end, agents(event.organization, event.practitioner)));
  }
  if (rendered.record.length > 0) {
    const pcp = scope.timeline.primaryCare;
    const organization = organizationOf(scope, pcp.reference) ?? scope.encounterEvents[0]?.event.organization;
    const agent: ProvenanceAgent[] = organization
      ? agents(organization, pcp)
      : [{ type: author(), who: scope.patient }];
    const id = scope.id('provenance', made.length);
    made.push(provenance(scope, id, [...rendered.record], scope.lastActivity, agent));
  }
  rendered.resources.push(...made);
}
