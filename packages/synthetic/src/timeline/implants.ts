/**
 * The implanted devices members carry. US Core's Device profile is for implants, so each scenario gives its
 * members one that fits their age and story: an IUD placed at a visit, a dental implant, or a device placed
 * before the record began (a coronary stent, a knee replacement), which the record carries without a UDI as
 * US Core allows for historical implants.
 */
import { SYSTEMS } from '../terminology.ts';
import type { Provider, TimelineBuilder } from './builder.ts';
import { addDays, weekdayOnOrAfter } from './dates.ts';
import type { EventDraft } from './events.ts';
import { draft } from './events.ts';
import { SPECIALTY } from './specialties.ts';

/** SNOMED CT device types (physical objects) of the implants below. */
export const DEVICE = {
  iud: '268460000',
  coronaryStent: '705643001',
  kneeProsthesis: '109228008',
  dentalImplant: '272307009',
  implant: '40388003',
} as const;

/**
 * A levonorgestrel IUD placed at a visit (a well-woman visit or the postpartum visit): the insertion and
 * the device are billed on the visit's claim, and the member has the device from that day.
 */
export function placeIud(b: TimelineBuilder, d: EventDraft): EventDraft {
  d.dx('Z30.430').cpt('58300', { snomed: '65200003', clinical: true }).bill(SYSTEMS.hcpcs, 'J7298');
  if (b.covers(d.date))
    b.devices.push({
      type: b.code(SYSTEMS.snomed, DEVICE.iud),
      text: 'Levonorgestrel-releasing IUD',
      implanted: d.date,
    });
  return d;
}

/** A missing molar replaced with an endosseous implant at the member's dentist (a major service on an oral claim). */
export function dentalImplant(b: TimelineBuilder): void {
  const r = b.rng.fork('dental-implant');
  const dentist = b.provider('dentist', SPECIALTY.generalDentist);
  const date = weekdayOnOrAfter(addDays(b.coverageStart, r.int(60, 1500)));
  const tooth = r.pick(['lower left first molar', 'lower right first molar', 'upper right first molar']);
  const event = draft(b, {
    label: 'dental-implant',
    kind: 'dental',
    claim: 'oral',
    date,
    provider: dentist,
    encounterType: '34043003',
    minutes: 90,
  })
    .bill(SYSTEMS.cdt, 'D6010', { clinical: true })
    .note(
      `Surgical placement of an endosseous implant to replace the missing ${tooth}. Good primary stability; healing abutment placed. Crown to follow after osseointegration.`,
    )
    .finish();
  if (event)
    b.devices.push({
      type: b.code(SYSTEMS.snomed, DEVICE.dentalImplant),
      text: `Endosseous dental implant, ${tooth}`,
      implanted: date,
    });
}

/**
 * Coronary artery disease treated with a stent years before the record: the problem list carries the
 * disease and the record the stent (no UDI: it was placed elsewhere, before the member joined the plan).
 */
export function priorCoronaryStent(b: TimelineBuilder): void {
  const r = b.rng.fork('prior-stent');
  const implanted = addDays(b.windowStart, -r.int(400, 3000));
  b.condition('I25.10', implanted);
  b.devices.push({
    type: b.code(SYSTEMS.snomed, DEVICE.coronaryStent),
    text: 'Drug-eluting coronary artery stent',
    implanted,
  });
}

/** A total knee replacement years before the record, on the knee whose arthritis it treated. */
export function priorKneeReplacement(b: TimelineBuilder, side: 'right' | 'left'): void {
  const r = b.rng.fork('prior-knee');
  b.devices.push({
    type: b.code(SYSTEMS.snomed, DEVICE.kneeProsthesis),
    text: `Total knee prosthesis, ${side} knee`,
    implanted: addDays(b.windowStart, -r.int(200, 2500)),
  });
}

/**
 * Tympanostomy tubes, placed by otolaryngologist `ent` at the hospital's outpatient surgery after recurrent
 * ear infections, or (without `ent`) before the record, with no claim. The device is coded as the SNOMED CT
 * "Implant" it is, named in the text: the terminology files hold no narrower concept for the tube. Tubes
 * extrude within a year or two, so older ones are inactive. Returns whether the member has them.
 */
export function tympanostomyTubes(b: TimelineBuilder, date: string, ent: Provider | undefined): boolean {
  if (ent) {
    const event = draft(b, {
      label: 'ear-tubes',
      kind: 'outpatient-surgery',
      claim: 'outpatient-institutional',
      date,
      provider: b.facility('hospital', ent),
      encounterType: '11429006',
      minutes: 60,
    })
      .dx('H66.93')
      .cpt('69436', { clinical: true })
      .note(
        'Bilateral myringotomy with tympanostomy tube placement under general anesthesia for recurrent acute otitis media (three episodes in six months). Middle ear effusion suctioned; no complications.',
      )
      .finish();
    if (!event) return false;
  }
  const extruded = addDays(date, 540) < b.asOf;
  b.devices.push({
    type: b.code(SYSTEMS.snomed, DEVICE.implant),
    text: 'Tympanostomy tubes, bilateral',
    implanted: date,
    ...(extruded ? { status: 'inactive' as const } : {}),
  });
  return true;
}
