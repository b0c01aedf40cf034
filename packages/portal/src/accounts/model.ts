import type { StoredRecord } from '@plan-api/store';

/** Who an account belongs to: an app vendor (hosted sandbox), a plan reviewer, or a member. */
export type AccountKind = 'vendor' | 'reviewer' | 'member';

/** Every account kind, in the order the API documents them. */
export const ACCOUNT_KINDS: readonly AccountKind[] = ['vendor', 'reviewer', 'member'];

/**
 * Why an emailed link was sent: `enroll` (vendor enrollment), `reset` ("Forgot password"), `invite` (an account
 * the plan created) and `verify` (member self-registration). Every link sets the password.
 */
export type LinkPurpose = 'enroll' | 'reset' | 'invite' | 'verify';

/**
 * The pages of a kind's area the mail without a token points at: sign-in and "Forgot password" (`accountExists`),
 * and the member portal's registration page (`memberNotFound`, asked for members only).
 */
export type AccountPage = 'signIn' | 'forgotPassword' | 'register';

/** An account as the API shows it: never a password, hash, token or key. */
export interface AccountView {
  id: string;
  kind: AccountKind;
  /** Normalized: trimmed, NFKC, lower-case. */
  email: string;
  name: string;
  /** `pending` until the password is set from an emailed link. */
  status: 'pending' | 'active';
  createdAt: string;
  /** Vendor profile. */
  organizationName?: string;
  organizationUrl?: string;
  phone?: string;
  /** Member accounts: the Patient they are bound to (`fhirUser`). */
  patientId?: string;
}

/** An API key as its owner sees it after creation (the key itself is shown once, at creation). */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters (`pak_` and a few more), to recognize it in a list. */
  prefix: string;
  createdAt: string;
  /** Accurate to a minute (writes are spared for keys used more often). */
  lastUsedAt?: string;
}

/**
 * Port: an atomic counter in the database (the composition wires KeyValueStore.increment), so limits hold
 * across the server's processes. Adds 1 to `key` and returns the new count; a counter that is absent or
 * older than `windowSeconds` starts again at 1.
 */
export interface RateCounter {
  increment(key: string, windowSeconds: number): Promise<number>;
}

/** Fields of an account beyond who it is (vendor profile, member binding). */
export interface AccountProfile {
  organizationName?: string;
  organizationUrl?: string;
  phone?: string;
  patientId?: string;
}

/** Collection `accounts`: one record per account. */
export interface AccountRecord extends StoredRecord, AccountProfile {
  kind: AccountKind;
  email: string;
  name: string;
  status: 'pending' | 'active';
  /** `scrypt$N$r$p$salt$hash` (see passwords.ts); absent until the first password is set. */
  passwordHash?: string;
  createdAt: string;
  updatedAt: string;
  /** Raised by every change; changes are compare-and-set on it, so concurrent ones never overwrite each other. */
  revision: number;
}

/**
 * Collection `accountEmails`: the unique claim of an address per kind, id `<kind>:<email>`. Inserted after
 * its account, so a claim always names an account that exists; the insert's conflict is what makes two
 * concurrent enrollments of one address create one account.
 */
export interface AccountEmailRecord extends StoredRecord {
  accountId: string;
}

/** Collection `accountLinks`: an emailed single-use link; id = SHA-256 (hex) of its token. */
export interface AccountLinkRecord extends StoredRecord {
  accountId: string;
  purpose: LinkPurpose;
  /** `open` until used, or replaced by a newer link of the same account. Changed only with putIf. */
  state: 'open' | 'used' | 'replaced';
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
  /** For `enroll` links: the enrollment form that sent it; completing the link makes it the account's profile. */
  enrollment?: { name: string } & AccountProfile;
}

/** Collection `apiKeys`: id = SHA-256 (hex) of the key, so a bearer key is found with one read. */
export interface ApiKeyRecord extends StoredRecord {
  /** The public id (ApiKeyView.id), random, unrelated to the key. */
  keyId: string;
  accountId: string;
  name: string;
  prefix: string;
  createdAt: string;
  /** null until first used (a value the compare-and-set of its update can match). */
  lastUsedAt: string | null;
}

/** Collection `signInLocks`: an address whose failed sign-ins reached the limit, id `<kind>:<email>`. */
export interface SignInLockRecord extends StoredRecord {
  until: string;
}

/** Collection names in the RecordStore. */
export const ACCOUNT_COLLECTIONS = {
  accounts: 'accounts',
  emails: 'accountEmails',
  links: 'accountLinks',
  apiKeys: 'apiKeys',
  locks: 'signInLocks',
} as const;

/** Indexes the PostgreSQL adapter should declare for the lists the accounts portal runs. */
export const ACCOUNT_RECORD_INDEXES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  [ACCOUNT_COLLECTIONS.accounts]: [['kind', 'patientId']],
  [ACCOUNT_COLLECTIONS.links]: [['accountId']],
  [ACCOUNT_COLLECTIONS.apiKeys]: [['accountId'], ['accountId', 'keyId']],
};

/** The AccountView of a record: fields copied by name, so a stored hash can never leak through a spread. */
export function toAccountView(record: AccountRecord): AccountView {
  const view: AccountView = {
    id: record.id,
    kind: record.kind,
    email: record.email,
    name: record.name,
    status: record.status,
    createdAt: record.createdAt,
  };
  if (record.organizationName !== undefined) view.organizationName = record.organizationName;
  if (record.organizationUrl !== undefined) view.organizationUrl = record.organizationUrl;
  if (record.phone !== undefined) view.phone = record.phone;
  if (record.patientId !== undefined) view.patientId = record.patientId;
  return view;
}

/** The claim id of an address for a kind. */
export function emailKey(kind: AccountKind, email: string): string {
  return `${kind}:${email}`;
}
