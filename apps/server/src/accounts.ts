import { createAccountsPortal } from '@plan-api/portal';
import type { AccountKind, AccountPage, AccountsPortal, MemberLookup, PortalMailer } from '@plan-api/portal';
import type { KeyValueStore, RecordStore } from '@plan-api/store';

/**
 * Where each kind of account has its area on the server: vendors `/developer`, reviewers `/review`, members
 * `/account` (the member portal's sign-in and set-password pages are at its root).
 */
export const ACCOUNT_AREAS: Record<AccountKind, string> = {
  vendor: '/developer',
  reviewer: '/review',
  member: '/account',
};

const PAGES: Record<AccountPage, string> = {
  signIn: 'sign-in',
  forgotPassword: 'forgot-password',
  register: 'register',
};

/** A page of a kind's area without a token; the member portal's account pages live at its root (`/sign-in`). */
function pagePath(kind: AccountKind, page: AccountPage): string {
  return kind === 'member' ? `/${PAGES[page]}` : `${ACCOUNT_AREAS[kind]}/${PAGES[page]}`;
}

/**
 * The accounts of the server (vendors, reviewers, members), with their emailed links pointing at each kind's own
 * area: the link's token rides in the fragment, so it never reaches a server log or a Referer.
 */
export function createServerAccounts(options: {
  records: RecordStore;
  kv: KeyValueStore;
  mailer: PortalMailer;
  publicUrl: string;
  /** Member ID + date of birth -> the member's Patient (self-registration); none = registration not offered. */
  members?: MemberLookup;
}): AccountsPortal {
  const { publicUrl } = options;
  return createAccountsPortal({
    records: options.records,
    mailer: options.mailer,
    counters: {
      increment: (key, windowSeconds) => options.kv.increment('rate', key, { expiresInSeconds: windowSeconds }),
    },
    links: (kind, _purpose, token) =>
      `${publicUrl}${kind === 'member' ? '' : ACCOUNT_AREAS[kind]}/set-password#token=${encodeURIComponent(token)}`,
    pages: (kind, page) => `${publicUrl}${pagePath(kind, page)}`,
    ...(options.members !== undefined ? { members: options.members } : {}),
  });
}
