import { PRODUCTION_COLLECTIONS } from './model.ts';

/**
 * Indexes the PostgreSQL adapter should declare for the lists of production requests and published apps: an
 * app's latest request (App Status), a vendor's requests and apps, the reviewers' queue by status.
 */
export const PRODUCTION_RECORD_INDEXES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  [PRODUCTION_COLLECTIONS.requests]: [['appId'], ['ownerId'], ['status'], ['clientId']],
  [PRODUCTION_COLLECTIONS.published]: [['appId'], ['ownerId'], ['status']],
};
