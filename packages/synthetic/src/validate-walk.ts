import { evalFhirPath, tryGetDataType, type InternalSchemaElement, type InternalTypeSchema } from '@medplum/core';
import type { ValueSetLookup } from './validate-terminology.ts';

/** One problem found in a resource: where (FHIRPath-like) and what. */
export interface ValidationIssue {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitiveType = (code: string): boolean => /^[a-z]/.test(code);

/** Element and type of a JSON property, resolving choice elements (`valueQuantity` -> `value[x]`, Quantity). */
function elementOf(
  schema: InternalTypeSchema,
  key: string,
): { element: InternalSchemaElement; type: string } | undefined {
  const direct = schema.elements[key];
  if (direct) return { element: direct, type: direct.type[0]?.code ?? '' };
  for (const [name, element] of Object.entries(schema.elements)) {
    if (!name.endsWith('[x]')) continue;
    const base = name.slice(0, -3);
    if (!key.startsWith(base)) continue;
    const suffix = key.slice(base.length);
    const type = element.type.find((t) => t.code.toLowerCase() === suffix.toLowerCase());
    if (type) return { element, type: type.code };
  }
  return undefined;
}

/**
 * What medplum's validator leaves out, checked by walking the resource along the R4 type schemas medplum
 * has loaded: the invariants of data types (qty-3, cpt-2, per-1, ...: medplum checks only the
 * constraints listed on a resource's own elements), empty strings (FHIR forbids them; medplum flags only blank ones), and codes
 * of required bindings (medplum checks no terminology).
 */
export class SchemaWalker {
  readonly #valueSets: ValueSetLookup;

  constructor(valueSets: ValueSetLookup) {
    this.#valueSets = valueSets;
  }

  /** Issues of one resource (its contained resources included). */
  walk(resource: { resourceType: string }): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    this.#visit(resource as unknown as Json, resource.resourceType, resource.resourceType, issues);
    return issues;
  }

  #visit(value: Json, typeName: string, path: string, issues: ValidationIssue[]): void {
    const schema = tryGetDataType(typeName);
    if (!schema) return;
    if (schema.kind === 'complex-type') this.#invariants(schema, value, path, issues);
    for (const [key, child] of Object.entries(value)) {
      if (key === 'resourceType' || key.startsWith('_')) continue;
      const found = elementOf(schema, key);
      if (!found) continue; // medplum reports unknown properties
      const items = Array.isArray(child) ? child : [child];
      items.forEach((item: unknown, i) => {
        const at = Array.isArray(child) ? `${path}.${key}[${i}]` : `${path}.${key}`;
        this.#item(item, found.element, found.type, at, issues);
      });
    }
  }

  #item(item: unknown, element: InternalSchemaElement, type: string, at: string, issues: ValidationIssue[]): void {
    if (item === '') {
      issues.push({ path: at, message: 'empty string (FHIR strings must have content)' });
      return;
    }
    const required = element.binding?.strength === 'required' ? element.binding.valueSet : undefined;
    if (required) this.#binding(item, type, required, at, issues);
    if (!isObject(item) || isPrimitiveType(type)) return;
    const itemType = type === 'Resource' && typeof item.resourceType === 'string' ? item.resourceType : type;
    this.#visit(item, itemType, at, issues);
  }

  #invariants(schema: InternalTypeSchema, value: Json, path: string, issues: ValidationIssue[]): void {
    for (const c of schema.constraints ?? []) {
      // ele-1 medplum checks; invariants on %resource need the whole resource as context (ref-1).
      if (c.severity !== 'error' || c.key === 'ele-1' || c.expression.includes('%')) continue;
      let ok = true;
      try {
        ok = evalFhirPath(c.expression, value)[0] !== false;
      } catch {
        continue;
      }
      if (!ok) issues.push({ path, message: `constraint ${c.key} not met: ${c.description}` });
    }
  }

  #binding(item: unknown, type: string, valueSet: string, at: string, issues: ValidationIssue[]): void {
    const codes = this.#valueSets(valueSet);
    if (!codes) return;
    const vs = valueSet.split('|')[0] ?? valueSet;
    const codings: { system?: unknown; code?: unknown }[] = [];
    if (type === 'code' && typeof item === 'string') {
      if (![...codes].some((c) => c.endsWith(`|${item}`))) {
        issues.push({ path: at, message: `code "${item}" is not in the required value set ${vs}` });
      }
      return;
    }
    if (type === 'Coding' && isObject(item)) codings.push(item);
    if (type === 'CodeableConcept' && isObject(item) && Array.isArray(item.coding)) codings.push(...item.coding);
    if (codings.length === 0) return;
    if (!codings.some((c) => codes.has(`${String(c.system)}|${String(c.code)}`))) {
      const shown = codings.map((c) => `${String(c.system)}|${String(c.code)}`).join(', ');
      issues.push({ path: at, message: `${shown} is not in the required value set ${vs}` });
    }
  }
}
