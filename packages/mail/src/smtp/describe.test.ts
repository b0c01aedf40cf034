import { describe, expect, it } from 'vitest';
import { describeFailure, formatDelay, smtpServer } from './describe.ts';
import { retryDelaySeconds, retryPolicy } from './state.ts';

describe('smtpServer', () => {
  it('names the server without its credentials, path or query', () => {
    expect(smtpServer('smtps://user%40plan.example:p%40ss-word@smtp.plan.example:465/x?pool=true')).toEqual({
      url: 'smtps://user%40plan.example:p%40ss-word@smtp.plan.example:465/x?pool=true',
      display: 'smtps://***@smtp.plan.example:465',
      secrets: ['p@ss-word'],
    });
    expect(smtpServer('smtp://127.0.0.1:2525').display).toBe('smtp://127.0.0.1:2525');
  });

  it('refuses what is not an smtp(s) URL with a host, without repeating the value', () => {
    for (const url of ['mailto:a@b.example', 'smtp://', 'not a url', 'https://user:pw-secret@smtp.example']) {
      expect(() => smtpServer(url)).toThrow(/^The SMTP URL must look like smtp:\/\/host:port/);
      expect(() => smtpServer(url)).not.toThrow(/pw-secret/);
    }
  });
});

describe('describeFailure', () => {
  const server = smtpServer('smtp://relay:hunter2-pw@smtp.plan.example:587');

  it('says the server cannot be reached, with the system reason, for connection errors', () => {
    const dns = { message: 'getaddrinfo ENOTFOUND smtp.plan.example', code: 'EDNS', command: 'CONN' };
    expect(describeFailure(dns, server)).toBe(
      'cannot reach the SMTP server at smtp://***@smtp.plan.example:587 (ENOTFOUND)',
    );
    expect(describeFailure({ message: 'Connection timeout', code: 'ETIMEDOUT', command: 'CONN' }, server)).toBe(
      'cannot reach the SMTP server at smtp://***@smtp.plan.example:587 (ETIMEDOUT)',
    );
  });

  it("quotes the server's answer on one short line, without the password it may echo", () => {
    const answer = {
      code: 'EENVELOPE',
      command: 'RCPT TO',
      responseCode: 550,
      response: `550 no\r\n${'x'.repeat(300)}`,
    };
    const text = describeFailure(answer, server);
    expect(text).toMatch(
      /^the SMTP server at smtp:\/\/\*\*\*@smtp\.plan\.example:587 refused the message \(550 no x+…\)$/,
    );
    expect(text.length).toBeLessThan(300);
    const echoed = { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 bad hunter2-pw' };
    expect(describeFailure(echoed, server)).toBe(
      'the SMTP server at smtp://***@smtp.plan.example:587 refused the login (535 bad ***)',
    );
  });

  it('describes anything else by its code and message', () => {
    expect(describeFailure(new Error('boom'), server)).toBe(
      'sending to the SMTP server at smtp://***@smtp.plan.example:587 failed (boom)',
    );
  });
});

describe('the retry policy', () => {
  it('doubles the wait from the first delay and caps it at the longest', () => {
    const policy = retryPolicy();
    expect([1, 2, 3, 4, 7, 8, 12].map((n) => retryDelaySeconds(policy, n))).toEqual([
      30, 60, 120, 240, 1920, 3600, 3600,
    ]);
    expect(policy).toEqual({ firstDelaySeconds: 30, maxDelaySeconds: 3600, maxAttempts: 8, claimSeconds: 300 });
  });

  it('refuses settings that would never retry or never stop', () => {
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow('retry.maxAttempts must be a positive number.');
    expect(() => retryPolicy({ maxAttempts: 2.5 })).toThrow('retry.maxAttempts must be a whole number.');
    expect(() => retryPolicy({ firstDelaySeconds: Number.NaN })).toThrow('retry.firstDelaySeconds');
  });

  it('writes waits as a person reads them', () => {
    expect([30, 119, 120, 1920, 3600, 5400, 7200].map(formatDelay)).toEqual([
      '30 s',
      '119 s',
      '2 min',
      '32 min',
      '1 h',
      '90 min',
      '2 h',
    ]);
  });
});
