import type { ApiRouteSet } from '../router.ts';
import { memberOperations, memberSchemas } from './openapi.ts';
import { memberRoutes } from './routes.ts';
import type { MemberApi } from './port.ts';

export type {
  AccessHistoryEntry,
  AccessHistoryPage,
  AccessHistoryQuery,
  ConnectedApp,
  GalleryApp,
  GalleryQuery,
  MemberApi,
  MemberIdentity,
  PrivacyStatement,
} from './port.ts';
export { memberOf } from './routes.ts';

/**
 * The members' routes: the public gallery, and connected apps, access history and My Data below `/account` (kind
 * `member`: createApi needs `authenticate.member`, and the member accountRouteSet for sign-in, registration and
 * the `memberSession` security scheme).
 */
export function memberRouteSet(members: MemberApi): ApiRouteSet {
  return { routes: memberRoutes(members), operations: memberOperations, schemas: memberSchemas, account: 'member' };
}
