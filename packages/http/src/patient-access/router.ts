import express from 'express';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { FhirError, isFhirError, notAllowed, resourceTypesOf } from '@plan-api/fhir';
import type { SearchRegistry } from '@plan-api/fhir';
import type { AccessGrant, AuthServer } from '@plan-api/smart';
import type { FhirStore } from '@plan-api/store';
import { fhirErrorHandler } from '../fhir/error-handler.ts';
import { consoleLogger } from '../fhir/options.ts';
import type { HttpLogger } from '../fhir/options.ts';
import { sendFhirJson } from '../fhir/respond.ts';
import { createFhirRouter } from '../fhir/router.ts';
import { logAccessWhenDone } from './access-log.ts';
import type { AccessListener, AccessRecord } from './access-log.ts';
import { authenticate } from './bearer.ts';
import { compartmentRules } from './compartment.ts';
import { fhirCors } from './cors.ts';
import { patientAccessStatement, smartConfigurationHandler, smartSecurity } from './discovery.ts';
import { refusalCode } from './errors.ts';
import { everythingBundle } from './everything.ts';
import { PatientAccessPolicy } from './policy.ts';
import type { PolicyContext } from './policy.ts';

export interface PatientAccessRouterOptions {
  store: FhirStore;
  registry: SearchRegistry;
  /** The authorization server: token validation, discovery document and SMART endpoints. */
  auth: Pick<AuthServer, 'verifyAccessToken' | 'smartConfiguration' | 'oauthUris'>;
  /** Absolute URL of this base as apps see it (the token's `aud`), e.g. `http://127.0.0.1:4010/fhir`. */
  baseUrl: string;
  /** Called after each response to a request with a valid token (the portal's access log and launch log). */
  onAccess?: AccessListener;
  logger?: HttpLogger;
  /** Types served (default: the Patient Access types of US Core 6.1 and CARIN BB 2.0). */
  resourceTypes?: readonly string[];
  /** Page size without `_count` (default 50) and largest `_count` (default 500). */
  defaultCount?: number;
  maxCount?: number;
  /** Clock in ms for token expiry (tests). */
  now?: () => number;
  /** Sandbox behaviour on requests with a valid token (none in production). */
  hooks?: PatientAccessHooks;
}

/** Behaviour a composition plugs into the Patient Access API (the sandbox's simulated failures). */
export interface PatientAccessHooks {
  /**
   * A failure to answer instead of serving this token's request (with the code the access log records), or
   * undefined to serve it. The answer is sent as it is, and not logged as a server error even when it is a 500.
   */
  refuse?(grant: AccessGrant, realm: string): { error: FhirError; code: string } | undefined;
}

/** What a request with a valid token carries through the router. */
interface Authorized {
  policy: PatientAccessPolicy;
  record: AccessRecord;
}

/** Path segments below the base, decoded (`%24everything` is `$everything`). */
function segments(req: Request): string[] {
  return req.path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The Patient Access API (mount at `/fhir`): a read-only FHIR R4 base behind SMART access tokens.
 *
 * Public: `GET .well-known/smart-configuration` (JSON whatever the Accept) and `GET metadata` (the
 * CapabilityStatement with the SMART oauth-uris, string-equal to discovery). CORS on everything, with
 * preflights answered before authentication.
 *
 * Everything else needs `Authorization: Bearer`: none → 401 with the Bearer challenge; invalid,
 * expired or revoked → 401 `invalid_token`; a type the scopes do not grant → 403. Every type is
 * narrowed to the token's patient (the R4 Patient compartment) and to the v2 granular filters:
 * searches (GET and `POST _search`) get the narrowing as criteria, reads of anything else answer 404,
 * `_include`/`_revinclude` keep only what the token may read. `Patient/<id>/$everything` returns the
 * record in one Bundle. Writes answer 405; type-level history 403 (it would span members).
 * The `refuse` hook may fail a token's requests (the sandbox's simulated failures).
 */
export function createPatientAccessRouter(options: PatientAccessRouterOptions): Router {
  const { store, registry, auth, baseUrl } = options;
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? Date.now;
  const types = new Set(options.resourceTypes ?? resourceTypesOf('patientAccess'));
  const rules = compartmentRules(registry, types);
  const policyContext: PolicyContext = { store, registry, rules, realm: baseUrl, logger };
  const authorized = new WeakMap<Request, Authorized>();
  const stateOf = (req: Request): Authorized => {
    const state = authorized.get(req);
    if (!state) throw new Error('Patient Access: a request reached the FHIR router unauthenticated');
    return state;
  };

  const router = express.Router({ caseSensitive: true });
  router.use(fhirCors());
  router.get('/.well-known/smart-configuration', smartConfigurationHandler(auth));

  const authenticateRequest: RequestHandler = async (req, res, next) => {
    if (req.path === '/metadata') {
      next();
      return;
    }
    const grant = await authenticate(req, auth, baseUrl, now);
    const state: Authorized = { policy: new PatientAccessPolicy(policyContext, grant), record: {} };
    authorized.set(req, state);
    const [type] = segments(req);
    if (type !== undefined && types.has(type)) state.record.resourceType = type;
    if (options.onAccess) logAccessWhenDone(req, res, grant, state.record, options.onAccess, logger);
    const refused = options.hooks?.refuse?.(grant, baseUrl);
    if (refused) {
      const { error } = refused;
      state.record.error = refused.code;
      state.record.message = error.message;
      // Sent here rather than thrown: the error handler would log a hook's 500 as a real failure.
      sendFhirJson(res, error.status, JSON.stringify(error.toOutcome()), error.headers);
      return;
    }
    next();
  };

  /** Scope and compartment checks that precede the FHIR router's own handlers. */
  const gate: RequestHandler = async (req, res, next) => {
    const [type, id, op, vid, ...rest] = segments(req);
    const reading = req.method === 'GET' || req.method === 'HEAD';
    // Unknown types and paths: the FHIR router's 404 (metadata, the one public path, has no type).
    if (type === undefined || !types.has(type) || rest.length > 0) {
      next();
      return;
    }
    const { policy, record } = stateOf(req);
    if (id === '_history' && op === undefined && reading) {
      throw new FhirError(403, 'forbidden', 'Type-level history is not available on the Patient Access API');
    }
    if (op === '$everything' && type === 'Patient' && id !== undefined && vid === undefined) {
      if (!reading) throw notAllowed('Patient/$everything is available with GET');
      const answer = await everythingBundle({ store, registry, rules }, policy, req, id, baseUrl);
      record.count = answer.count;
      sendFhirJson(res, 200, answer.body);
      return;
    }
    const searching = id === undefined || (id === '_search' && op === undefined);
    if (!(reading || (req.method === 'POST' && id === '_search'))) {
      // Writes and other methods: the read-only FHIR router answers 405.
      next();
      return;
    }
    policy.requireType(type);
    if (!searching && id !== undefined && ID.test(id) && (op === undefined || op === '_history')) {
      await policy.guardRead(type, id);
      record.count = 1;
    }
    next();
  };

  router.use(authenticateRequest);
  router.use(gate);
  router.use(
    createFhirRouter({
      store,
      registry,
      base: 'patientAccess',
      security: smartSecurity(auth),
      capabilityStatement: patientAccessStatement(registry, auth, types),
      resourceTypes: [...types],
      readOnly: true,
      baseUrl,
      logger,
      ...(options.defaultCount !== undefined ? { defaultCount: options.defaultCount } : {}),
      ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      searchAccess: {
        restrict: async (req, request) => {
          const state = stateOf(req);
          try {
            return await state.policy.restrict(request);
          } catch (err) {
            noteRefusal(state.record, err);
            throw err;
          }
        },
        filter: async (req, _request, result) => {
          const state = stateOf(req);
          const filtered = await state.policy.filterResult(result);
          state.record.count = filtered.matches.length + filtered.included.length;
          return filtered;
        },
      },
    }),
  );
  router.use(recordRefusal(authorized));
  router.use(fhirErrorHandler({ logger }));
  return router;
}

/** Notes this layer's refusals (401/403/404...) for the access log, then lets the error handler answer. */
function recordRefusal(authorized: WeakMap<Request, Authorized>): ErrorRequestHandler {
  return (err: unknown, req: Request, _res: Response, next: NextFunction) => {
    const state = authorized.get(req);
    if (state) noteRefusal(state.record, err);
    next(err);
  };
}

function noteRefusal(record: AccessRecord, err: unknown): void {
  if (!isFhirError(err)) return;
  record.error = refusalCode(err);
  record.message = err.message;
}
