import { describe, expect, it } from 'vitest';
import { createMemoryMailer } from './memory.ts';
import { mimePart } from './testing/mime.ts';

describe('the memory mailer', () => {
  it('keeps every message it sends, oldest first, composed like the outbox', async () => {
    const mailer = createMemoryMailer({ clock: { now: () => new Date('2026-07-01T12:00:00.000Z') } });
    await mailer.send({ to: 'a@b.example', subject: 'First', text: 'one' });
    const { id } = await mailer.send({
      to: 'dev@wallet.example',
      template: 'productionDecision',
      data: {
        appName: 'Wallet',
        clientId: 'c',
        decision: 'rejected',
        reason: 'No privacy policy.',
        version: 1,
        decidedAt: '2026-07-01T12:00:00.000Z',
        appLink: 'https://plan.example/developer/apps/a1',
      },
    });
    expect(mailer.messages.map((m) => m.subject)).toEqual(['First', '"Wallet" was not approved for production']);
    expect(mailer.messages[1]?.id).toBe(id);
    expect(mimePart(mailer.messages[1]?.raw ?? '', 'text/plain')).toContain('No privacy policy.');
    expect((await mailer.list()).map((m) => m.subject)).toEqual(['"Wallet" was not approved for production', 'First']);
    expect((await mailer.get(id))?.template).toBe('productionDecision');
  });

  it('hands out copies, so a test cannot change what was sent by accident', async () => {
    const mailer = createMemoryMailer();
    const { id } = await mailer.send({ to: 'a@b.example', subject: 'Kept', text: 'x' });
    const copy = await mailer.get(id);
    if (copy) copy.subject = 'changed';
    expect(mailer.messages[0]?.subject).toBe('Kept');
    expect(await mailer.list({ limit: 0 })).toEqual([]);
  });
});
