import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
