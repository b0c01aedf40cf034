import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `pnpm conformance`: only the checks against a deployed server (public.conformance.ts), one file, in order. */
export default defineConfig({
  root: fileURLToPath(new URL('../../../../../', import.meta.url)),
  test: {
    include: ['apps/server/src/testing/conformance/*.conformance.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Every check by name: the report is the certification checklist.
    reporters: ['verbose'],
  },
});
