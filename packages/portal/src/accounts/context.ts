import type { RecordCollection, RecordStore } from '@plan-api/store';
import { systemClock, type Clock } from '../context.ts';
import { pooledRandom, type RandomBytes } from '../shared/ids.ts';
import type { AccountMail, Mailer } from '../production/mailer.ts';
import { resolveLimits, type AccountLimits } from './limits.ts';
import { createPasswordHasher, DEFAULT_SCRYPT, type PasswordHasher, type ScryptParams } from './passwords.ts';
import {
  ACCOUNT_COLLECTIONS,
  type AccountEmailRecord,
  type AccountKind,
  type AccountLinkRecord,
  type AccountPage,
  type AccountRecord,
  type ApiKeyRecord,
  type LinkPurpose,
  type RateCounter,
  type SignInLockRecord,
} from './model.ts';

/** A member of the plan as the member directory knows them: the Patient they are and their name. */
export interface MemberMatch {
  patientId: string;
  name: string;
}

/**
 * Port: the plan's members by member ID and date of birth (the production composition looks them up in the
 * production FHIR store: the Coverage's subscriber or member ID, the Patient's birthDate). Undefined when no
 * member has both.
 */
export interface MemberLookup {
  find(memberId: string, birthDate: string): Promise<MemberMatch | undefined>;
}

/** What createAccountsPortal needs. */
export interface AccountsPortalDeps {
  /** Accounts, address claims, links, API keys and sign-in locks (shared by every process). */
  records: RecordStore;
  /** Sends the account mail; without one, nothing is sent (links still work if handed over otherwise). */
  mailer?: Mailer<AccountMail> | undefined;
  /** The rate limits' counters (KeyValueStore.increment in the compositions). */
  counters: RateCounter;
  /**
   * The absolute URL an emailed link carries, e.g. `<public URL>/developer/set-password#token=<token>` (a
   * fragment keeps the token out of server logs and Referer headers).
   */
  links: (audience: AccountKind, purpose: LinkPurpose, token: string) => string;
  /** The absolute URL of a page of the audience's area without a token (the `accountExists` mail's links). */
  pages: (audience: AccountKind, page: AccountPage) => string;
  /** The plan's members, for self-registration; without it, registerMember is not offered (`not_found`). */
  members?: MemberLookup | undefined;
  clock?: Clock;
  /** Random bytes for ids, tokens, keys and salts (default: node:crypto, pooled). */
  random?: RandomBytes;
  /** Overrides of DEFAULT_ACCOUNT_LIMITS. */
  limits?: Partial<AccountLimits>;
  /** How long an emailed link works (default 24 hours). */
  linkTtlSeconds?: number;
  /** scrypt cost of new hashes (default DEFAULT_SCRYPT); tests lower it, stored hashes keep their own. */
  passwordHashing?: ScryptParams;
}

/** Everything an accounts use case works with. */
export interface AccountsContext {
  accounts: RecordCollection<AccountRecord>;
  emails: RecordCollection<AccountEmailRecord>;
  links: RecordCollection<AccountLinkRecord>;
  apiKeys: RecordCollection<ApiKeyRecord>;
  locks: RecordCollection<SignInLockRecord>;
  mailer: Mailer<AccountMail> | undefined;
  counters: RateCounter;
  linkUrl: AccountsPortalDeps['links'];
  pageUrl: AccountsPortalDeps['pages'];
  members: MemberLookup | undefined;
  clock: Clock;
  random: RandomBytes;
  limits: AccountLimits;
  linkTtlSeconds: number;
  passwords: PasswordHasher;
}

/** Resolves the dependencies (and their defaults) into an AccountsContext. */
export function createAccountsContext(deps: AccountsPortalDeps): AccountsContext {
  const { records } = deps;
  const linkTtlSeconds = deps.linkTtlSeconds ?? 24 * 60 * 60;
  if (!Number.isInteger(linkTtlSeconds) || linkTtlSeconds <= 0) {
    throw new Error('createAccountsPortal: linkTtlSeconds must be a positive integer');
  }
  const random = deps.random ?? pooledRandom();
  return {
    accounts: records.collection<AccountRecord>(ACCOUNT_COLLECTIONS.accounts),
    emails: records.collection<AccountEmailRecord>(ACCOUNT_COLLECTIONS.emails),
    links: records.collection<AccountLinkRecord>(ACCOUNT_COLLECTIONS.links),
    apiKeys: records.collection<ApiKeyRecord>(ACCOUNT_COLLECTIONS.apiKeys),
    locks: records.collection<SignInLockRecord>(ACCOUNT_COLLECTIONS.locks),
    mailer: deps.mailer,
    counters: deps.counters,
    linkUrl: deps.links,
    pageUrl: deps.pages,
    members: deps.members,
    clock: deps.clock ?? systemClock,
    random,
    limits: resolveLimits(deps.limits),
    linkTtlSeconds,
    passwords: createPasswordHasher(deps.passwordHashing ?? DEFAULT_SCRYPT, random),
  };
}
