import { fileURLToPath } from 'node:url';
import { loadTerminology, type Terminology } from '../terminology.ts';

/** resources/terminology of this repository (this file is packages/synthetic/src/testing/terminology.ts). */
export function repoTerminologyDir(): string {
  return fileURLToPath(new URL('../../../../resources/terminology', import.meta.url));
}

let loaded: Terminology | undefined;

/** The repository's terminology, loaded once per test file (tests only: the product passes its folder in). */
export function testTerminology(): Terminology {
  loaded ??= loadTerminology(repoTerminologyDir());
  return loaded;
}
