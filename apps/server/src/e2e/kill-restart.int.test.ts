/**
 * kill -9 of `pnpm server` on PostgreSQL (issue 13). Writes through the API (apps, Initialize Patient) run
 * concurrently until the process is killed at a random moment; after a restart on the same database every write
 * that was acknowledged (2xx) is there, whole. Then `pnpm server import` of a few thousand resources is killed
 * mid-way: it leaves whole batches only, and the import run again to completion leaves each resource exactly once.
 */
import { randomInt } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { completeApp } from '@plan-api/portal/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { killHard } from '../testing/kill.ts';
import { spawnServerCommand, startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor } from '../testing/vendors.ts';

const db = testDatabaseSchema('kill');
const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: db.schema };
let smtp: TestSmtpServer;
let sql: pg.Client;
/** The server after the restart (the import's count is checked through its FHIR API). */
let restarted: ServerProcess | undefined;
let workDir: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  sql = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await sql.connect();
  workDir = await mkdtemp(join(tmpdir(), 'plan-api-kill-'));
}, 60_000);
afterAll(async () => {
  await restarted?.stop();
  await sql?.end();
  await smtp?.stop();
  await rm(workDir, { recursive: true, force: true });
  await db.drop();
});

/** A write the server acknowledged with a 2xx. */
type Acknowledged =
  { kind: 'app'; id: string; name: string } | { kind: 'patient'; id: string; resourceCounts: Record<string, number> };

describe('kill -9 of the server during writes', () => {
  it('keeps every acknowledged write: apps and initialized patients are there, whole, after a restart', async () => {
    const first = await startServerProcess({ ...env, SMTP_URL: smtp.url });
    const vendor = await enrollVendor(first.url, smtp, 'kill@vendor.example', 'Kill');
    const headers = { authorization: `Bearer ${vendor.apiKey}`, 'content-type': 'application/json' };

    const acknowledged: Acknowledged[] = [];
    let inFlight = 0;
    let killing = false;
    // Killed once this many writes are acknowledged, with the other workers' writes in flight.
    const killAfter = randomInt(6, 24);
    let killedWithInFlight = -1;
    let next = 0;
    let killed!: Promise<void>;
    const triggered = new Promise<void>((resolve) => {
      const worker = async () => {
        while (!killing) {
          const n = next++;
          const isApp = n % 2 === 0;
          inFlight++;
          try {
            const res = await fetch(`${first.listenUrl}/api/${isApp ? 'apps' : 'patients'}`, {
              method: 'POST',
              headers,
              body: JSON.stringify(isApp ? completeApp({ name: `Kill App ${n}` }) : { seed: `kill-${n}` }),
            });
            if (res.status >= 200 && res.status < 300) {
              const body = (await res.json()) as { id: string; name: string; resourceCounts: Record<string, number> };
              acknowledged.push(
                isApp
                  ? { kind: 'app', id: body.id, name: body.name }
                  : { kind: 'patient', id: body.id, resourceCounts: body.resourceCounts },
              );
            } else if (!killing) {
              throw new Error(`a write answered ${res.status} before the kill: ${await res.text()}`);
            }
          } catch (error) {
            // Refused or reset connections are the writes the kill interrupted: not acknowledged.
            if (!killing) throw error;
          } finally {
            inFlight--;
          }
          if (!killing && acknowledged.length >= killAfter) {
            killing = true;
            killedWithInFlight = inFlight;
            killed = killHard(first.child);
            resolve();
          }
        }
      };
      for (let i = 0; i < 4; i++) void worker();
    });
    await triggered;
    await killed;
    console.log(
      `killed after ${acknowledged.length} acknowledged writes (${acknowledged.filter((a) => a.kind === 'app').length} apps), ` +
        `${killedWithInFlight} in flight`,
    );
    // Really gone: nothing answers on its port any more.
    await expect(fetch(`${first.listenUrl}/health`)).rejects.toThrow();
    await first.stop();
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);

    restarted = await startServerProcess({ ...env, SMTP_URL: smtp.url });
    const url = restarted.url;
    for (const write of acknowledged.filter((a) => a.kind === 'app')) {
      const res = await fetch(`${url}/api/apps/${write.id}`, { headers });
      expect(res.status, `app ${write.id}`).toBe(200);
      expect(((await res.json()) as { name: string }).name).toBe(write.name);
    }
    const listed = (await (await fetch(`${url}/api/patients`, { headers })).json()) as { id: string }[];
    for (const write of acknowledged.filter((a) => a.kind === 'patient')) {
      expect(listed.map((p) => p.id)).toContain(write.id);
      const data = await fetch(`${url}/api/patients/${write.id}/data`, { headers });
      expect(data.status, `patient ${write.id}`).toBe(200);
      const bundle = (await data.json()) as { entry?: { resource: { resourceType: string } }[] };
      const counts: Record<string, number> = {};
      for (const { resource } of bundle.entry ?? []) {
        counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
      }
      expect(counts, `patient ${write.id}`).toEqual(write.resourceCounts);
    }
  }, 240_000);
});

describe('kill -9 of `pnpm server import`', () => {
  const COUNT = 6000;
  const BATCH = 1000;
  const SYSTEM = 'http://kill-import.example/id';
  const ids = Array.from({ length: COUNT }, (_, i) => `kill-imp-${String(i).padStart(5, '0')}`);

  const counts = async () => {
    const q = (text: string) => sql.query<{ n: string }>(text, ['Practitioner', 'kill-imp-%']);
    const [resources, tokens] = await Promise.all([
      q(`SELECT count(*) AS n FROM "${db.schema}".resources WHERE rtype = $1 AND id LIKE $2 AND NOT deleted`),
      q(`SELECT count(*) AS n FROM "${db.schema}".idx_token WHERE rtype = $1 AND id LIKE $2 AND param = 'identifier'`),
    ]);
    return { resources: Number(resources.rows[0]?.n), identifierRows: Number(tokens.rows[0]?.n) };
  };

  it('leaves whole batches when killed, and each resource exactly once when run again', async () => {
    const file = join(workDir, 'practitioners.ndjson');
    await writeFile(
      file,
      ids
        .map((id, i) =>
          JSON.stringify({
            resourceType: 'Practitioner',
            id,
            active: true,
            identifier: [{ system: SYSTEM, value: id }],
            name: [{ family: 'Killington', given: [`Imp${i}`] }],
          }),
        )
        .join('\n') + '\n',
    );
    expect(await counts()).toEqual({ resources: 0, identifierRows: 0 });

    // Killed at a random moment once 1 to 3 batches are in (there are six), sometimes while the next is written.
    const killAt = BATCH * randomInt(1, 4);
    const run = spawnServerCommand(['import', file], env);
    let seen = 0;
    while (seen < killAt) {
      const exited = await Promise.race([run.done.then(() => true), new Promise((r) => setTimeout(r, 10, false))]);
      if (exited) throw new Error(`the import ended before it could be killed: ${(await run.done).stdout}`);
      seen = (await counts()).resources;
    }
    await new Promise((resolve) => setTimeout(resolve, randomInt(0, 60)));
    await killHard(run.child);
    const outcome = await run.done;
    expect(outcome.stdout).not.toMatch(/imported \d+ resources/);

    const afterKill = await counts();
    console.log(`import killed with ${afterKill.resources} of ${COUNT} resources in (aimed at ${killAt})`);
    expect(afterKill.resources).toBeGreaterThan(0);
    expect(afterKill.resources).toBeLessThan(COUNT);
    expect(afterKill.resources % BATCH, 'whole batches only').toBe(0);
    expect(afterKill.identifierRows, 'a batch carries its index rows').toBe(afterKill.resources);

    const again = await spawnServerCommand(['import', file], env).done;
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`imported ${COUNT} resources`);
    expect(await counts()).toEqual({ resources: COUNT, identifierRows: COUNT });

    // Through the FHIR API of the running server: all of them, and one by identifier.
    restarted ??= await startServerProcess({ ...env, SMTP_URL: smtp.url });
    const base = `${restarted.url}/directory/fhir/Practitioner`;
    const total = async (query: string) =>
      ((await (await fetch(`${base}?${query}`)).json()) as { total?: number }).total;
    expect(await total(`identifier=${encodeURIComponent(`${SYSTEM}|`)}&_summary=count`)).toBe(COUNT);
    expect(await total(`identifier=${encodeURIComponent(`${SYSTEM}|${ids[42]}`)}`)).toBe(1);
    expect(await total('family=Killington&_summary=count')).toBe(COUNT);
  }, 240_000);
});
