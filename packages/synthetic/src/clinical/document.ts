import type { DocumentReference } from 'fhir/r4';
import { type ClinicalScope, type Rendered, dayOf, dirRef, toInstant } from './context.ts';
import { SYSTEM, concept, fixed } from './codes.ts';
import { textAttachment } from './diagnostic-report.ts';
import { noteText, noteType } from './note.ts';
import type { IdPlan } from './plan.ts';
import { PROFILE } from './profiles.ts';

/** One clinical note (DocumentReference with the text inline) per visit the timeline wrote a note for. */
export function renderDocuments(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  let n = 0;
  for (const { event, index } of scope.encounterEvents) {
    if (event.note === undefined) continue;
    const type = noteType(event.kind);
    const encounterId = plan.encounter.get(index);
    const title = `${type.display} - ${dayOf(event.start)}`;
    const document: DocumentReference = {
      resourceType: 'DocumentReference',
      id: scope.id('document', n++),
      meta: scope.meta(PROFILE.document, event.end),
      identifier: [{ system: SYSTEM.uri, value: scope.urn(`document:${event.key}`) }],
      status: 'current',
      docStatus: 'final',
      type: concept(type),
      category: [fixed(SYSTEM.docCategory, 'clinical-note', 'Clinical Note')],
      subject: scope.patient,
      date: toInstant(event.end),
      author: [dirRef(event.practitioner)],
      custodian: dirRef(event.organization),
      description: title,
      content: [
        {
          attachment: textAttachment(noteText(scope.timeline, event), title, event.end),
          format: {
            system: SYSTEM.formatCode,
            code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient',
            display: 'mimeType Sufficient',
          },
        },
      ],
      context: {
        ...(encounterId !== undefined ? { encounter: [{ reference: `Encounter/${encounterId}` }] } : {}),
        period: { start: event.start, end: event.end },
      },
    };
    out.add(document, index);
  }
}
