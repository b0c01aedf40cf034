/**
 * The normalization FHIR string search compares on: lower case, accents removed, runs of whitespace
 * collapsed to one space, trimmed. Index extraction and search parsing must both use it so that
 * `name=jose` finds `José` and the PostgreSQL adapter can compare normalized columns with LIKE.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
