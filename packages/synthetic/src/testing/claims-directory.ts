/**
 * Test helper: a small stand-in DirectoryHandle, so real scenario timelines can be built without the
 * directory generator. It hands out a few practitioners per specialty, each with a practice and a
 * location, and one facility per kind.
 */
import type { DirectoryHandle, DirectoryRef } from '../model.ts';
import { SYSTEMS, type Terminology } from '../terminology.ts';

const FAMILY_NAMES = ['Alvarez', 'Okafor', 'Chen', 'Novak', 'Patel', 'Brennan', 'Haddad', 'Lindqvist'];

/** A DirectoryHandle over a made-up directory with `perSpecialty` practitioners of each specialty. */
export function standInDirectory(terminology: Terminology, perSpecialty = 3): DirectoryHandle {
  const plan: DirectoryRef = { reference: 'Organization/plan', display: 'Stonebridge Health Plan' };
  return {
    plan,
    insurancePlans: [
      { reference: 'InsurancePlan/ip-0', display: 'Stonebridge Choice PPO' },
      { reference: 'InsurancePlan/ip-1', display: 'Stonebridge Select HMO' },
      { reference: 'InsurancePlan/ip-2', display: 'Stonebridge Saver HDHP' },
    ],
    practitioner(pick, specialty) {
      const code = specialty ?? '207Q00000X';
      const nucc = terminology.has(SYSTEMS.nucc, code) ? terminology.code(SYSTEMS.nucc, code) : undefined;
      const n = Math.min(perSpecialty - 1, Math.floor(pick() * perSpecialty));
      const family = FAMILY_NAMES[(code.length + n) % FAMILY_NAMES.length] ?? 'Smith';
      return {
        practitioner: {
          reference: `Practitioner/pr-${code}-${n}`,
          display: `Dr. ${family}`,
          npi: '1234567893',
          ...(nucc ? { specialty: nucc } : {}),
        },
        organization: {
          reference: `Organization/practice-${code}-${n}`,
          display: `${family} ${nucc?.display ?? 'Medical'} Group`,
        },
        location: { reference: `Location/practice-${code}-${n}`, display: `${family} Clinic` },
      };
    },
    facility(pick, kind) {
      const n = Math.floor(pick() * 2);
      return {
        organization: { reference: `Organization/${kind}-${n}`, display: `Riverside ${kind} ${n + 1}` },
        location: { reference: `Location/${kind}-${n}`, display: `Riverside ${kind} ${n + 1}` },
      };
    },
  };
}
