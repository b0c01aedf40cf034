import type { OutboxReader } from '@plan-api/mail';
import { ApiError } from '../errors.ts';
import type { ManagementPortal } from '../ports.ts';
import { queryLimit } from '../query.ts';
import { param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import { appView } from '../views.ts';
import { outboxSummary } from './views.ts';

function noOutbox(): ApiError {
  return new ApiError(404, 'no_outbox', 'This server keeps no outbox: its mail is delivered, not kept.');
}

/**
 * The mail the sandbox would send: `/apps/{id}/production-request` (which mails the vendor) and `/outbox`, where
 * the sandbox keeps every message instead of delivering it. Without an outbox the `/outbox` routes answer 404.
 */
export function outboxRoutes(portal: ManagementPortal, outbox: OutboxReader | undefined): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/apps/{id}/production-request',
      handler: async (req, res, owner) =>
        sendJson(res, 201, appView(await portal.requestProduction(owner, param(req, 'id'), req.body))),
    },
    {
      method: 'get',
      path: '/outbox',
      handler: async (req, res) => {
        if (outbox === undefined) throw noOutbox();
        const limit = queryLimit(req, 'limit', 1000);
        const messages = await outbox.list(limit !== undefined ? { limit } : {});
        sendJson(res, 200, messages.map(outboxSummary));
      },
    },
    {
      method: 'get',
      path: '/outbox/{id}',
      handler: async (req, res) => {
        if (outbox === undefined) throw noOutbox();
        const id = param(req, 'id');
        const message = await outbox.get(id);
        if (message === undefined) {
          throw new ApiError(
            404,
            'not_found',
            `No message in the outbox has id "${id}". List them with GET /api/outbox.`,
          );
        }
        sendJson(res, 200, message);
      },
    },
  ];
}
