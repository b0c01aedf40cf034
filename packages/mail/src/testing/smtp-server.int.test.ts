import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-server.ts';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function start(options?: Parameters<typeof startTestSmtpServer>[0]): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer(options);
  servers.push(server);
  return server;
}

/** Sends one message with a plain (not pooled) nodemailer transport, as any SMTP client would. */
async function sendTo(url: string, subject: string): Promise<void> {
  const transport = createTransport(url);
  try {
    await transport.sendMail({
      from: '"Plan" <no-reply@plan.example>',
      to: 'dana@vendor.example',
      subject,
      text: `Open https://plan.example/a?t=1 then\nhttps://plan.example/b.`,
      html: '<p>Hi</p>',
    });
  } finally {
    transport.close();
  }
}

describe('the test SMTP server', () => {
  it('parses what it receives and hands over the first message that matches, when it comes', async () => {
    const server = await start();
    expect(server.url).toBe(`smtp://127.0.0.1:${server.port}`);
    const waiting = server.waitForMessage((m) => m.subject === 'Second');
    await sendTo(server.url, 'First');
    await sendTo(server.url, 'Second');
    const mail = await waiting;
    expect(mail).toMatchObject({
      from: '"Plan" <no-reply@plan.example>',
      to: ['dana@vendor.example'],
      envelope: { from: 'no-reply@plan.example', to: ['dana@vendor.example'] },
      html: '<p>Hi</p>',
      links: ['https://plan.example/a?t=1', 'https://plan.example/b.'],
    });
    expect(mail.headers.subject).toBe('Second');
    expect(mail.raw).toMatch(/^[\s\S]*\r\nSubject: Second\r\n/);
    expect(server.messages.map((m) => m.subject)).toEqual(['First', 'Second']);
    await expect(server.waitForMessage((m) => m.subject === 'Third', 50)).rejects.toThrow(
      'No matching mail arrived within 50 ms (received: "First", "Second").',
    );
  });

  it('requires the login it was given, and refuses mail on demand', async () => {
    const server = await start({ auth: { user: 'relay', pass: 'secret-pass' } });
    expect(server.url).toBe(`smtp://relay:secret-pass@127.0.0.1:${server.port}`);
    await expect(sendTo(server.url.replace('secret-pass', 'nope'), 'x')).rejects.toMatchObject({ responseCode: 535 });
    await expect(sendTo(`smtp://127.0.0.1:${server.port}`, 'x')).rejects.toMatchObject({ responseCode: 530 });
    server.refuse('reject');
    await expect(sendTo(server.url, 'x')).rejects.toMatchObject({ responseCode: 451 });
    server.refuse('close');
    await expect(sendTo(server.url, 'x')).rejects.toMatchObject({ responseCode: 421 });
    server.refuse(false);
    await sendTo(server.url, 'Accepted');
    expect(server.messages.map((m) => m.subject)).toEqual(['Accepted']);
  });
});
