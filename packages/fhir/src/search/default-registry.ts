import { CARIN_BB_SEARCH_PARAMS } from './definitions/carin-bb.ts';
import { COMMON_SEARCH_PARAMS } from './definitions/common.ts';
import { PLAN_NET_ORGANIZATION_SEARCH_PARAMS } from './definitions/plan-net-organization.ts';
import { PLAN_NET_PROVIDER_SEARCH_PARAMS } from './definitions/plan-net-provider.ts';
import { US_CORE_ADMIN_SEARCH_PARAMS } from './definitions/us-core-admin.ts';
import { US_CORE_CLINICAL_SEARCH_PARAMS } from './definitions/us-core-clinical.ts';
import { US_CORE_DIAGNOSTICS_SEARCH_PARAMS } from './definitions/us-core-diagnostics.ts';
import { SearchRegistry } from './registry.ts';
import type { SearchParamDef } from './types.ts';

/**
 * Every search parameter the server knows: the common `Resource` ones, US Core 6.1, CARIN BB 2.0
 * and Plan-Net 1.1 (each type/code pair defined once).
 */
export const DEFAULT_SEARCH_PARAMS: readonly SearchParamDef[] = [
  ...COMMON_SEARCH_PARAMS,
  ...US_CORE_ADMIN_SEARCH_PARAMS,
  ...US_CORE_CLINICAL_SEARCH_PARAMS,
  ...US_CORE_DIAGNOSTICS_SEARCH_PARAMS,
  ...CARIN_BB_SEARCH_PARAMS,
  ...PLAN_NET_ORGANIZATION_SEARCH_PARAMS,
  ...PLAN_NET_PROVIDER_SEARCH_PARAMS,
];

/** A registry over DEFAULT_SEARCH_PARAMS. Cheap to build; callers keep one per server. */
export function createDefaultRegistry(): SearchRegistry {
  return new SearchRegistry(DEFAULT_SEARCH_PARAMS);
}
