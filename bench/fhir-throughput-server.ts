/**
 * The server side of the FHIR throughput benchmark, run as a child process so the load generator does
 * not share its event loop: the public Provider Directory (the synthetic Plan-Net directory the sandbox
 * serves, in a memory store) served by the FHIR API with its response cache in front (subject), the same
 * base without the cache (uncached: what a first request, or a cache miss, costs); a bare node:http server
 * (baseline) that answers the same paths with the bytes the subject sent for them; and a bare Express app
 * doing the same (the floor any Express route has, to tell Express's share from ours).
 */
import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Bundle, PractitionerRole } from 'fhir/r4';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createFhirApp, createResponseCache } from '@plan-api/http';
import { countWrites, createMemoryStore } from '@plan-api/store';
import { createDirectory } from '@plan-api/synthetic';
import { repoTerminology } from './paths.ts';

export const DIRECTORY_SIZE = 2000;
const MOUNT = '/directory/fhir';

export type Scenario = 'read' | 'directory search';
export type Side = 'baseline' | 'express' | 'subject' | 'uncached';

export interface ServerReady {
  urls: Record<Side, Record<Scenario, string>>;
  paths: Record<Scenario, string>;
  bytes: Record<Scenario, number>;
  resources: number;
  /** Entries of the measured search. */
  searchEntries: number;
}

interface Captured {
  body: Buffer;
  contentType: string;
}

async function listen(handler: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}${MOUNT}` };
}

/** The same bytes from a bare node:http server and from a one-middleware Express app. */
async function replayServers(captured: Map<string, Captured>): Promise<{ servers: Server[]; bases: string[] }> {
  const baseline = await listen((req, res) => {
    const hit = captured.get(req.url ?? '');
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': hit.contentType, 'Content-Length': hit.body.length });
    res.end(hit.body);
  });
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((req, res) => {
    const hit = captured.get(req.url);
    res.statusCode = hit ? 200 : 404;
    if (hit) res.setHeader('Content-Type', hit.contentType);
    res.end(hit?.body);
  });
  const floor = await listen(app);
  return { servers: [baseline.server, floor.server], bases: [baseline.base, floor.base] };
}

/** A read of a practitioner, and a specialty search answering a page of PractitionerRoles with their practitioners. */
async function scenarios(base: string, roles: PractitionerRole[]): Promise<Record<Scenario, string>> {
  const counts = new Map<string, number>();
  for (const role of roles) {
    const coding = role.specialty?.[0]?.coding?.[0];
    if (coding?.system && coding.code) {
      const key = `${coding.system}|${coding.code}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  // The most common specialty: the search a member typing "family medicine" makes.
  const [specialty] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const practitioner = roles[0]?.practitioner?.reference ?? '';
  const search = `PractitionerRole?specialty=${encodeURIComponent(specialty)}&_include=PractitionerRole:practitioner&_count=20`;
  const check = (await (await fetch(`${base}/${search}`)).json()) as Bundle;
  if ((check.entry?.length ?? 0) < 20) throw new Error(`bench: ${search} answered ${check.entry?.length ?? 0} entries`);
  return { read: `/${practitioner}`, 'directory search': `/${search}` };
}

async function main(): Promise<void> {
  const registry = createDefaultRegistry();
  const counted = countWrites(createMemoryStore({ registry }));
  const store = counted.store;
  const directory = createDirectory({ seed: 'sandbox', size: DIRECTORY_SIZE, terminology: repoTerminology() });
  const roles: PractitionerRole[] = [];
  const resources = await store.bulkLoad(
    (function* () {
      for (const resource of directory.resources()) {
        if (resource.resourceType === 'PractitionerRole') roles.push(resource as PractitionerRole);
        yield resource;
      }
    })(),
  );
  const options = { store, registry, base: 'directory' as const, readOnly: true, mountPath: MOUNT };
  const responseCache = createResponseCache({ mountPath: MOUNT, version: { current: () => String(counted.writes()) } });
  const subject = createFhirApp({ ...options, responseCache });
  const uncached = createFhirApp(options);
  const subjectBase = await subject.start(0);
  const uncachedBase = await uncached.start(0);
  const paths = await scenarios(uncachedBase, roles);

  const captured = new Map<string, Captured>();
  const bytes = {} as Record<Scenario, number>;
  for (const [scenario, path] of Object.entries(paths) as [Scenario, string][]) {
    const res = await fetch(subjectBase + path);
    if (res.status !== 200) throw new Error(`bench: ${path} answered ${res.status}: ${await res.text()}`);
    const body = Buffer.from(await res.arrayBuffer());
    captured.set(`${MOUNT}${path}`, { body, contentType: res.headers.get('content-type') ?? 'application/fhir+json' });
    bytes[scenario] = body.length;
  }
  const { servers, bases } = await replayServers(captured);
  const urls = (base: string | undefined): Record<Scenario, string> => ({
    read: `${base}${paths.read}`,
    'directory search': `${base}${paths['directory search']}`,
  });
  const searched = (await (await fetch(uncachedBase + paths['directory search'])).json()) as Bundle;
  const ready: ServerReady = {
    urls: {
      baseline: urls(bases[0]),
      express: urls(bases[1]),
      subject: urls(subjectBase),
      uncached: urls(uncachedBase),
    },
    paths,
    bytes,
    resources,
    searchEntries: searched.entry?.length ?? 0,
  };
  const shutdown = async (): Promise<void> => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await subject.stop();
    await uncached.stop();
    await store.close();
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void shutdown();
  });
  // The driver went away without saying stop (crash, Ctrl-C): do not linger.
  process.on('disconnect', () => void shutdown());
  process.send?.(ready);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
