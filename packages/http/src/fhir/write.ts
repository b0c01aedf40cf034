import type { Request, RequestHandler, Response } from 'express';
import type { Bundle } from 'fhir/r4';
import { FhirError, invalidResource, operationOutcome } from '@plan-api/fhir';
import type { WriteResult } from '@plan-api/store';
import type { FhirContext, ReadOnlyPolicy } from './options.ts';
import { routeParam } from './read.ts';
import { checkId, preferences, resourceBody } from './request.ts';
import { sendFhirJson, versionHeaders } from './respond.ts';

/** Sends a write's result as `Prefer: return=` asks (representation by default). */
function sendWrite(req: Request, res: Response, base: string, result: WriteResult): void {
  const stored = result.resource;
  const headers = versionHeaders(stored);
  if (result.created) {
    headers.Location = `${base}/${stored.resourceType}/${stored.id}/_history/${stored.versionId}`;
  }
  const status = result.created ? 201 : 200;
  const wanted = preferences(req).get('return');
  if (wanted === 'minimal') {
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.end();
  } else if (wanted === 'operationoutcome') {
    const verb = result.created ? 'Created' : 'Updated';
    const outcome = operationOutcome('information', 'informational', `${verb} ${stored.resourceType}/${stored.id}`);
    sendFhirJson(res, status, JSON.stringify(outcome), headers);
  } else {
    sendFhirJson(res, status, stored.json, headers);
  }
}

/** `POST [type]`: create with a server id; `If-None-Exist` makes it conditional (200 with the match). */
export function createHandler(ctx: FhirContext): RequestHandler {
  return async (req, res) => {
    const resource = resourceBody(req, routeParam(req, 'type'));
    const ifNoneExist = req.headers['if-none-exist'];
    const result = await ctx.store.create(resource, typeof ifNoneExist === 'string' ? { ifNoneExist } : {});
    sendWrite(req, res, ctx.baseUrl(req), result);
  };
}

/** `PUT [type]/[id]`: update or create with the client's id; the body's id must equal the URL's. */
export function updateHandler(ctx: FhirContext): RequestHandler {
  return async (req, res) => {
    const id = checkId(routeParam(req, 'id'));
    const resource = resourceBody(req, routeParam(req, 'type'));
    if (resource.id === undefined) throw invalidResource('The resource must have an id equal to the URL id', ['id']);
    if (resource.id !== id) {
      throw invalidResource(`The body's id '${resource.id}' does not match the URL id '${id}'`, ['id']);
    }
    const ifMatch = req.headers['if-match'];
    const result = await ctx.store.update(resource, typeof ifMatch === 'string' ? { ifMatch } : {});
    sendWrite(req, res, ctx.baseUrl(req), result);
  };
}

/** `DELETE [type]/[id]`: 200 with an OperationOutcome, also for an already deleted or unknown id. */
export function deleteHandler(ctx: FhirContext): RequestHandler {
  return async (req, res) => {
    const type = routeParam(req, 'type');
    const id = checkId(routeParam(req, 'id'));
    await ctx.store.delete(type, id);
    sendFhirJson(res, 200, JSON.stringify(operationOutcome('information', 'informational', `Deleted ${type}/${id}`)));
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The shape checks that keep a malformed entry a 400 rather than an adapter's TypeError. */
function checkEntry(ctx: FhirContext, entry: unknown, i: number): void {
  const at = [`Bundle.entry[${i}]`];
  if (!isObject(entry)) throw invalidResource(`Bundle.entry[${i}] must be an object`, at);
  const { resource, request } = entry;
  if (resource !== undefined && (!isObject(resource) || typeof resource.resourceType !== 'string')) {
    throw invalidResource(`Bundle.entry[${i}].resource must be a resource`, at);
  }
  if (!isObject(request) || typeof request.method !== 'string' || typeof request.url !== 'string') {
    throw invalidResource(`Bundle.entry[${i}].request needs a method and a url`, at);
  }
  const type = isObject(resource) ? resource.resourceType : request.url.split(/[/?]/, 1)[0];
  // Absolute request URLs are the adapter's to resolve.
  if (typeof type === 'string' && /^[A-Z][A-Za-z]*$/.test(type) && !ctx.resourceTypes.has(type)) {
    throw invalidResource(`Bundle.entry[${i}]: unknown resource type '${type}'`, at);
  }
}

/** `POST /` with a batch or transaction Bundle; entries for types this base does not serve are refused. */
export function bundleHandler(ctx: FhirContext): RequestHandler {
  return async (req, res) => {
    const bundle = resourceBody(req, 'Bundle') as Bundle;
    if (bundle.type !== 'batch' && bundle.type !== 'transaction') {
      throw invalidResource('POST to the base takes a Bundle of type batch or transaction', ['Bundle.type']);
    }
    if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) {
      throw invalidResource('Bundle.entry must be an array', ['Bundle.entry']);
    }
    (bundle.entry ?? []).forEach((entry: unknown, i) => checkEntry(ctx, entry, i));
    const response = await ctx.store.bundle(bundle, { baseUrl: ctx.baseUrl(req) });
    sendFhirJson(res, 200, JSON.stringify(response));
  };
}

/** Refuses writes on a read-only base with the policy's status (405 carries `Allow`). */
export function refuseWrite(policy: ReadOnlyPolicy, allow: string): RequestHandler {
  return (req, _res, next) => {
    const message = policy.message ?? `${req.method} is not allowed: this FHIR base is read-only`;
    next(
      policy.status === 403
        ? new FhirError(403, 'forbidden', message)
        : new FhirError(405, 'not-supported', message, { headers: { Allow: allow } }),
    );
  };
}

/** 405 with `Allow` for a method a path does not support. */
export function methodNotAllowed(allow: string): RequestHandler {
  return (req, _res, next) => {
    next(new FhirError(405, 'not-supported', `${req.method} is not supported here`, { headers: { Allow: allow } }));
  };
}
