/**
 * Test support for the Patient Access integration tests: two synthetic members over a small
 * directory in a memory store, the router on a free port, and a fixture of our own AuthServer
 * interface whose verifyAccessToken maps fixed test tokens to grants (the real authorization server
 * is exercised end to end elsewhere). Exported as `@plan-api/http/testing`, never shipped.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Resource } from 'fhir/r4';
import { createDefaultRegistry, FhirError, resourceTypesOf } from '@plan-api/fhir';
import type { AccessGrant, AuthServer } from '@plan-api/smart';
import { createMemoryStore } from '@plan-api/store';
import type { FhirStore } from '@plan-api/store';
import { createDirectory, generateMember } from '@plan-api/synthetic';
import { testTerminology } from '@plan-api/synthetic/testing';
import type { GeneratedMember } from '@plan-api/synthetic';
import type { HttpLogger } from '../fhir/options.ts';
import type { PatientAccessEntry } from '../patient-access/access-log.ts';
import { invalidToken } from '../patient-access/errors.ts';
import { createPatientAccessRouter } from '../patient-access/router.ts';
import type { PatientAccessHooks } from '../patient-access/router.ts';

export { entryIds, fhirFetch } from './fhir.ts';
export type { FhirResponse, Json } from './fhir.ts';

export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** What a test token stands for: a member, and the types it reads with their granular filters. */
export interface TestGrant {
  member: 'a' | 'b';
  /** Types readable, with filters; default: every Patient Access type, unfiltered. */
  readable?: Record<string, string[]>;
  /** Types left out of the default. */
  without?: string[];
  /** Tags of the token's launch: `refuse` = `expired` or `fail` makes the test hook refuse its requests. */
  tags?: Record<string, string>;
  /** Seconds from now (negative: already expired). */
  expiresIn?: number;
}

/** The test tokens: each name is the bearer token itself. */
export const TOKENS: Record<string, TestGrant> = {
  'token-a': { member: 'a' },
  'token-b': { member: 'b' },
  'token-a-no-observation': { member: 'a', without: ['Observation'] },
  'token-a-no-practitioner': { member: 'a', without: ['Practitioner', 'Provenance'] },
  'token-a-labs': { member: 'a', readable: { Patient: [], Observation: ['category=laboratory'] } },
  'token-a-labs-and-vitals': {
    member: 'a',
    readable: { Patient: [], Observation: ['category=laboratory', `category=${OBSERVATION_CATEGORY}|vital-signs`] },
  },
  'token-a-labs-or-heart-rate': {
    member: 'a',
    readable: { Patient: [], Observation: ['category=laboratory', 'code=http://loinc.org|8867-4'] },
  },
  'token-a-refused-expired': { member: 'a', tags: { refuse: 'expired' } },
  'token-a-refused-failing': { member: 'a', tags: { refuse: 'fail' } },
  'token-a-expired': { member: 'a', expiresIn: -10 },
};

export const OAUTH_URIS = {
  authorize: 'http://auth.test/auth/authorize',
  token: 'http://auth.test/auth/token',
  revoke: 'http://auth.test/auth/token/revocation',
  introspect: 'http://auth.test/auth/token/introspection',
};

/** An AuthServer-shaped fixture: verifyAccessToken knows TOKENS, anything else is a 401. */
export function testAuth(patients: {
  a: string;
  b: string;
}): Pick<AuthServer, 'verifyAccessToken' | 'smartConfiguration' | 'oauthUris'> {
  const types = resourceTypesOf('patientAccess');
  return {
    verifyAccessToken(token) {
      const spec = TOKENS[token];
      if (!spec) return Promise.reject(Object.assign(new Error('unknown token'), { status: 401 }));
      const readable = new Map<string, string[]>(
        spec.readable
          ? Object.entries(spec.readable)
          : types.filter((t) => !(spec.without ?? []).includes(t)).map((t) => [t, []]),
      );
      const grant: AccessGrant = {
        clientId: `client-${spec.member}`,
        patientId: patients[spec.member],
        scopes: ['launch/patient', ...[...readable.keys()].map((t) => `patient/${t}.rs`)],
        readable,
        launchId: `launch-${token}`,
        expiresAt: Math.floor(Date.now() / 1000) + (spec.expiresIn ?? 3600),
        ...(spec.tags !== undefined ? { tags: spec.tags } : {}),
      };
      return Promise.resolve(grant);
    },
    smartConfiguration() {
      return {
        issuer: 'http://auth.test/auth',
        authorization_endpoint: OAUTH_URIS.authorize,
        token_endpoint: OAUTH_URIS.token,
        revocation_endpoint: OAUTH_URIS.revoke,
        introspection_endpoint: OAUTH_URIS.introspect,
        code_challenge_methods_supported: ['S256'],
        capabilities: ['launch-ehr', 'launch-standalone', 'permission-v2'],
      };
    },
    oauthUris() {
      return { ...OAUTH_URIS };
    },
  };
}

export interface PatientAccessServer {
  /** The FHIR base URL (`http://127.0.0.1:<port>/fhir`). */
  url: string;
  store: FhirStore;
  a: GeneratedMember;
  b: GeneratedMember;
  /** onAccess entries, in order. */
  accesses: PatientAccessEntry[];
  /** Errors reported to the logger. */
  errors: string[];
  stop(): Promise<void>;
}

/** A refuse hook driven by the token's tags, as a composition's would be. */
export const TEST_HOOKS: PatientAccessHooks = {
  refuse: (grant, realm) => {
    switch (grant.tags?.refuse) {
      case 'expired':
        return { error: invalidToken(realm, 'hook: the token counts as expired'), code: 'expired_token' };
      case 'fail':
        return { error: new FhirError(500, 'exception', 'hook: the server counts as failing'), code: 'server_error' };
      default:
        return undefined;
    }
  },
};

/** Starts the Patient Access router over two members (seeds `h1-a`, `h1-b`) on 127.0.0.1 and a free port. */
export async function startPatientAccess(extra: Resource[] = []): Promise<PatientAccessServer> {
  const registry = createDefaultRegistry();
  const store = createMemoryStore({ registry });
  const terminology = testTerminology();
  const directory = createDirectory({ seed: 'h1', size: 200, terminology });
  const a = generateMember({ seed: 'h1-a', scenario: 'diabetes', directory: directory.handle, terminology });
  const b = generateMember({ seed: 'h1-b', scenario: 'diabetes', directory: directory.handle, terminology });
  await store.bulkLoad([...directory.resources(), ...a.resources, ...b.resources, ...extra]);

  const accesses: PatientAccessEntry[] = [];
  const errors: string[] = [];
  const logger: HttpLogger = { error: (message) => errors.push(message) };
  const app = express();
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  app.use(
    '/fhir',
    createPatientAccessRouter({
      store,
      registry,
      auth: testAuth({ a: a.patientId, b: b.patientId }),
      baseUrl: url,
      logger,
      onAccess: (entry) => {
        accesses.push(entry);
      },
      hooks: TEST_HOOKS,
    }),
  );
  return {
    url,
    store,
    a,
    b,
    accesses,
    errors,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      await store.close();
    },
  };
}

/** Fetch init with a bearer token (and more headers). */
export function bearer(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } };
}

/** The `Type/id` keys of a member's resources of one type. */
export function keysOf(member: GeneratedMember, type: string): string[] {
  return member.resources.filter((r) => r.resourceType === type).map((r) => `${type}/${r.id ?? ''}`);
}
