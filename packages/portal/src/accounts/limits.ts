/** At most `max` events per window of `windowSeconds`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** The accounts portal's limits (deps.limits overrides any of them). */
export interface AccountLimits {
  /** Sign-in attempts, right or wrong, from one network (IPv4 address or IPv6 /64): 30 per 15 minutes. */
  signInPerIp: RateLimit;
  /**
   * Failed sign-ins (and wrong current passwords) of one address: at the 10th in 15 minutes the address is
   * locked for 15 minutes, whatever network the attempts come from.
   */
  signInFailuresPerAccount: RateLimit;
  /** Enrollments and password-reset requests from one network: 20 per hour. */
  mailRequestsPerIp: RateLimit;
  /** Enrollments and password-reset requests for one address (each sends a mail): 5 per hour. */
  mailRequestsPerAddress: RateLimit;
  /**
   * Member registrations from one network: 10 per hour. Each one mails whoever registered whether the member ID
   * and date of birth matched, so this bounds guessing as well as mail.
   */
  memberRegistrationsPerIp: RateLimit;
  /** Member registrations for one address: 5 per hour. */
  memberRegistrationsPerAddress: RateLimit;
  /** Link completions (set password) from one network: 30 per 15 minutes. */
  linkCompletionsPerIp: RateLimit;
  /** API keys one account may hold at once: 20. */
  apiKeysPerAccount: number;
}

const QUARTER_HOUR = 15 * 60;
const HOUR = 60 * 60;

/** The defaults (see each field of AccountLimits). */
export const DEFAULT_ACCOUNT_LIMITS: Readonly<AccountLimits> = {
  signInPerIp: { max: 30, windowSeconds: QUARTER_HOUR },
  signInFailuresPerAccount: { max: 10, windowSeconds: QUARTER_HOUR },
  mailRequestsPerIp: { max: 20, windowSeconds: HOUR },
  mailRequestsPerAddress: { max: 5, windowSeconds: HOUR },
  memberRegistrationsPerIp: { max: 10, windowSeconds: HOUR },
  memberRegistrationsPerAddress: { max: 5, windowSeconds: HOUR },
  linkCompletionsPerIp: { max: 30, windowSeconds: QUARTER_HOUR },
  apiKeysPerAccount: 20,
};

const positiveInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) > 0;

/** The defaults with the given overrides; throws on a limit that is not a positive integer. */
export function resolveLimits(overrides: Partial<AccountLimits> = {}): AccountLimits {
  const limits: AccountLimits = { ...DEFAULT_ACCOUNT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    const ok =
      typeof value === 'number'
        ? positiveInteger(value)
        : positiveInteger((value as RateLimit).max) && positiveInteger((value as RateLimit).windowSeconds);
    if (!ok) throw new Error(`createAccountsPortal: limits.${name} needs positive integers`);
  }
  return limits;
}
