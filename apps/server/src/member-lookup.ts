import { parseSearch } from '@plan-api/fhir';
import type { SearchRegistry } from '@plan-api/fhir';
import type { MemberLookup } from '@plan-api/portal';
import type { FhirStore } from '@plan-api/store';

/** The name of a stored Patient as a person reads it ("Ava Okafor"), or '' when it has none. */
export function patientName(json: string): string {
  const official = (JSON.parse(json) as { name?: { given?: string[]; family?: string }[] }).name?.[0];
  return [official?.given?.join(' '), official?.family].filter(Boolean).join(' ');
}

/**
 * Self-registration's lookup in the plan's own records: the Patient whose identifier is the member ID and whose
 * birth date is the one given (a member ID alone never matches). Two Patients matching is treated as no match: the
 * plan must fix its data before such a member can register.
 */
export function memberLookup(fhir: FhirStore, registry: SearchRegistry): MemberLookup {
  return {
    async find(memberId, birthDate) {
      const request = parseSearch(
        'Patient',
        [
          ['identifier', memberId.replaceAll('\\', '\\\\').replaceAll(',', '\\,').replaceAll('|', '\\|')],
          ['birthdate', `eq${birthDate}`],
          ['_count', '2'],
          ['_total', 'none'],
        ],
        registry,
        { defaultCount: 2, maxCount: 2, strict: true },
      );
      const { matches } = await fhir.search(request);
      if (matches.length !== 1 || matches[0] === undefined) return undefined;
      return { patientId: matches[0].id, name: patientName(matches[0].json) || 'Member' };
    },
  };
}
