import type { DirectoryHandle, DirectoryRef } from '../model.ts';

/**
 * A small directory for timeline tests: ten practitioners per specialty, a few facilities of each kind.
 * It records the specialties asked for so tests can check them.
 */
export function testDirectory(): DirectoryHandle & { asked: Set<string> } {
  const asked = new Set<string>();
  const ref = (reference: string, display: string, extra: Partial<DirectoryRef> = {}): DirectoryRef => ({
    reference,
    display,
    ...extra,
  });
  return {
    asked,
    plan: ref('Organization/test-plan', 'Test Health Plan'),
    insurancePlans: [ref('InsurancePlan/test-hmo', 'Test HMO'), ref('InsurancePlan/test-ppo', 'Test PPO')],
    practitioner(pick, specialty = 'any') {
      asked.add(specialty);
      const n = Math.floor(pick() * 10);
      return {
        practitioner: ref(`Practitioner/test-${specialty}-${n}`, `Dr. Test ${specialty} ${n}`, {
          npi: `1${String(n).padStart(9, '0')}`,
        }),
        organization: ref(`Organization/test-group-${specialty}`, `Test group ${specialty}`),
        location: ref(`Location/test-office-${specialty}`, `Test office ${specialty}`),
      };
    },
    facility(pick, kind) {
      const n = Math.floor(pick() * 3);
      return {
        organization: ref(`Organization/test-${kind}-${n}`, `Test ${kind} ${n}`),
        location: ref(`Location/test-${kind}-${n}`, `Test ${kind} location ${n}`),
      };
    },
  };
}
