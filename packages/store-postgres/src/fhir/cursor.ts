import { badRequest } from '@plan-api/fhir';

/** A keyset position: the sort keys of the last match of a page, then its id. */
export interface Position {
  keys: (string | number | null)[];
  id: string;
}

/** The opaque `_cursor` text of a position (base64url JSON, so it survives a query string unescaped). */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([...position.keys, position.id])).toString('base64url');
}

/** Reads a cursor made by encodeCursor for a search with `sortCount` sort keys; a 400 when it is not one. */
export function decodeCursor(cursor: string, sortCount: number): Position {
  const invalid = () =>
    badRequest(`Invalid _cursor=${cursor}: use the next link of a search with the same parameters`, ['_cursor']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== sortCount + 1) throw invalid();
  const id: unknown = parsed[sortCount];
  const keys = parsed.slice(0, sortCount) as unknown[];
  if (typeof id !== 'string' || !keys.every((k) => k === null || typeof k === 'string' || typeof k === 'number')) {
    throw invalid();
  }
  return { keys: keys as Position['keys'], id };
}
