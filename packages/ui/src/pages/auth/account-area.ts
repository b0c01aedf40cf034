// Who the public account pages (sign-in, passwords) serve: vendors in the hosted developer sandbox, reviewers in
// the review area. The pages are the same; the words, the API routes and where they lead differ.
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
}

const VENDORS: AccountArea = {
  kind: 'vendor',
  home: '/apps',
  name: 'the developer sandbox',
  brand: 'Sandbox',
  badge: 'Developer',
  canEnroll: true,
};

const REVIEWERS: AccountArea = {
  kind: 'reviewer',
  home: '/requests',
  name: 'the review area',
  brand: 'Review',
  badge: 'Reviewer',
  canEnroll: false,
};

/** The area of a mode: `review` is the reviewers', any other the vendors'. */
export function accountAreaFor(mode: UiMode): AccountArea {
  return mode === 'review' ? REVIEWERS : VENDORS;
}

/** The area of this page. */
export function useAccountArea(): AccountArea {
  return accountAreaFor(useRuntimeConfig().mode);
}
