import { createHash } from 'node:crypto';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createMemoryRecordStore, createMemoryStore, type FhirStore, type RecordStore } from '@plan-api/store';
import { createDirectory, syntheticPatients, type Directory, type Terminology } from '@plan-api/synthetic';
import { testTerminology } from '@plan-api/synthetic/testing';
import { createSandboxPortal, type SandboxPortal } from '../sandbox.ts';
import type { SandboxPortalDeps } from '../context.ts';
import type { RandomBytes } from '../shared/ids.ts';

export const FHIR_BASE = 'http://127.0.0.1:4010/fhir';

/** A clock tests move by hand. */
export interface ManualClock {
  now(): Date;
  advance(seconds: number): void;
}

export function manualClock(start = '2026-07-01T12:00:00.000Z'): ManualClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (seconds) => {
      t += seconds * 1000;
    },
  };
}

/** Deterministic, never-repeating bytes (SHA-256 of a counter), so runs are reproducible. */
export function counterRandom(label = 'test'): RandomBytes {
  let n = 0;
  return (size) => {
    const out = Buffer.alloc(size);
    for (let filled = 0; filled < size; filled += 32) {
      createHash('sha256').update(`${label}:${n++}`).digest().copy(out, filled);
    }
    return out;
  };
}

/** The code lists and a small directory (members generate fast against it), shared by a file's tests. */
export const TEST_TERMINOLOGY: Terminology = testTerminology();
export const TEST_DIRECTORY: Directory = createDirectory({
  seed: 'portal-tests',
  size: 300,
  terminology: TEST_TERMINOLOGY,
});

/** The vendor the tests act as (the single-tenant sandbox's owner). */
export const OWNER = 'sandbox';

export interface TestPortal {
  portal: SandboxPortal;
  fhir: FhirStore;
  records: RecordStore;
  clock: ManualClock;
}

/** A portal over the memory adapters, a small directory, a manual clock and deterministic randomness. */
export function createTestPortal(overrides: Partial<SandboxPortalDeps> = {}): TestPortal {
  const clock = manualClock();
  const fhir = createMemoryStore({ registry: createDefaultRegistry() });
  const records = createMemoryRecordStore();
  const portal = createSandboxPortal({
    records,
    fhir,
    fhirBaseUrl: FHIR_BASE,
    generator: syntheticPatients({ directory: TEST_DIRECTORY.handle, terminology: TEST_TERMINOLOGY }),
    clock,
    random: counterRandom(),
    ...overrides,
  });
  return { portal, fhir, records, clock };
}

/** A valid app body; override fields per test. */
export function appInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Health Wallet',
    oauthType: 'secret',
    redirectUris: ['https://wallet.example.com/callback'],
    launchUrl: 'https://wallet.example.com/launch',
    ...overrides,
  };
}

/** Runs a promise expected to reject and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
