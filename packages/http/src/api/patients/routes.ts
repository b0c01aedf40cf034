import type { ManagementPortal } from '../ports.ts';
import { param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import { patientView } from '../views.ts';

/** `/patients`: Initialize Patient, list, My Data, delete. */
export function patientRoutes(portal: ManagementPortal): ApiRoute[] {
  return [
    {
      method: 'post',
      path: '/patients',
      handler: async (req, res) => sendJson(res, 201, patientView(await portal.initializePatient(req.body ?? {}))),
    },
    {
      method: 'get',
      path: '/patients',
      handler: async (_req, res) => sendJson(res, 200, (await portal.listPatients()).map(patientView)),
    },
    {
      method: 'get',
      path: '/patients/{id}/data',
      handler: async (req, res) => {
        const bundle = await portal.getPatientData(param(req, 'id'));
        res
          .status(200)
          .set({ 'Cache-Control': 'no-store', 'Content-Type': 'application/fhir+json; charset=utf-8' })
          .send(JSON.stringify(bundle));
      },
    },
    {
      method: 'delete',
      path: '/patients/{id}',
      handler: async (req, res) => {
        await portal.deletePatient(param(req, 'id'));
        res.status(204).end();
      },
    },
  ];
}
