import type { SearchParamDef } from './types.ts';

/** Looks up search parameters by resource type and code. Immutable once built. */
export class SearchRegistry {
  readonly #byType = new Map<string, Map<string, SearchParamDef>>();
  readonly #common = new Map<string, SearchParamDef>();

  constructor(defs: readonly SearchParamDef[]) {
    for (const def of defs) {
      for (const base of def.base) {
        if (base === 'Resource' || base === 'DomainResource') {
          this.#common.set(def.code, def);
          continue;
        }
        let forType = this.#byType.get(base);
        if (!forType) this.#byType.set(base, (forType = new Map()));
        forType.set(def.code, def);
      }
    }
  }

  /** The resource types that have parameters of their own. */
  get resourceTypes(): string[] {
    return [...this.#byType.keys()].sort();
  }

  /** Whether the registry knows this resource type. */
  hasType(resourceType: string): boolean {
    return this.#byType.has(resourceType);
  }

  /** A parameter of a type (type-specific first, then the common `_id`, `_lastUpdated`, ...). */
  get(resourceType: string, code: string): SearchParamDef | undefined {
    return this.#byType.get(resourceType)?.get(code) ?? this.#common.get(code);
  }

  /** Every parameter of a type, common ones included. */
  forType(resourceType: string): SearchParamDef[] {
    return [...this.#common.values(), ...(this.#byType.get(resourceType)?.values() ?? [])];
  }

  /** The reference parameters of a type (for `_include=Type:*` and compartment checks). */
  referenceParams(resourceType: string): SearchParamDef[] {
    return this.forType(resourceType).filter((p) => p.type === 'reference');
  }
}
