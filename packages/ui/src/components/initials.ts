/**
 * Initials for an avatar without a logo or photo: the first letters of the first two words that have a letter or
 * digit ("Acme Health" -> "AH", "(Beta) tool" -> "BT"); "?" when there are none.
 */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = words.slice(0, 2).map((w) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}
