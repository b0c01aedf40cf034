import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { runServerCommand } from '../testing/server-process.ts';

let dataDir: string;
let env: Record<string, string>;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plan-api-members-'));
  env = { PLAN_API_DATA_DIR: dataDir, PLAN_API_PUBLIC_URL: 'https://plan.example', PLAN_API_LOG_FORMAT: 'json' };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('pnpm server members and reviewer commands (embedded storage, mail kept in files)', () => {
  it('loads synthetic members, prints their Patient ids, and invites one; bad input exits 2 saying what is wrong', async () => {
    const loaded = await runServerCommand(['members', 'synthetic', '--count', '1', '--seed', 'cli'], env);
    expect(loaded.code, loaded.stderr).toBe(0);
    const patientId = /Patient\/([A-Za-z0-9.-]+)/.exec(loaded.stdout)?.[1];
    expect(patientId).toBeDefined();
    expect(loaded.stdout).toContain('Loaded 1 synthetic member');

    const unknown = await runServerCommand(
      ['members', 'invite', '--patient', 'p-nobody', '--email', 'a@b.example'],
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no Patient/p-nobody');
    const badEmail = await runServerCommand(
      ['members', 'invite', '--patient', patientId ?? '', '--email', 'nope'],
      env,
    );
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toMatch(/No member was invited[\s\S]*email: /);
    const invited = await runServerCommand(
      ['members', 'invite', '--patient', `Patient/${patientId ?? ''}`, '--email', 'gio@member.example'],
      env,
    );
    expect(invited.code, invited.stderr).toBe(0);
    expect(invited.stdout).toContain(`Invited gio@member.example as the member of Patient/${patientId ?? ''}`);
    expect((await readdir(join(dataDir, 'mail'))).length).toBe(1);

    for (const args of [
      ['members', 'synthetic', '--count', '0'],
      ['members', 'synthetic'],
      ['members', 'delete'],
    ]) {
      const refused = await runServerCommand(args, env);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain('Usage: pnpm server members');
    }
  }, 120_000);

  it('adds a reviewer once; a second time says the account exists', async () => {
    const added = await runServerCommand(['reviewer', 'add', '--email', 'maya@plan.example'], env);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Reviewers sign in at https://plan.example/review');
    const again = await runServerCommand(['reviewer', 'add', '--email', 'maya@plan.example'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('A reviewer account with the email maya@plan.example already exists');
    const missing = await runServerCommand(['reviewer', 'add'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--email is required');
  }, 60_000);

  it('imports NDJSON and Bundle files, naming each rejected line or entry, and exits 1 when any was rejected', async () => {
    const patient = (id: string) => ({ resourceType: 'Patient', id, name: [{ family: 'Imported', given: ['Ada'] }] });
    const ndjson = join(dataDir, 'members.ndjson');
    await writeFile(ndjson, [patient('imp-1'), patient('imp-2')].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const broken = join(dataDir, 'broken.ndjson');
    await writeFile(broken, `${JSON.stringify(patient('imp-3'))}\n{not json\n${JSON.stringify({ id: 'x' })}\n`);
    const embedded = await runServerCommand(['import', ndjson], env);
    expect(embedded.code, embedded.stderr).toBe(0);
    expect(embedded.stdout).toContain(`${ndjson}: imported 2 resources`);
    const invite = await runServerCommand(
      ['members', 'invite', '--patient', 'imp-2', '--email', 'ada@member.example'],
      env,
    );
    expect(invite.code, invite.stderr).toBe(0);
    const partly = await runServerCommand(['import', broken], env);
    expect(partly.code).toBe(1);
    expect(partly.stdout).toMatch(/imported 1 resource .*rejected 2:/);
    expect(partly.stdout).toContain('line 2: not JSON');
    expect(partly.stdout).toContain('line 3: ');
    expect((await runServerCommand(['import', join(dataDir, 'nope.ndjson')], env)).code).toBe(2);

    const db = testDatabaseSchema('import');
    try {
      const bundle = join(dataDir, 'members.json');
      await writeFile(
        bundle,
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ resource: patient('imp-4') }, { resource: { resourceType: 'Patient', id: 'bad id!' } }],
        }),
      );
      const pgEnv = { ...env, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: db.schema };
      const onPostgres = await runServerCommand(['import', bundle, ndjson], pgEnv);
      expect(onPostgres.code).toBe(1);
      expect(onPostgres.stdout).toContain(`${bundle}: imported 1 resource`);
      expect(onPostgres.stdout).toMatch(/entry 1: /);
      expect(onPostgres.stdout).toContain(`${ndjson}: imported 2 resources`);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
