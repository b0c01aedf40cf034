import type { ManagementPortal } from '../ports.ts';
import { pageRequest, sendPage } from '../paging.ts';
import { queryString } from '../query.ts';
import { param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';

/**
 * `/launches`: the launch log (launches newest first, and one launch with every step the app took), and the
 * grant lifecycle actions on a launch (the sandbox's route set only: never on the production realm).
 */
export function launchRoutes(portal: ManagementPortal): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/launches',
      handler: async (req, res, owner) => {
        const appId = queryString(req, 'appId');
        const page = pageRequest(req);
        const launches = await portal.listLaunches(owner, {
          ...(appId !== undefined ? { appId } : {}),
          limit: page.through,
        });
        sendPage(req, res, launches, page);
      },
    },
    {
      method: 'get',
      path: '/launches/{id}',
      handler: async (req, res, owner) => sendJson(res, 200, await portal.getLaunch(owner, param(req, 'id'))),
    },
    {
      method: 'post',
      path: '/launches/{id}/lifecycle',
      handler: async (req, res, owner) =>
        sendJson(res, 200, await portal.applyLifecycle(owner, param(req, 'id'), req.body)),
    },
  ];
}
