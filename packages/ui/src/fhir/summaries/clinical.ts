import type { AllergyIntolerance, Condition, Encounter, Immunization, Procedure } from 'fhir/r4';
import { capitalize, conceptCodes, conceptText, conceptsText, detailRows, referenceText } from '../datatypes.ts';
import { formatDate, formatPeriod, formatQuantity, joinParts } from '../format.ts';
import type { ResourceSummary } from '../types.ts';

function texts(values: (string | undefined)[]): string[] {
  return values.filter((v): v is string => v !== undefined);
}

/** Encounter: what kind of visit, when, where and with whom. */
export function summarizeEncounter(encounter: Encounter): ResourceSummary {
  const type = conceptsText(encounter.type);
  const klass = capitalize(encounter.class.display ?? encounter.class.code);
  const where = referenceText(encounter.serviceProvider) ?? referenceText(encounter.location?.[0]?.location);
  const when = formatDate(encounter.period?.start) ?? formatPeriod(encounter.period);
  return {
    title: type ?? (klass === undefined ? 'Encounter' : `${klass} encounter`),
    subtitle: joinParts([klass, when, where]),
    ...(encounter.period?.start !== undefined ? { date: encounter.period.start } : {}),
    rows: detailRows([
      ['Type', encounter.type?.flatMap((t) => conceptCodes(t) ?? [])],
      ['Class', klass],
      ['Status', capitalize(encounter.status)],
      ['Period', formatPeriod(encounter.period)],
      ['Reason', texts((encounter.reasonCode ?? []).map(conceptText))],
      ['Provider', referenceText(encounter.serviceProvider)],
      ['Practitioners', texts((encounter.participant ?? []).map((p) => referenceText(p.individual)))],
      ['Location', texts((encounter.location ?? []).map((l) => referenceText(l.location)))],
      ['Discharge', conceptText(encounter.hospitalization?.dischargeDisposition)],
    ]),
  };
}

/** Condition: the problem with its codes, status and onset. */
export function summarizeCondition(condition: Condition): ResourceSummary {
  const clinical = conceptText(condition.clinicalStatus);
  const verification = conceptText(condition.verificationStatus);
  const onset =
    formatDate(condition.onsetDateTime) ?? formatPeriod(condition.onsetPeriod) ?? condition.onsetString ?? undefined;
  const abated = formatDate(condition.abatementDateTime) ?? formatPeriod(condition.abatementPeriod);
  const date = condition.onsetDateTime ?? condition.onsetPeriod?.start ?? condition.recordedDate;
  return {
    title: conceptText(condition.code) ?? 'Condition',
    subtitle: joinParts([
      clinical,
      verification?.toLowerCase(),
      onset && `onset ${onset}`,
      abated && `resolved ${abated}`,
    ]),
    ...(date !== undefined ? { date } : {}),
    rows: detailRows([
      ['Codes', conceptCodes(condition.code)],
      ['Clinical status', clinical],
      ['Verification', verification],
      ['Category', conceptsText(condition.category)],
      ['Onset', onset],
      ['Resolved', abated],
      ['Recorded', formatDate(condition.recordedDate)],
      ['Recorded by', referenceText(condition.recorder ?? condition.asserter)],
    ]),
  };
}

/** AllergyIntolerance: the substance, status, criticality and reactions. */
export function summarizeAllergyIntolerance(allergy: AllergyIntolerance): ResourceSummary {
  const clinical = conceptText(allergy.clinicalStatus);
  const verification = conceptText(allergy.verificationStatus);
  const reactions = (allergy.reaction ?? []).map((r) =>
    joinParts([conceptsText(r.manifestation), r.severity && `(${r.severity})`], ' '),
  );
  return {
    title: conceptText(allergy.code) ?? 'Allergy',
    subtitle: joinParts([
      clinical,
      verification?.toLowerCase(),
      allergy.criticality && `${allergy.criticality} criticality`,
      formatDate(allergy.recordedDate),
    ]),
    ...(allergy.recordedDate !== undefined ? { date: allergy.recordedDate } : {}),
    rows: detailRows([
      ['Substance', conceptCodes(allergy.code)],
      ['Clinical status', clinical],
      ['Verification', verification],
      ['Type', capitalize(allergy.type)],
      ['Category', allergy.category?.map((c) => capitalize(c) ?? c).join(', ')],
      ['Criticality', capitalize(allergy.criticality)],
      ['Reactions', reactions],
      ['Onset', formatDate(allergy.onsetDateTime)],
      ['Recorded', formatDate(allergy.recordedDate)],
    ]),
  };
}

/** Immunization: the vaccine, when, where and the lot. */
export function summarizeImmunization(immunization: Immunization): ResourceSummary {
  const when = formatDate(immunization.occurrenceDateTime) ?? immunization.occurrenceString;
  const where = referenceText(immunization.location);
  return {
    title: conceptText(immunization.vaccineCode) ?? 'Immunization',
    subtitle: joinParts([when, immunization.status, where]),
    ...(immunization.occurrenceDateTime !== undefined ? { date: immunization.occurrenceDateTime } : {}),
    rows: detailRows([
      ['Vaccine', conceptCodes(immunization.vaccineCode)],
      ['Status', capitalize(immunization.status)],
      ['Given', when],
      ['Location', where],
      ['Performer', texts((immunization.performer ?? []).map((p) => referenceText(p.actor)))],
      ['Lot number', immunization.lotNumber],
      ['Expires', formatDate(immunization.expirationDate)],
      ['Site', conceptText(immunization.site)],
      ['Route', conceptText(immunization.route)],
      ['Dose', formatQuantity(immunization.doseQuantity)],
      ['Not given because', conceptText(immunization.statusReason)],
    ]),
  };
}

/** Procedure: what was done, when and by whom. */
export function summarizeProcedure(procedure: Procedure): ResourceSummary {
  const when = formatDate(procedure.performedDateTime) ?? formatPeriod(procedure.performedPeriod);
  const performer = referenceText(procedure.performer?.[0]?.actor);
  const date = procedure.performedDateTime ?? procedure.performedPeriod?.start;
  return {
    title: conceptText(procedure.code) ?? 'Procedure',
    subtitle: joinParts([when, procedure.status, performer]),
    ...(date !== undefined ? { date } : {}),
    rows: detailRows([
      ['Codes', conceptCodes(procedure.code)],
      ['Status', capitalize(procedure.status)],
      ['Performed', when],
      ['Performer', texts((procedure.performer ?? []).map((p) => referenceText(p.actor)))],
      ['Location', referenceText(procedure.location)],
      [
        'Reason',
        texts([
          ...(procedure.reasonCode ?? []).map(conceptText),
          ...(procedure.reasonReference ?? []).map(referenceText),
        ]),
      ],
      ['Body site', conceptsText(procedure.bodySite)],
      ['Outcome', conceptText(procedure.outcome)],
    ]),
  };
}
