import { describe } from 'vitest';
import type { FhirStore } from '../port.ts';
import { describeBundles } from './bundle.ts';
import { describeCrud } from './crud.ts';
import { describeSearch } from './search.ts';

/**
 * The contract every FhirStore adapter passes: CRUD, versions, 404/410, history, conditional create,
 * If-Match, batch and transaction Bundles, and search semantics over a fixture set of US Core,
 * CARIN BB and Plan-Net resources. `makeStore` returns a new, empty store each time it is called.
 */
export function runFhirStoreContract(name: string, makeStore: () => Promise<FhirStore>): void {
  describe(`${name} FhirStore contract`, () => {
    describeCrud(makeStore);
    describeBundles(makeStore);
    describeSearch(makeStore);
  });
}
