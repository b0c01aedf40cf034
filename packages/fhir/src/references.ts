const LITERAL = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * The relative literal references (`Type/id`) anywhere in a parsed resource: every `reference` string of a
 * Reference, in document order. Absolute, contained (`#x`) and versioned references are left out.
 */
export function literalReferences(resource: unknown): [type: string, id: string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') {
        const match = LITERAL.exec(child);
        if (match) out.push([match[1]!, match[2]!]);
      } else {
        walk(child);
      }
    }
  };
  walk(resource);
  return out;
}
