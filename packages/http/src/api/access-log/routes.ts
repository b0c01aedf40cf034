import type { ManagementPortal } from '../ports.ts';
import { queryLimit, queryString } from '../query.ts';
import { sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';

/** `/access-log`: every FHIR access by apps, newest first, optionally of one patient or one app. */
export function accessLogRoutes(portal: ManagementPortal): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/access-log',
      handler: async (req, res, owner) => {
        const patientId = queryString(req, 'patientId');
        const clientId = queryString(req, 'clientId');
        const limit = queryLimit(req, 'limit', 5000);
        sendJson(
          res,
          200,
          await portal.listAccessLog(owner, {
            ...(patientId !== undefined ? { patientId } : {}),
            ...(clientId !== undefined ? { clientId } : {}),
            ...(limit !== undefined ? { limit } : {}),
          }),
        );
      },
    },
  ];
}
