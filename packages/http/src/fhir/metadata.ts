import type { RequestHandler } from 'express';
import type { CapabilityStatement } from 'fhir/r4';
import { buildCapabilityStatement, capabilityResources } from '@plan-api/fhir';
import type { FhirContext, FhirRouterOptions } from './options.ts';
import { sendFhirJson } from './respond.ts';

/** Base URLs come from the Host header unless configured: bound the cache so a client cannot grow it. */
const MAX_CACHED_BASES = 16;

/**
 * The CapabilityStatement of a base whose host gives none: exactly the interactions this router serves,
 * for its resource types, with the registry's search parameters.
 */
function defaultStatement(ctx: FhirContext, baseUrl: string): CapabilityStatement {
  const writable = ctx.readOnly === undefined;
  const served = [...ctx.resourceTypes].sort();
  // With a base, the preset entries carry the IG profiles and includes; keep only the types served here.
  const resources = ctx.base ? capabilityResources(ctx.base).filter((r) => ctx.resourceTypes.has(r.type)) : served;
  return buildCapabilityStatement({
    baseUrl,
    registry: ctx.registry,
    ...(ctx.base ? { base: ctx.base } : {}),
    ...(ctx.security ? { security: ctx.security } : {}),
    resources,
    writable,
    interactions: writable
      ? ['read', 'vread', 'search-type', 'history-instance', 'history-type', 'create', 'update', 'delete']
      : ['read', 'vread', 'search-type', 'history-instance', 'history-type'],
    systemInteractions: writable ? ['transaction', 'batch'] : [],
    conditionalCreate: writable,
    updateCreate: writable,
    // sendStored answers If-None-Match with 304.
    conditionalRead: 'not-match',
  });
}

/**
 * `GET metadata`: the CapabilityStatement, serialized once per base URL (it never changes while the
 * process runs).
 */
export function metadataHandler(ctx: FhirContext, option: FhirRouterOptions['capabilityStatement']): RequestHandler {
  const cache = new Map<string, string>();
  const build = (baseUrl: string): CapabilityStatement =>
    option === undefined ? defaultStatement(ctx, baseUrl) : typeof option === 'function' ? option(baseUrl) : option;
  return (req, res) => {
    const baseUrl = ctx.baseUrl(req);
    let json = cache.get(baseUrl);
    if (json === undefined) {
      json = JSON.stringify(build(baseUrl));
      if (cache.size >= MAX_CACHED_BASES) cache.clear();
      cache.set(baseUrl, json);
    }
    sendFhirJson(res, 200, json);
  };
}
