import { createAccountsPortal } from '@plan-api/portal';
import type { AccountKind, AccountsPortal, PortalMailer } from '@plan-api/portal';
import type { KeyValueStore, RecordStore } from '@plan-api/store';

/** Where each kind of account has its pages on the server: vendors `/developer`, reviewers `/review`, members `/account`. */
export const ACCOUNT_AREAS: Record<AccountKind, string> = {
  vendor: '/developer',
  reviewer: '/review',
  member: '/account',
};

/**
 * The accounts of the server (vendors, reviewers, members), with their emailed links pointing at each kind's own
 * area: the link's token rides in the fragment, so it never reaches a server log or a Referer.
 */
export function createServerAccounts(options: {
  records: RecordStore;
  kv: KeyValueStore;
  mailer: PortalMailer;
  publicUrl: string;
}): AccountsPortal {
  const { publicUrl } = options;
  return createAccountsPortal({
    records: options.records,
    mailer: options.mailer,
    counters: {
      increment: (key, windowSeconds) => options.kv.increment('rate', key, { expiresInSeconds: windowSeconds }),
    },
    links: (kind, _purpose, token) =>
      `${publicUrl}${ACCOUNT_AREAS[kind]}/set-password#token=${encodeURIComponent(token)}`,
    pages: (kind, page) => `${publicUrl}${ACCOUNT_AREAS[kind]}/${page === 'signIn' ? 'sign-in' : 'forgot-password'}`,
  });
}
