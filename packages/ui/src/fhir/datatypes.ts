import type { Address, CodeableConcept, Coding, ContactPoint, HumanName, Identifier, Reference } from 'fhir/r4';
import type { DetailRow } from './types.ts';

/** Short names of the code systems the sandbox data uses, for "display (system code)" labels. */
const SYSTEM_NAMES: Readonly<Record<string, string>> = {
  'http://loinc.org': 'LOINC',
  'http://snomed.info/sct': 'SNOMED CT',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10-CM',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'http://hl7.org/fhir/sid/ndc': 'NDC',
  'http://hl7.org/fhir/sid/cvx': 'CVX',
  'http://www.ama-assn.org/go/cpt': 'CPT',
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets': 'HCPCS',
  'http://www.ada.org/cdt': 'CDT',
  'https://www.nubc.org/CodeSystem/RevenueCodes': 'Revenue code',
  'http://nucc.org/provider-taxonomy': 'NUCC',
  'http://unitsofmeasure.org': 'UCUM',
};

/** A short name for a code system URL, or undefined for systems people do not recognise by name. */
export function systemName(system: string | undefined): string | undefined {
  return system === undefined ? undefined : SYSTEM_NAMES[system];
}

/** A coding for people: its display, else its code. */
export function codingText(coding: Coding | undefined): string | undefined {
  return coding?.display ?? coding?.code;
}

/**
 * A coding with its code: "Hyperlipidemia (SNOMED CT 55822004)"; the system name is left out when it is not a
 * well-known one, and the parenthesis when there is no display.
 */
export function codingLabel(coding: Coding): string | undefined {
  const name = systemName(coding.system);
  const code = coding.code === undefined ? undefined : name === undefined ? coding.code : `${name} ${coding.code}`;
  if (coding.display === undefined) return code;
  return code === undefined ? coding.display : `${coding.display} (${code})`;
}

/** A CodeableConcept for people: its text, else the first coding's display, else its first code. */
export function conceptText(concept: CodeableConcept | undefined): string | undefined {
  if (concept === undefined) return undefined;
  if (concept.text !== undefined && concept.text !== '') return concept.text;
  const withDisplay = concept.coding?.find((c) => c.display !== undefined);
  return codingText(withDisplay ?? concept.coding?.[0]);
}

/** Several CodeableConcepts as one phrase ("Vital Signs, Laboratory"). */
export function conceptsText(concepts: CodeableConcept[] | undefined): string | undefined {
  const texts = (concepts ?? []).map(conceptText).filter((t): t is string => t !== undefined);
  return texts.length === 0 ? undefined : texts.join(', ');
}

/** Every coding of a concept with its code, one per line; the concept text when it has no codings. */
export function conceptCodes(concept: CodeableConcept | undefined): string[] | undefined {
  const labels = (concept?.coding ?? []).map(codingLabel).filter((l): l is string => l !== undefined);
  if (labels.length > 0) return labels;
  return concept?.text === undefined ? undefined : [concept.text];
}

/** A Reference for people: its display, else the reference ("Practitioner/prac-69"). */
export function referenceText(reference: Reference | undefined): string | undefined {
  return reference?.display ?? reference?.reference ?? reference?.identifier?.value;
}

/** A person's name as written ("Lavonne Grace Bahringer"): the official name when there is one. */
export function humanName(names: HumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (name === undefined) return undefined;
  if (name.text !== undefined && name.text !== '') return name.text;
  const parts = [...(name.prefix ?? []), ...(name.given ?? []), name.family, ...(name.suffix ?? [])];
  const text = parts.filter((p) => p !== undefined && p !== '').join(' ');
  return text === '' ? undefined : text;
}

/** An address on one line ("992 Marlee Plain, Lansing, MI 48910"). */
export function addressText(address: Address | undefined): string | undefined {
  if (address === undefined) return undefined;
  if (address.text !== undefined && address.text !== '') return address.text;
  const region = [address.state, address.postalCode].filter((p) => p !== undefined && p !== '').join(' ');
  const parts = [...(address.line ?? []), address.city, region].filter((p) => p !== undefined && p !== '');
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** The first contact point of a kind ("phone", "email"). */
export function contact(telecom: ContactPoint[] | undefined, system: ContactPoint['system']): string | undefined {
  return telecom?.find((t) => t.system === system)?.value;
}

/** The value of the identifier whose type has the given v2-0203 code (MB = member number), else undefined. */
export function identifierOfType(identifiers: Identifier[] | undefined, code: string): string | undefined {
  return identifiers?.find((i) => i.type?.coding?.some((c) => c.code === code))?.value;
}

/** Builds detail rows, leaving out the facts the resource does not have. */
export function detailRows(entries: readonly [string, string | string[] | undefined][]): DetailRow[] {
  const rows: DetailRow[] = [];
  for (const [label, value] of entries) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    rows.push({ label, value });
  }
  return rows;
}

/** Upper-cases the first letter ("active" → "Active"). */
export function capitalize(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
