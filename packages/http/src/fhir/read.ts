import type { Request, RequestHandler, Response } from 'express';
import type { StoredResource } from '@plan-api/store';
import { badRequest } from '@plan-api/fhir';
import type { FhirContext } from './options.ts';
import { checkId, queryPairs } from './request.ts';
import { sendStored } from './respond.ts';
import { isWhole, readSubset, subsetJson } from './subset.ts';

/** A route parameter (always present on the routes that name it). */
export function routeParam(req: Request, name: string): string {
  const value = (req.params as Record<string, string | undefined>)[name];
  if (value === undefined) throw badRequest(`Missing path parameter ${name}`);
  return value;
}

function sendMaybeSubset(req: Request, res: Response, stored: StoredResource): void {
  const subset = req.originalUrl.includes('?') ? readSubset(stored.resourceType, queryPairs(req)) : {};
  sendStored(req, res, stored, isWhole(subset) ? {} : { body: subsetJson(stored.json, subset) });
}

/** `GET [type]/[id]`: the current version's stored bytes (404 unknown, 410 deleted). */
export function readHandler(ctx: FhirContext): RequestHandler {
  return async (req, res) => {
    const stored = await ctx.store.read(routeParam(req, 'type'), checkId(routeParam(req, 'id')));
    sendMaybeSubset(req, res, stored);
  };
}

/** `GET [type]/[id]/_history/[vid]`: one version's stored bytes. */
export function vreadHandler(ctx: FhirContext): RequestHandler {
  return async (req, res) => {
    const vid = routeParam(req, 'vid');
    const stored = await ctx.store.vread(routeParam(req, 'type'), checkId(routeParam(req, 'id')), checkId(vid));
    sendMaybeSubset(req, res, stored);
  };
}
