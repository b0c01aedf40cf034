/**
 * The server side of the SMART benchmark, run as a child process so the load generator does not share
 * its event loop. One Express app in front of a real sandbox (in-memory stores) serves:
 * - the sandbox itself (`/auth/token` for the refresh grant, `/fhir` for the authorized search);
 * - `POST /bench/noop`: a trivial form POST, the floor of any token request through the same app;
 * - `/plain/fhir`: the unauthenticated FHIR router (as the directory uses it) over a store holding the
 *   same resources as the sandbox's, the floor of the authorized search.
 * It registers a confidential app and a member over the management API and gets tokens as an app would.
 */
import '@plan-api/smart/quiet-runtime-warning';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Bundle, FhirResource } from 'fhir/r4';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createFhirRouter } from '@plan-api/http';
import { createSandboxServer } from '@plan-api/sandbox';
import { createMemoryStore } from '@plan-api/store';
import { createDirectory } from '@plan-api/synthetic';
import { minimalTokenEndpoint } from './minimal-token.ts';
import type { MinimalTokenEndpoint } from './minimal-token.ts';
import { repoTerminology, TERMINOLOGY_DIR, UI_DIR } from './paths.ts';
import { FAMILIES, smartTokens } from './smart-tokens.ts';

export const DIRECTORY_SIZE = 2000;
const DIRECTORY_SEED = 'sandbox';

export interface SmartServerReady {
  origin: string;
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  /** One refresh token per connection (families of the same grant type, scope and member). */
  refreshTokens: string[];
  /** The minimal token endpoint (same cryptography, nothing else) and one refresh token per connection for it. */
  minimalTokenEndpoint: string;
  minimalRefreshTokens: string[];
  accessToken: string;
  /** `Observation?patient=<id>&category=laboratory` */
  searchPath: string;
  /** Resources in each store, and the entries the measured search answers. */
  resources: number;
  searchEntries: number;
}

const quiet = { info: () => undefined, error: (m: string, d?: unknown) => console.error(m, d) };

async function main(): Promise<void> {
  const outer = express();
  outer.disable('x-powered-by');
  outer.disable('etag');
  outer.post('/bench/noop', express.urlencoded({ extended: false }), (req, res) => {
    const body = req.body as Record<string, string> | undefined;
    res.set('Cache-Control', 'no-store').json({ ok: true, grant_type: body?.grant_type ?? null });
  });
  // Registered before the sandbox's routes, ready once the app's credentials exist.
  const late: { minimal?: MinimalTokenEndpoint } = {};
  outer.post(
    '/bench/minimal-token',
    ...[0, 1].map(
      (i) =>
        ((req, res, next) => {
          const step = late.minimal?.handler[i];
          if (step) void step(req, res, next);
          else res.status(503).end();
        }) satisfies express.RequestHandler,
    ),
  );
  const server = createServer(outer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const managementToken = randomBytes(24).toString('base64url');
  const sandbox = createSandboxServer({
    managementToken,
    port: 0,
    publicUrl: origin,
    directorySize: DIRECTORY_SIZE,
    directorySeed: DIRECTORY_SEED,
    logger: quiet,
    uiDir: UI_DIR,
    terminologyDir: TERMINOLOGY_DIR,
  });
  await sandbox.start();

  const registry = createDefaultRegistry();
  const plain = createMemoryStore({ registry });
  outer.use(
    '/plain/fhir',
    createFhirRouter({
      store: plain,
      registry,
      base: 'patientAccess',
      readOnly: true,
      baseUrl: `${origin}/plain/fhir`,
    }),
  );
  outer.use(sandbox.app);

  const prepared = await smartTokens(origin, managementToken, FAMILIES);
  const minimal = await minimalTokenEndpoint({
    issuer: `${origin}/auth`,
    clientId: prepared.clientId,
    clientSecret: prepared.clientSecret,
    subject: `${origin}/fhir/Patient/${prepared.patientId}`,
  });
  const minimalRefreshTokens = prepared.refreshTokens.map(() => minimal.issueRefreshToken());
  late.minimal = minimal;
  // The same resources as the sandbox's store: the same directory (same seed and size) and the member.
  const myData = (await (
    await fetch(`${origin}/api/patients/${prepared.patientId}/data`, {
      headers: { authorization: `Bearer ${managementToken}` },
    })
  ).json()) as Bundle;
  let resources = await plain.bulkLoad(
    createDirectory({ seed: DIRECTORY_SEED, size: DIRECTORY_SIZE, terminology: repoTerminology() }).resources(),
  );
  resources += await plain.bulkLoad((myData.entry ?? []).map((e) => e.resource as FhirResource));

  const searchPath = `Observation?patient=${prepared.patientId}&category=laboratory`;
  const check = (await (await fetch(`${origin}/plain/fhir/${searchPath}`)).json()) as Bundle;
  const ready: SmartServerReady = {
    origin,
    tokenEndpoint: prepared.tokenEndpoint,
    clientId: prepared.clientId,
    clientSecret: prepared.clientSecret,
    refreshTokens: prepared.refreshTokens,
    minimalTokenEndpoint: `${origin}/bench/minimal-token`,
    minimalRefreshTokens,
    accessToken: prepared.accessToken,
    searchPath,
    resources,
    searchEntries: check.entry?.length ?? 0,
  };
  process.send?.(ready);
  process.on('message', (message) => {
    if (message !== 'stop') return;
    server.close();
    server.closeAllConnections();
    sandbox.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
