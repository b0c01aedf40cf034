import type { OutboxReader } from '@plan-api/mail';
import { ApiError } from '../errors.ts';
import { pageRequest, sendPage } from '../paging.ts';
import { param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import { outboxSummary } from './views.ts';

/** `/outbox`: the mail the sandbox kept instead of delivering it. */
export function outboxRoutes(outbox: OutboxReader): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/outbox',
      handler: async (req, res) => {
        const page = pageRequest(req);
        const messages = await outbox.list({ limit: page.through });
        sendPage(req, res, messages.map(outboxSummary), page);
      },
    },
    {
      method: 'get',
      path: '/outbox/{id}',
      handler: async (req, res) => {
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
