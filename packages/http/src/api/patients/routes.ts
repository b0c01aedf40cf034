import type { ManagementPortal } from '../ports.ts';
import { param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import { patientView } from '../views.ts';
import { pageRequest, sendPage } from '../paging.ts';

/** `/patients`: Initialize Patient, list, My Data, delete. */
export function patientRoutes(portal: ManagementPortal): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/patients',
      handler: async (req, res, owner) =>
        sendJson(res, 201, patientView(await portal.initializePatient(owner, req.body ?? {}))),
    },
    {
      method: 'get',
      path: '/patients',
      handler: async (req, res, owner) => {
        const page = pageRequest(req);
        sendPage(req, res, (await portal.listPatients(owner)).map(patientView), page);
      },
    },
    {
      method: 'get',
      path: '/patients/{id}/data',
      handler: async (req, res, owner) => {
        const bundle = await portal.getPatientData(owner, param(req, 'id'));
        res
          .status(200)
          .set({ 'Cache-Control': 'no-store', 'Content-Type': 'application/fhir+json; charset=utf-8' })
          .send(JSON.stringify(bundle));
      },
    },
    {
      method: 'delete',
      path: '/patients/{id}',
      handler: async (req, res, owner) => {
        await portal.deletePatient(owner, param(req, 'id'));
        res.status(204).end();
      },
    },
  ];
}
