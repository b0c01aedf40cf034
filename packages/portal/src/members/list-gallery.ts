import { z } from 'zod';
import { isObject, notAnObject } from '../shared/errors.ts';
import { parseOrThrow } from '../shared/validation.ts';
import type { MemberContext } from './context.ts';
import { toGalleryApp, type GalleryApp } from './model.ts';

/** The longest search text of the gallery. */
export const MAX_GALLERY_QUERY = 200;

/** Query of GET /api/gallery. */
export interface GalleryQuery {
  /** Matches the app's name, organization and description, case-insensitively. */
  q?: string;
}

const schema = z.object({
  q: z
    .string({ error: 'Search text must be a string.' })
    .trim()
    .max(MAX_GALLERY_QUERY, `Search text must be at most ${MAX_GALLERY_QUERY} characters.`)
    .optional(),
});

/** Parses `{q?}` (a query string: unknown parameters are ignored). */
function parseQuery(query: unknown): string | undefined {
  const body = query === undefined || query === null ? {} : query;
  if (!isObject(body)) throw notAnObject('optional q');
  const { q } = parseOrThrow(schema, body, 'The apps were not listed', (key) => `"${key}" is not a parameter here.`);
  return q === undefined || q === '' ? undefined : q.toLocaleLowerCase('en');
}

/** Sorts apps by name as people read names (case and accents aside), then by client ID. */
export function byName(a: GalleryApp, b: GalleryApp): number {
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.clientId < b.clientId ? -1 : 1);
}

/**
 * The app gallery (GET /api/gallery, public): the published apps, never suspended ones, in name order; `q`
 * keeps the apps whose name, organization or description contains it. `validation_failed` on `q`.
 */
export async function listGallery(ctx: MemberContext, query: unknown): Promise<GalleryApp[]> {
  const q = parseQuery(query);
  const records = await ctx.published.list({ where: { status: 'published' } });
  return records
    .map(toGalleryApp)
    .filter(
      (app) =>
        q === undefined ||
        [app.name, app.organizationName, app.description].some(
          (text) => text !== undefined && text.toLocaleLowerCase('en').includes(q),
        ),
    )
    .sort(byName);
}
