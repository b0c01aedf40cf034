import express from 'express';
import type { Request, RequestHandler, Router } from 'express';
import type { OutboxReader } from '@plan-api/mail';
import type { AccountKind } from '@plan-api/portal';
import type { HttpLogger } from '../fhir/options.ts';
import { accessLogRoutes } from './access-log/routes.ts';
import { appRoutes } from './apps/routes.ts';
import { ApiError, apiErrorHandler, unknownApiRoute } from './errors.ts';
import { launchRoutes } from './launches/routes.ts';
import { managementOperations, openApiDocument, outboxOperations, SANDBOX_API } from './openapi.ts';
import type { ApiDescription, OpenApiPaths, SecuritySchemes } from './openapi.ts';
import type { JsonSchema } from './openapi-schemas.ts';
import { outboxSchemas } from './outbox/openapi.ts';
import { outboxRoutes } from './outbox/routes.ts';
import { patientRoutes } from './patients/routes.ts';
import { appProductionOperations, productionRequestOperations, productionSchemas } from './production/openapi.ts';
import type { ProductionRequestsPortal } from './production/port.ts';
import { productionRequestRoutes } from './production/routes.ts';
import type { ManagementPortal } from './ports.ts';
import { mountRoutes } from './route.ts';
import type { ApiRoute, Authenticate } from './route.ts';

/** Whether a request carries a body: a chunked one, or a Content-Length above 0 (an empty POST has none). */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? '0');
  return !Number.isFinite(length) || length > 0;
}

/**
 * Refuses a request body that is not `application/json` (parameters such as `charset` are fine) with 415
 * `unsupported_media_type`; a request without a body (GET, DELETE, an empty POST) needs no type.
 */
export const jsonBodiesOnly: RequestHandler = (req, _res, next) => {
  if (!hasBody(req)) {
    next();
    return;
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    next();
    return;
  }
  const sent = type === undefined || type === '' ? 'no Content-Type' : `Content-Type ${type.slice(0, 100)}`;
  next(
    new ApiError(
      415,
      'unsupported_media_type',
      `Send the body as JSON with "Content-Type: application/json" (not ${sent}).`,
    ),
  );
};

/** Routes of one part of the API with the OpenAPI operations and schemas that describe exactly them. */
export interface ApiRouteSet {
  routes: ApiRoute[];
  operations: OpenApiPaths;
  schemas?: Record<string, JsonSchema>;
  /** OpenAPI security schemes the operations name (e.g. `reviewerSession`, the reviewers' cookie). */
  securitySchemes?: SecuritySchemes;
  /** The account kind of every route of the set that does not name its own (default `vendor`). */
  account?: AccountKind;
}

export interface ApiOptions {
  sets: ApiRouteSet[];
  /**
   * Authenticates every route that is not public and sets its owner (managementAuth, accountAuth): one handler
   * (every route is a `vendor` route: the sandbox, the vendor-only server), or one per account kind
   * (`{vendor, reviewer, member}`), each route behind the handler of its kind.
   */
  authenticate: Authenticate;
  /** The absolute URL of the API (`<public URL>/api`), the `servers` entry of the OpenAPI document. */
  serverUrl: string;
  description: ApiDescription;
  logger: HttpLogger;
  /** Largest JSON body in bytes (default 256 KiB); larger answer 413. */
  maxBodyBytes?: number;
}

/** The sandbox's management routes: apps, patients, launches, the access log (and the outbox when kept). */
export function managementRouteSet(portal: ManagementPortal, outbox?: OutboxReader): ApiRouteSet {
  const routes = [...appRoutes(portal), ...patientRoutes(portal), ...launchRoutes(portal), ...accessLogRoutes(portal)];
  const operations = { ...managementOperations, ...appProductionOperations };
  if (outbox === undefined) return { routes, operations, schemas: productionSchemas };
  return {
    routes: [...routes, ...outboxRoutes(outbox)],
    operations: { ...operations, ...outboxOperations },
    schemas: { ...productionSchemas, ...outboxSchemas },
  };
}

/**
 * `POST /production-requests`, the plan server's side of a connected desktop's "Send Request" (vendor routes:
 * the server adds this set next to the hosted sandbox's management routes).
 */
export function productionRequestRouteSet(portal: ProductionRequestsPortal): ApiRouteSet {
  return {
    routes: productionRequestRoutes(portal),
    operations: productionRequestOperations,
    schemas: productionSchemas,
    account: 'vendor',
  };
}

/** Every route of the sets, each with its account kind (its own, else its set's). */
export function routesOf(sets: readonly ApiRouteSet[]): ApiRoute[] {
  return sets.flatMap((set) =>
    set.routes.map((route) =>
      route.account === undefined && set.account !== undefined ? { ...route, account: set.account } : route,
    ),
  );
}

/**
 * A JSON API (DESIGN.md "JSON API") of route sets, to mount at `/api`: JSON in and out, errors as
 * `{"error", "message", "fields"}`, the OpenAPI 3.1 document of exactly these routes at `/openapi.json`.
 */
export function createApi(options: ApiOptions): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  const operations = Object.assign({}, ...options.sets.map((set) => set.operations)) as OpenApiPaths;
  const schemas = Object.assign({}, ...options.sets.map((set) => set.schemas ?? {})) as Record<string, JsonSchema>;
  const securitySchemes = Object.assign({}, ...options.sets.map((set) => set.securitySchemes ?? {})) as SecuritySchemes;
  const document = JSON.stringify(
    openApiDocument(options.serverUrl, options.description, operations, schemas, securitySchemes),
  );
  router.get('/openapi.json', (_req, res) => {
    res.status(200).type('application/json').send(document);
  });
  router.use(jsonBodiesOnly);
  // Every body is read as JSON (jsonBodiesOnly has refused any other type), so none slips past as an empty body.
  router.use(express.json({ limit: options.maxBodyBytes ?? 256 * 1024, type: () => true }));
  mountRoutes(router, routesOf(options.sets), options.authenticate);
  router.use(unknownApiRoute);
  router.use(apiErrorHandler(options.logger));
  return router;
}

export interface ManagementApiOptions {
  portal: ManagementPortal;
  /** Authenticates every route but the OpenAPI document (see managementAuth). */
  authenticate: RequestHandler;
  serverUrl: string;
  logger: HttpLogger;
  maxBodyBytes?: number;
  /** The mail the sandbox kept (`/outbox`); without it there are no outbox routes. */
  outbox?: OutboxReader;
}

/** The single-tenant sandbox's management API (`pnpm sandbox`, the desktop app). */
export function createManagementApi(options: ManagementApiOptions): Router {
  return createApi({
    sets: [managementRouteSet(options.portal, options.outbox)],
    authenticate: options.authenticate,
    serverUrl: options.serverUrl,
    description: SANDBOX_API,
    logger: options.logger,
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
}
