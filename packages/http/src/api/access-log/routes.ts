import type { ManagementPortal } from '../ports.ts';
import { pageRequest, sendPage } from '../paging.ts';
import { queryString } from '../query.ts';
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
        const page = pageRequest(req);
        const entries = await portal.listAccessLog(owner, {
          ...(patientId !== undefined ? { patientId } : {}),
          ...(clientId !== undefined ? { clientId } : {}),
          limit: page.through,
        });
        sendPage(req, res, entries, page);
      },
    },
  ];
}
