/**
 * Test helper: a stand-in DirectoryHandle (a few practitioners per specialty and a few facilities per kind)
 * that remembers every reference it hands out, so tests can check that rendered references resolve without
 * generating a whole directory.
 */
import type { DirectoryHandle, DirectoryRef } from '../model.ts';

const NUCC = 'http://nucc.org/provider-taxonomy';
const NAMES = ['Dr. Ada Moreno', 'Dr. Ben Whitaker', 'Dr. Chloe Park'];

export interface StandInDirectory {
  handle: DirectoryHandle;
  /** Every `Type/id` the handle has returned (plus the plan and its insurance plans). */
  refs: Set<string>;
}

/** A stand-in directory whose answers depend only on the pick and the specialty or kind asked for. */
export function standInDirectory(): StandInDirectory {
  const refs = new Set<string>();
  const hand = (ref: DirectoryRef): DirectoryRef => {
    refs.add(ref.reference);
    return ref;
  };
  const slot = (pick: () => number): number => Math.min(Math.floor(pick() * NAMES.length), NAMES.length - 1);
  const plan = hand({ reference: 'Organization/sd-plan', display: 'Stand-in Health Plan' });
  const insurancePlans = [hand({ reference: 'InsurancePlan/sd-ip-0', display: 'Stand-in Gold PPO' })];
  const handle: DirectoryHandle = {
    plan,
    insurancePlans,
    practitioner(pick, specialty) {
      const n = slot(pick);
      const code = specialty ?? '207Q00000X';
      return {
        practitioner: hand({
          reference: `Practitioner/sd-pr-${code}-${n}`,
          display: NAMES[n] ?? 'Dr. Stand-in',
          npi: '1234567893',
          specialty: { system: NUCC, code, display: `Specialty ${code}` },
        }),
        organization: hand({ reference: `Organization/sd-org-${code}-${n}`, display: `Practice ${code} ${n}` }),
        location: hand({ reference: `Location/sd-loc-${code}-${n}`, display: `Office ${code} ${n}` }),
      };
    },
    facility(pick, kind) {
      const n = slot(pick);
      return {
        organization: hand({ reference: `Organization/sd-${kind}-${n}`, display: `Stand-in ${kind} ${n}` }),
        location: hand({ reference: `Location/sd-${kind}-loc-${n}`, display: `Stand-in ${kind} site ${n}` }),
      };
    },
  };
  return { handle, refs };
}
