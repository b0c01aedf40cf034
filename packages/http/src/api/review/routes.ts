import type { Request, Response } from 'express';
import { queryString } from '../query.ts';
import { accountOf, param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import type { Reviewer, ReviewApi, ReviewListQuery } from './port.ts';

/** `status` and `q` of a list's query string (each given once; the portal validates their values). */
function listQuery(req: Request): ReviewListQuery {
  const status = queryString(req, 'status');
  const q = queryString(req, 'q');
  return { ...(status !== undefined ? { status } : {}), ...(q !== undefined ? { q } : {}) };
}

/** The signed-in reviewer, as the review portal records them. */
function reviewer(res: Response): Reviewer {
  const { id, email } = accountOf(res);
  return { id, email };
}

/**
 * The reviewers' routes (every one of kind `reviewer`): the queue `/review/requests`, a request, approve and
 * reject; the published apps `/review/apps`, suspend and reinstate (by client ID).
 */
export function reviewRoutes(review: ReviewApi): ApiRoute[] {
  const routes: Omit<ApiRoute, 'account'>[] = [
    {
      method: 'get',
      path: '/review/requests',
      handler: async (req, res) => sendJson(res, 200, { requests: await review.listRequests(listQuery(req)) }),
    },
    {
      method: 'get',
      path: '/review/requests/{id}',
      handler: async (req, res) => sendJson(res, 200, await review.getRequest(param(req, 'id'))),
    },
    {
      method: 'post',
      path: '/review/requests/{id}/approve',
      handler: async (req, res) => sendJson(res, 200, await review.approve(reviewer(res), param(req, 'id'), req.body)),
    },
    {
      method: 'post',
      path: '/review/requests/{id}/reject',
      handler: async (req, res) => sendJson(res, 200, await review.reject(reviewer(res), param(req, 'id'), req.body)),
    },
    {
      method: 'get',
      path: '/review/apps',
      handler: async (req, res) => sendJson(res, 200, { apps: await review.listPublished(listQuery(req)) }),
    },
    {
      method: 'post',
      path: '/review/apps/{clientId}/suspend',
      handler: async (req, res) =>
        sendJson(res, 200, await review.suspend(reviewer(res), param(req, 'clientId'), req.body)),
    },
    {
      method: 'post',
      path: '/review/apps/{clientId}/reinstate',
      handler: async (req, res) =>
        sendJson(res, 200, await review.reinstate(reviewer(res), param(req, 'clientId'), req.body)),
    },
  ];
  return routes.map((route) => ({ ...route, account: 'reviewer' }));
}
