import type { ManagementPortal } from '../ports.ts';
import { param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import { appView } from '../views.ts';
import type { ProductionRequestsPortal } from './port.ts';

/**
 * The vendor's production routes of every sandbox: `/apps/{id}/production-checks` (the pre-checks) and
 * `/apps/{id}/production-request` (send the app for review, or again after a rejection or a change).
 */
export function appProductionRoutes(portal: ManagementPortal): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/apps/{id}/production-checks',
      handler: async (req, res, owner) =>
        sendJson(res, 200, { checks: await portal.productionChecks(owner, param(req, 'id')) }),
    },
    {
      method: 'post',
      path: '/apps/{id}/production-request',
      handler: async (req, res, owner) =>
        sendJson(res, 201, appView(await portal.requestProduction(owner, param(req, 'id'), req.body))),
    },
  ];
}

/** `POST /production-requests` (the plan server only): a connected desktop's request, with its app. */
export function productionRequestRoutes(portal: ProductionRequestsPortal): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/production-requests',
      handler: async (req, res, owner) => {
        const app = await portal.receiveProductionRequest(owner, req.body);
        res.location(`${req.baseUrl}/apps/${encodeURIComponent(app.id)}`);
        sendJson(res, 201, { app: appView(app) });
      },
    },
  ];
}
