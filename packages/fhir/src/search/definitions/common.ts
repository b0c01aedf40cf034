import type { SearchParamDef } from '../types.ts';
import { r4 } from './helpers.ts';

/** The parameters every resource type has (FHIR R4 `Resource` search parameters). */
export const COMMON_SEARCH_PARAMS: readonly SearchParamDef[] = [
  {
    code: '_id',
    base: ['Resource'],
    type: 'token',
    paths: ['id'],
    definition: r4('Resource-id'),
    documentation: 'Logical id of the resource',
  },
  {
    code: '_lastUpdated',
    base: ['Resource'],
    type: 'date',
    paths: ['meta.lastUpdated'],
    definition: r4('Resource-lastUpdated'),
    documentation: 'When the resource version last changed',
  },
  {
    code: '_profile',
    base: ['Resource'],
    type: 'uri',
    paths: ['meta.profile'],
    definition: r4('Resource-profile'),
    documentation: 'Profiles the resource claims to conform to',
  },
  {
    code: '_tag',
    base: ['Resource'],
    type: 'token',
    paths: ['meta.tag'],
    definition: r4('Resource-tag'),
    documentation: 'Tags applied to the resource',
  },
  {
    code: '_security',
    base: ['Resource'],
    type: 'token',
    paths: ['meta.security'],
    definition: r4('Resource-security'),
    documentation: 'Security labels applied to the resource',
  },
  {
    code: '_source',
    base: ['Resource'],
    type: 'uri',
    paths: ['meta.source'],
    definition: r4('Resource-source'),
    documentation: 'Where the resource comes from',
  },
];
