import type { RequestHandler } from 'express';
import type { CapabilityStatement } from 'fhir/r4';
import { buildCapabilityStatement, capabilityResources } from '@plan-api/fhir';
import type { SearchRegistry, SmartSecurityOptions } from '@plan-api/fhir';
import type { AuthServer } from '@plan-api/smart';

/**
 * `GET .well-known/smart-configuration`: the authorization server's discovery document, as
 * `application/json` whatever the Accept header (SMART App Launch 2.0.0 2.1), no token needed.
 */
export function smartConfigurationHandler(auth: Pick<AuthServer, 'smartConfiguration'>): RequestHandler {
  return (_req, res) => {
    const body = Buffer.from(JSON.stringify(auth.smartConfiguration()));
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(body);
  };
}

/** The SMART endpoints of the CapabilityStatement: the very strings of the discovery document. */
export function smartSecurity(auth: Pick<AuthServer, 'oauthUris'>): SmartSecurityOptions {
  const { authorize, token, revoke, introspect } = auth.oauthUris();
  return { authorize, token, revoke, introspect, cors: true };
}

/**
 * The Patient Access CapabilityStatement: the US Core / CARIN BB resources this base serves (read,
 * vread, search, instance history; `Patient/$everything`), read-only, SMART-on-FHIR security.
 * Type-level history is not offered: it would span members.
 */
export function patientAccessStatement(
  registry: SearchRegistry,
  auth: Pick<AuthServer, 'oauthUris'>,
  types: ReadonlySet<string>,
): (baseUrl: string) => CapabilityStatement {
  return (baseUrl) =>
    buildCapabilityStatement({
      baseUrl,
      registry,
      base: 'patientAccess',
      security: smartSecurity(auth),
      resources: capabilityResources('patientAccess').filter((r) => types.has(r.type)),
      interactions: ['read', 'vread', 'search-type', 'history-instance'],
      conditionalRead: 'not-match',
      description: "Patient Access API (US Core 6.1, CARIN BB 2.0): a member's data for the apps they authorize.",
    });
}
