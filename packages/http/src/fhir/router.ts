import express from 'express';
import type { RequestHandler, Router } from 'express';
import { notFound } from '@plan-api/fhir';
import { fhirErrorHandler, unknownPath } from './error-handler.ts';
import { historyHandler } from './history.ts';
import { metadataHandler } from './metadata.ts';
import { resolveFhirOptions } from './options.ts';
import type { FhirRouterOptions } from './options.ts';
import { readHandler, vreadHandler } from './read.ts';
import { bodyReaders, negotiateFormat, requireFormOrNoBody } from './request.ts';
import { searchHandler } from './search.ts';
import { bundleHandler, createHandler, deleteHandler, methodNotAllowed, refuseWrite, updateHandler } from './write.ts';

/**
 * An Express Router serving one FHIR R4 base from a FhirStore: `metadata`, read, vread, search (GET and
 * `POST _search`), instance and type history, create (conditional with `If-None-Exist`), update (with
 * `If-Match`), delete and batch/transaction Bundles at the base. Every response is
 * `application/fhir+json`; every failure an OperationOutcome (its own error handler is installed last).
 * Mount it at the base path, e.g. `app.use('/fhir', createFhirRouter({ store, registry }))`.
 */
export function createFhirRouter(options: FhirRouterOptions): Router {
  const ctx = resolveFhirOptions(options);
  const router = express.Router({ caseSensitive: true });
  const body = bodyReaders(ctx.maxBodyBytes);
  const readOnly = ctx.readOnly;
  // On a read-only base the write handlers are never reached, so the body is not even read.
  const write = (handler: RequestHandler, allow: string): RequestHandler[] =>
    readOnly ? [refuseWrite(readOnly, allow)] : [...body, handler];
  const allow = (methods: string, writes: string): string => (readOnly ? methods : `${methods}, ${writes}`);

  if (options.responseCache) router.use(options.responseCache.middleware);
  router.use(negotiateFormat);
  router.param('type', (_req, _res, next, type: string) => {
    next(ctx.resourceTypes.has(type) ? undefined : notFound(`Unknown resource type '${type}'`));
  });

  const search = searchHandler(ctx);
  const baseAllow = readOnly ? '' : 'POST';
  router.route('/metadata').get(metadataHandler(ctx, options.capabilityStatement)).all(methodNotAllowed('GET, HEAD'));
  router
    .route('/')
    .post(...write(bundleHandler(ctx), baseAllow))
    .all(methodNotAllowed(baseAllow));
  router
    .route('/:type/_search')
    .get(search)
    .post(...body, requireFormOrNoBody, search)
    .all(methodNotAllowed('GET, HEAD, POST'));
  router.route('/:type/_history').get(historyHandler(ctx, 'type')).all(methodNotAllowed('GET, HEAD'));
  const typeAllow = allow('GET, HEAD', 'POST');
  router
    .route('/:type')
    .get(search)
    .post(...write(createHandler(ctx), typeAllow))
    .all(methodNotAllowed(typeAllow));
  const instanceAllow = allow('GET, HEAD', 'PUT, DELETE');
  router
    .route('/:type/:id')
    .get(readHandler(ctx))
    .put(...write(updateHandler(ctx), instanceAllow))
    .delete(...write(deleteHandler(ctx), instanceAllow))
    .all(methodNotAllowed(instanceAllow));
  router.route('/:type/:id/_history').get(historyHandler(ctx, 'instance')).all(methodNotAllowed('GET, HEAD'));
  router.route('/:type/:id/_history/:vid').get(vreadHandler(ctx)).all(methodNotAllowed('GET, HEAD'));

  router.use(unknownPath);
  router.use(fhirErrorHandler({ logger: ctx.logger }));
  return router;
}
