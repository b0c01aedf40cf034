import type { ManagementPortal } from '../ports.ts';
import { param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import { appProductionRoutes } from '../production/routes.ts';
import { appView } from '../views.ts';
import { pageRequest, sendPage } from '../paging.ts';

/**
 * `/apps`: register, list, read, update and delete apps; `/apps/{id}/launch`: start an EHR launch;
 * `/apps/{id}/production-checks` and `/apps/{id}/production-request`: the pre-checks, and ask the plan to
 * publish the app.
 */
export function appRoutes(portal: ManagementPortal): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/apps',
      handler: async (req, res, owner) => sendJson(res, 201, appView(await portal.createApp(owner, req.body))),
    },
    {
      method: 'get',
      path: '/apps',
      handler: async (req, res, owner) => {
        const page = pageRequest(req);
        sendPage(req, res, (await portal.listApps(owner, { limit: page.through })).map(appView), page);
      },
    },
    {
      method: 'get',
      path: '/apps/{id}',
      handler: async (req, res, owner) => sendJson(res, 200, appView(await portal.getApp(owner, param(req, 'id')))),
    },
    {
      method: 'put',
      path: '/apps/{id}',
      handler: async (req, res, owner) =>
        sendJson(res, 200, appView(await portal.updateApp(owner, param(req, 'id'), req.body))),
    },
    {
      method: 'delete',
      path: '/apps/{id}',
      handler: async (req, res, owner) => {
        await portal.deleteApp(owner, param(req, 'id'));
        res.status(204).end();
      },
    },
    ...appProductionRoutes(portal),
    {
      method: 'post',
      path: '/apps/{id}/launch',
      handler: async (req, res, owner) => {
        const created = await portal.createLaunch(owner, param(req, 'id'), req.body);
        res.location(`${req.baseUrl}/launches/${encodeURIComponent(created.launch.id)}`);
        sendJson(res, 201, created);
      },
    },
  ];
}
