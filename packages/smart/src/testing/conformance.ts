/**
 * Test support: checks of what certification suites (Inferno SMART App Launch 2) look for in a token response,
 * shared by the realms' certification tests. Not part of the package's exports.
 */

/**
 * What is wrong with a token response's `fhirContext` (SMART App Launch 2.1+): when present it is an array of
 * objects, each with a `reference` (relative `Type/id`), a `canonical` (absolute URL, optional `|version`) or an
 * `identifier` (an object with a `value`), and an optional `type` (a resource type name). Empty when absent or
 * well-formed.
 */
export function fhirContextProblems(body: Record<string, unknown>): string[] {
  if (!('fhirContext' in body)) return [];
  const context = body.fhirContext;
  if (!Array.isArray(context)) return ['fhirContext is not an array'];
  return context.flatMap((item: unknown, index): string[] => {
    const at = `fhirContext[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [`${at} is not an object`];
    const { reference, canonical, identifier, type } = item as Record<string, unknown>;
    const problems: string[] = [];
    if (reference === undefined && canonical === undefined && identifier === undefined) {
      problems.push(`${at} has none of reference, canonical, identifier`);
    }
    if (
      reference !== undefined &&
      (typeof reference !== 'string' || !/^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(reference))
    ) {
      problems.push(`${at}.reference is not a relative Type/id reference`);
    }
    if (canonical !== undefined && (typeof canonical !== 'string' || !/^https?:\/\/\S+$/.test(canonical))) {
      problems.push(`${at}.canonical is not an absolute URL`);
    }
    if (
      identifier !== undefined &&
      (typeof identifier !== 'object' ||
        identifier === null ||
        typeof (identifier as { value?: unknown }).value !== 'string')
    ) {
      problems.push(`${at}.identifier is not an Identifier with a value`);
    }
    if (type !== undefined && (typeof type !== 'string' || !/^[A-Z][A-Za-z]+$/.test(type))) {
      problems.push(`${at}.type is not a resource type`);
    }
    return problems;
  });
}
