import express from 'express';
import type { RequestHandler, Router } from 'express';
import type { OutboxReader } from '@plan-api/mail';
import type { HttpLogger } from '../fhir/options.ts';
import { accessLogRoutes } from './access-log/routes.ts';
import { appRoutes } from './apps/routes.ts';
import { apiErrorHandler, unknownApiRoute } from './errors.ts';
import { launchRoutes } from './launches/routes.ts';
import { openApiDocument } from './openapi.ts';
import { outboxRoutes } from './outbox/routes.ts';
import { patientRoutes } from './patients/routes.ts';
import type { ManagementPortal } from './ports.ts';
import { mountRoutes } from './route.ts';
import type { ApiRoute } from './route.ts';

export interface ManagementApiOptions {
  portal: ManagementPortal;
  /** Authenticates every route but the OpenAPI document (see managementAuth). */
  authenticate: RequestHandler;
  /** The absolute URL of the API (`<public URL>/api`), the `servers` entry of the OpenAPI document. */
  serverUrl: string;
  logger: HttpLogger;
  /** Largest JSON body in bytes (default 256 KiB); larger answer 413. */
  maxBodyBytes?: number;
  /** The mail the sandbox kept (`/outbox`); without it those routes answer 404. */
  outbox?: OutboxReader;
}

/** Every route of the management API (the OpenAPI document describes exactly these). */
export function managementRoutes(portal: ManagementPortal, outbox?: OutboxReader): ApiRoute[] {
  return [
    ...appRoutes(portal),
    ...patientRoutes(portal),
    ...launchRoutes(portal),
    ...accessLogRoutes(portal),
    ...outboxRoutes(portal, outbox),
  ];
}

/**
 * The sandbox's management API (DESIGN.md "Management API"), to mount at `/api`: JSON in and out,
 * errors as `{"error", "message", "fields"}`, the OpenAPI 3.1 document at `/openapi.json`.
 */
export function createManagementApi(options: ManagementApiOptions): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  const document = JSON.stringify(openApiDocument(options.serverUrl));
  router.get('/openapi.json', (_req, res) => {
    res.status(200).type('application/json').send(document);
  });
  router.use(options.authenticate);
  // Every body is read as JSON whatever its Content-Type, so a wrong type cannot slip past as an empty body.
  router.use(express.json({ limit: options.maxBodyBytes ?? 256 * 1024, type: () => true }));
  mountRoutes(router, managementRoutes(options.portal, options.outbox));
  router.use(unknownApiRoute);
  router.use(apiErrorHandler(options.logger));
  return router;
}
