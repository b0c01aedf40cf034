import { fileURLToPath } from 'node:url';
import { loadTerminology, type Terminology } from '@plan-api/synthetic';

/** The repository's resources/terminology (benchmarks run from source). */
export const TERMINOLOGY_DIR = fileURLToPath(new URL('../resources/terminology/', import.meta.url));

/** The repository's web UI build (`pnpm build:ui`). */
export const UI_DIR = fileURLToPath(new URL('../packages/ui/dist/', import.meta.url));

/** The code lists, read from the repository. */
export function repoTerminology(): Terminology {
  return loadTerminology(TERMINOLOGY_DIR);
}
