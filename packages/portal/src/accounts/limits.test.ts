import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_LIMITS, resolveLimits } from './limits.ts';

describe('account limits', () => {
  it('default to 30 sign-ins per network and 10 failures per address per 15 minutes, 5 mails per address an hour, 10 member registrations per network and 5 per address an hour', () => {
    expect(DEFAULT_ACCOUNT_LIMITS).toEqual({
      signInPerIp: { max: 30, windowSeconds: 900 },
      signInFailuresPerAccount: { max: 10, windowSeconds: 900 },
      mailRequestsPerIp: { max: 20, windowSeconds: 3600 },
      mailRequestsPerAddress: { max: 5, windowSeconds: 3600 },
      memberRegistrationsPerIp: { max: 10, windowSeconds: 3600 },
      memberRegistrationsPerAddress: { max: 5, windowSeconds: 3600 },
      linkCompletionsPerIp: { max: 30, windowSeconds: 900 },
      apiKeysPerAccount: 20,
    });
  });

  it('take overrides per limit and refuse anything but positive integers', () => {
    expect(resolveLimits({ apiKeysPerAccount: 3 }).apiKeysPerAccount).toBe(3);
    expect(resolveLimits({ signInPerIp: { max: 5, windowSeconds: 60 } }).signInFailuresPerAccount.max).toBe(10);
    expect(() => resolveLimits({ signInPerIp: { max: 0, windowSeconds: 60 } })).toThrow(/limits.signInPerIp/);
    expect(() => resolveLimits({ apiKeysPerAccount: 1.5 })).toThrow(/limits.apiKeysPerAccount/);
  });
});
