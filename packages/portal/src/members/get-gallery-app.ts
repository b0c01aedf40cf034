import { notFound } from '../shared/errors.ts';
import type { MemberContext } from './context.ts';
import { toGalleryApp, type GalleryApp } from './model.ts';

/**
 * An app of the gallery (GET /api/gallery/{clientId}, public). `not_found` for an app that was never published
 * or is suspended: members are not offered it.
 */
export async function getGalleryApp(ctx: MemberContext, clientId: string): Promise<GalleryApp> {
  const record = await ctx.published.get(clientId);
  if (record?.status !== 'published') {
    throw notFound(
      'app of the gallery',
      clientId,
      'It is not offered to members: open the gallery for the apps that are.',
    );
  }
  return toGalleryApp(record);
}
