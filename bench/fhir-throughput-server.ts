/**
 * The server side of the FHIR throughput benchmark, run as a child process so the load generator does
 * not share its event loop: the FHIR API (subject) over a memory store; a bare node:http server
 * (baseline) that answers the same paths with the bytes the subject sent for them; and a bare Express
 * app doing the same (the floor any Express route has, to tell Express's share from ours).
 */
import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { FhirResource } from 'fhir/r4';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createFhirApp } from '@plan-api/http';
import { createMemoryStore } from '@plan-api/store';

export const PATIENTS = 60;
export const OBSERVATIONS_PER_PATIENT = 50;
/** The two requests measured: a read and a search answering OBSERVATIONS_PER_PATIENT resources. */
export const SCENARIOS = { read: '/Observation/obs-7-3', search: '/Observation?patient=pat-7&_count=50' };

export type Scenario = keyof typeof SCENARIOS;
export type Side = 'baseline' | 'express' | 'subject';

export interface ServerReady {
  urls: Record<Side, Record<Scenario, string>>;
  bytes: Record<Scenario, number>;
  resources: number;
}

interface Captured {
  body: Buffer;
  contentType: string;
}

async function listen(handler: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir` };
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

function* dataset(): Generator<FhirResource> {
  for (let p = 0; p < PATIENTS; p++) {
    yield {
      resourceType: 'Patient',
      id: `pat-${p}`,
      meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'] },
      identifier: [{ system: 'urn:example:member-id', value: `m-${p}` }],
      name: [{ family: `Family${p}`, given: ['Given'] }],
      gender: p % 2 === 0 ? 'female' : 'male',
      birthDate: `19${50 + (p % 50)}-0${1 + (p % 9)}-1${p % 10}`,
    };
    for (let o = 0; o < OBSERVATIONS_PER_PATIENT; o++) {
      const day = String(1 + (o % 28)).padStart(2, '0');
      yield {
        resourceType: 'Observation',
        id: `obs-${p}-${o}`,
        meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-heart-rate'] },
        status: 'final',
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                code: 'vital-signs',
                display: 'Vital Signs',
              },
            ],
          },
        ],
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }], text: 'Heart rate' },
        subject: { reference: `Patient/pat-${p}` },
        effectiveDateTime: `2024-${String(1 + (o % 12)).padStart(2, '0')}-${day}T09:30:00Z`,
        valueQuantity: {
          value: 55 + ((p * 7 + o) % 40),
          unit: 'beats/minute',
          system: 'http://unitsofmeasure.org',
          code: '/min',
        },
      };
    }
  }
}

async function main(): Promise<void> {
  const registry = createDefaultRegistry();
  const store = createMemoryStore({ registry });
  const resources = await store.bulkLoad(dataset());
  const subject = createFhirApp({ store, registry, readOnly: true, logger: { error: (m, d) => console.error(m, d) } });
  const subjectBase = await subject.start(0);

  const captured = new Map<string, Captured>();
  for (const path of Object.values(SCENARIOS)) {
    const res = await fetch(subjectBase + path);
    if (res.status !== 200) throw new Error(`bench: ${path} answered ${res.status}: ${await res.text()}`);
    const body = Buffer.from(await res.arrayBuffer());
    captured.set(`/fhir${path}`, { body, contentType: res.headers.get('content-type') ?? 'application/fhir+json' });
  }
  const { servers, bases } = await replayServers(captured);
  const urls = (base: string | undefined): Record<Scenario, string> => ({
    read: `${base}${SCENARIOS.read}`,
    search: `${base}${SCENARIOS.search}`,
  });
  const ready: ServerReady = {
    urls: { baseline: urls(bases[0]), express: urls(bases[1]), subject: urls(subjectBase) },
    bytes: {
      read: captured.get(`/fhir${SCENARIOS.read}`)?.body.length ?? 0,
      search: captured.get(`/fhir${SCENARIOS.search}`)?.body.length ?? 0,
    },
    resources,
  };
  const shutdown = async (): Promise<void> => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await subject.stop();
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
