import type { Request, Response } from 'express';
import { ApiError } from '../errors.ts';
import { queryLimit, queryString } from '../query.ts';
import { accountOf, param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import type { AccessHistoryQuery, GalleryQuery, MemberApi, MemberIdentity } from './port.ts';

/** The most access history entries one page may ask for. */
export const HISTORY_LIMIT_MAX = 100;

/**
 * The signed-in member: the account accountAuth read for this request and the Patient it is bound to. A member
 * account without a Patient has nothing to show (403).
 */
export function memberOf(res: Response): MemberIdentity {
  const account = accountOf(res);
  if (account.kind !== 'member' || account.patientId === undefined || account.patientId === '') {
    throw new ApiError(403, 'forbidden', 'This account is not linked to a member record; contact the plan.');
  }
  return { accountId: account.id, patientId: account.patientId };
}

function galleryQuery(req: Request): GalleryQuery {
  const q = queryString(req, 'q');
  return q !== undefined ? { q } : {};
}

function historyQuery(req: Request): AccessHistoryQuery {
  const clientId = queryString(req, 'clientId');
  const cursor = queryString(req, 'cursor');
  const limit = queryLimit(req, 'limit', HISTORY_LIMIT_MAX);
  return {
    ...(clientId !== undefined ? { clientId } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/**
 * The members' routes: the public gallery (`/gallery`, `/gallery/{clientId}`) and, for the signed-in member
 * (kind `member`), connected apps, revoking one, the access history and My Data below `/account`. Each member
 * route acts for the member of the session only (memberOf): no route takes a patient or account id.
 */
export function memberRoutes(members: MemberApi): ApiRoute[] {
  const routes: Omit<ApiRoute, 'account'>[] = [
    {
      method: 'get',
      path: '/gallery',
      public: true,
      handler: async (req, res) => sendJson(res, 200, { apps: await members.listGallery(galleryQuery(req)) }),
    },
    {
      method: 'get',
      path: '/gallery/{clientId}',
      public: true,
      handler: async (req, res) => sendJson(res, 200, await members.getGalleryApp(param(req, 'clientId'))),
    },
    {
      method: 'get',
      path: '/account/connected-apps',
      handler: async (_req, res) => sendJson(res, 200, { apps: await members.listConnectedApps(memberOf(res)) }),
    },
    {
      method: 'delete',
      path: '/account/connected-apps/{grantId}',
      handler: async (req, res) => {
        await members.revokeConnectedApp(memberOf(res), param(req, 'grantId'));
        res.status(204).set('Cache-Control', 'no-store').end();
      },
    },
    {
      method: 'get',
      path: '/account/access-history',
      handler: async (req, res) => {
        const query = historyQuery(req);
        sendJson(res, 200, await members.listAccessHistory(memberOf(res), query));
      },
    },
    {
      method: 'get',
      path: '/account/my-data',
      handler: async (_req, res) => {
        const bundle = await members.getMyData(memberOf(res));
        res
          .status(200)
          .set({ 'Cache-Control': 'no-store', 'Content-Type': 'application/fhir+json; charset=utf-8' })
          .send(JSON.stringify(bundle));
      },
    },
  ];
  return routes.map((route) => ({ ...route, account: 'member' }));
}
