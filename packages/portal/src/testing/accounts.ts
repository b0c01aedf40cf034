import { expect } from 'vitest';
import { createMemoryRecordStore, type RecordCollection, type RecordStore, type StoredRecord } from '@plan-api/store';
import { createAccountsPortal, type AccountsPortal } from '../accounts.ts';
import { createAccountsContext, type AccountsContext, type AccountsPortalDeps } from '../accounts/context.ts';
import type { AccountKind, AccountView } from '../accounts/model.ts';
import type { ScryptParams } from '../accounts/passwords.ts';
import type { Mailer, PortalMail } from '../production/mailer.ts';
import { PortalError } from '../types.ts';
import { counterRandom, manualClock, rejection, type ManualClock } from './harness.ts';
import { keepingMailer } from './mailer.ts';
import { memoryRateCounter } from './rate-counter.ts';

/** A cheap scrypt cost, so tests hash in milliseconds (stored hashes carry their parameters). */
export const TEST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
/** The network the tests' requests come from. */
export const IP = { ip: '203.0.113.7' };
/** A password that passes the policy. */
export const PASSWORD = 'blue harbor lantern 42';
/** Where the test links point. */
export const PUBLIC_URL = 'https://plan.example';

/** An accounts portal and what the tests look into. */
export interface TestAccounts {
  portal: AccountsPortal;
  records: RecordStore;
  counters: ReturnType<typeof memoryRateCounter>;
  mailer: Mailer & { sent: PortalMail[] };
  clock: ManualClock;
  /** Another portal over the same records, counters, mailer and clock: another server process (each call a new one). */
  process2(): AccountsPortal;
  /** A use-case context over the same records, counters, mailer and clock, with its own random source. */
  context(): AccountsContext;
}

/** An accounts portal over the memory RecordStore, a memory counter, a keeping mailer and a manual clock. */
export function createTestAccounts(overrides: Partial<AccountsPortalDeps> = {}): TestAccounts {
  const clock = manualClock();
  const records = overrides.records ?? createMemoryRecordStore();
  const counters = memoryRateCounter(clock);
  const mailer = keepingMailer();
  let contexts = 0;
  let processes = 0;
  const deps = (label: string): AccountsPortalDeps => ({
    records,
    counters,
    mailer,
    clock,
    random: counterRandom(label),
    passwordHashing: TEST_SCRYPT,
    links: (audience, purpose, token) => `${PUBLIC_URL}/${audience}/${purpose}#token=${token}`,
    pages: (audience, page) => `${PUBLIC_URL}/${audience}/${page}`,
    ...overrides,
  });
  return {
    portal: createAccountsPortal(deps('process-1')),
    records,
    counters,
    mailer,
    clock,
    process2: () => createAccountsPortal(deps(`process-${2 + processes++}`)),
    context: () => createAccountsContext(deps(`context-${contexts++}`)),
  };
}

/** A valid enrollment form; override fields per test. */
export function enrollment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Ada Vendor',
    email: 'ada@wallet.example',
    organizationName: 'Wallet Inc.',
    organizationUrl: 'https://wallet.example',
    phone: '+1 555 010 0100',
    acceptTerms: true,
    ...overrides,
  };
}

/** The mails of one template sent so far. */
export function mailsOf<T extends PortalMail['template']>(
  mailer: { sent: PortalMail[] },
  template: T,
): Extract<PortalMail, { template: T }>[] {
  return mailer.sent.filter((m): m is Extract<PortalMail, { template: T }> => m.template === template);
}

/** The token of the newest `accountLink` mail (to one address, when given). */
export function lastToken(mailer: { sent: PortalMail[] }, to?: string): string {
  const mail = mailsOf(mailer, 'accountLink')
    .filter((m) => to === undefined || m.to === to)
    .at(-1);
  const token = mail === undefined ? undefined : new URL(mail.data.link).hash.replace(/^#token=/, '');
  if (token === undefined) throw new Error('no accountLink mail was sent');
  return token;
}

/** An active vendor account (enrolled, link completed with PASSWORD). */
export async function activeVendor(test: TestAccounts, email = 'ada@wallet.example'): Promise<AccountView> {
  await test.portal.enrollVendor(enrollment({ email }), IP);
  return test.portal.completeLink({ token: lastToken(test.mailer, email), password: PASSWORD }, IP);
}

/** An active account of any kind (invited, link completed with PASSWORD). */
export async function activeInvitee(test: TestAccounts, kind: AccountKind, email: string): Promise<AccountView> {
  const input = { name: 'Rae Viewer', email, ...(kind === 'member' ? { patientId: 'p-1' } : {}) };
  await test.portal.inviteAccount(kind, input);
  return test.portal.completeLink({ token: lastToken(test.mailer, email), password: PASSWORD }, IP);
}

/** Asserts that none of the secrets appear anywhere in a value (an account view, an error and its fields). */
export function expectNoSecrets(value: unknown, secrets: readonly string[]): void {
  const text =
    value instanceof Error
      ? JSON.stringify({ ...value, message: value.message, stack: value.stack })
      : JSON.stringify(value);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** The PortalError a promise rejects with (fails the test when it resolves or rejects with something else). */
export async function rejectionOf(promise: Promise<unknown>): Promise<PortalError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(PortalError);
  return error as PortalError;
}

/**
 * A RecordStore whose collection `name` has some methods replaced (a write that fails, a write that is
 * counted); the other methods and collections are the store's own.
 */
export function withCollection(
  records: RecordStore,
  name: string,
  replace: (collection: RecordCollection<StoredRecord>) => Partial<RecordCollection<StoredRecord>>,
): RecordStore {
  return {
    close: () => records.close(),
    collection: <T extends StoredRecord>(wanted: string): RecordCollection<T> => {
      const c = records.collection<T>(wanted);
      if (wanted !== name) return c;
      const own: RecordCollection<T> = {
        get: (id) => c.get(id),
        list: (options) => c.list(options),
        count: (where) => c.count(where),
        put: (record) => c.put(record),
        insert: (record) => c.insert(record),
        putIf: (record, where) => c.putIf(record, where),
        delete: (id) => c.delete(id),
        deleteWhere: (where) => c.deleteWhere(where),
      };
      return { ...own, ...(replace(own as unknown as RecordCollection<StoredRecord>) as Partial<RecordCollection<T>>) };
    },
  };
}
