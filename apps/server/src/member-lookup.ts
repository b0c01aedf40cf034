import { parseSearch } from '@plan-api/fhir';
import type { SearchRegistry } from '@plan-api/fhir';
import type { MemberLookup } from '@plan-api/portal';
import type { FhirStore } from '@plan-api/store';

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
      const patient = JSON.parse(matches[0].json) as { name?: { given?: string[]; family?: string }[] };
      const name = [patient.name?.[0]?.given?.join(' '), patient.name?.[0]?.family].filter(Boolean).join(' ');
      return { patientId: matches[0].id, name: name || 'Member' };
    },
  };
}
