// Who the public account pages (sign-in, passwords) serve: vendors in the hosted developer sandbox, reviewers in
// the review area, members in the member portal. The pages are the same; the words, the API routes and where they lead differ.
import type { AccountKind } from '../../api/types.ts';
import type { UiMode } from '../../config.ts';
import { useRuntimeConfig } from '../../config-context.ts';

export interface AccountArea {
  /** The kind of account the area is for. */
  kind: AccountKind;
  /** Where a signed-in account lands. */
  home: string;
  /** The area's name in sentences ("the developer sandbox"). */
  name: string;
  /** The header's title after the plan name ("Sandbox", "Review"). */
  brand: string;
  /** The header badge. */
  badge: string;
  /** Vendors enroll themselves; reviewers are invited. */
  canEnroll: boolean;
  /** Members register themselves with their member ID (`/register`). */
  canRegister: boolean;
  /** Who the area is for, in a sentence ("app vendors"). */
  audience: string;
}

const VENDORS: AccountArea = {
  kind: 'vendor',
  home: '/apps',
  name: 'the developer sandbox',
  brand: 'Sandbox',
  badge: 'Developer',
  canEnroll: true,
  canRegister: false,
  audience: 'app vendors',
};

const REVIEWERS: AccountArea = {
  kind: 'reviewer',
  home: '/requests',
  name: 'the review area',
  brand: 'Review',
  badge: 'Reviewer',
  canEnroll: false,
  canRegister: false,
  audience: "the plan's reviewers",
};

const MEMBERS: AccountArea = {
  kind: 'member',
  home: '/account',
  name: 'the member portal',
  brand: 'Members',
  badge: 'Member',
  canEnroll: false,
  canRegister: true,
  audience: "the plan's members",
};

/** The area of a mode: `review` is the reviewers', `portal` the members', any other the vendors'. */
export function accountAreaFor(mode: UiMode): AccountArea {
  if (mode === 'review') return REVIEWERS;
  if (mode === 'portal') return MEMBERS;
  return VENDORS;
}

/** The area of this page. */
export function useAccountArea(): AccountArea {
  return accountAreaFor(useRuntimeConfig().mode);
}
