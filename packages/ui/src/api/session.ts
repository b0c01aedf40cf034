// The accounts of the plan's server: session, enrollment and the emailed password links. Vendors' routes are
// under /api (the hosted developer sandbox), reviewers' the same under /api/review (the review area), members'
// under /api/account (the member portal).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useRuntimeConfig } from '../config-context.ts';
import type { UiMode } from '../config.ts';
import { apiRequest, isUnauthorized } from './client.ts';
import { queryKeys } from './keys.ts';
import type { AcceptedMessage, PasswordLinkInput, SessionView, SignInInput, VendorEnrollmentInput } from './types.ts';

/** Where a kind of account's routes live below /api: '' for vendors, '/review' for reviewers, '/account' for members. */
export type AccountPrefix = '' | '/review' | '/account';

/** The account routes of the page's mode: the review area's reviewers, the member portal's members, else vendors. */
export function accountPrefixFor(mode: UiMode): AccountPrefix {
  if (mode === 'review') return '/review';
  if (mode === 'portal') return '/account';
  return '';
}

/** The account routes of this page. */
export function useAccountPrefix(): AccountPrefix {
  return accountPrefixFor(useRuntimeConfig().mode);
}

/** GET /api/session: who is signed in, or null (the API's 401) when no one is. */
export async function getSession(signal?: AbortSignal, prefix: AccountPrefix = ''): Promise<SessionView | null> {
  try {
    return await apiRequest<SessionView>(`${prefix}/session`, signal !== undefined ? { signal } : {});
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}

/** POST /api/session: signs in with email and password (the server sets the session cookie). */
export function createSession(input: SignInInput, prefix: AccountPrefix = ''): Promise<SessionView> {
  return apiRequest<SessionView>(`${prefix}/session`, { method: 'POST', body: input });
}

/** DELETE /api/session: signs out. */
export function deleteSession(prefix: AccountPrefix = ''): Promise<undefined> {
  return apiRequest<undefined>(`${prefix}/session`, { method: 'DELETE' });
}

/** POST /api/vendor-enrollments: asks for an enrollment link by email (202 whether or not the address can enroll). */
export function enrollVendor(input: VendorEnrollmentInput): Promise<AcceptedMessage> {
  return apiRequest<AcceptedMessage>('/vendor-enrollments', { method: 'POST', body: input });
}

/** POST /api/password-resets: asks for a set-password link by email (202 whatever the address). */
export function requestPasswordReset(email: string, prefix: AccountPrefix = ''): Promise<AcceptedMessage> {
  return apiRequest<AcceptedMessage>(`${prefix}/password-resets`, { method: 'POST', body: { email } });
}

/** POST /api/password-links: sets the password with an emailed link's token; the account is then signed in. */
export function setPasswordWithLink(input: PasswordLinkInput, prefix: AccountPrefix = ''): Promise<SessionView> {
  return apiRequest<SessionView>(`${prefix}/password-links`, { method: 'POST', body: input });
}

/**
 * A new person is signed in: forget everything cached for the previous one (another vendor may have used this
 * tab) and keep the new session.
 */
function startSession(client: QueryClient, session: SessionView): void {
  client.removeQueries();
  client.setQueryData(queryKeys.session, session);
}

/** Who is signed in (null: no one). A 401 here is an answer, not an error, so it never sends anyone to sign in. */
export function useSession() {
  const prefix = useAccountPrefix();
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => getSession(signal, prefix),
    staleTime: 60_000,
  });
}

/** "Sign in" (POST /api/session). */
export function useSignIn() {
  const client = useQueryClient();
  const prefix = useAccountPrefix();
  return useMutation({
    mutationFn: (input: SignInInput) => createSession(input, prefix),
    onSuccess: (session) => startSession(client, session),
  });
}

/** "Save password" with an emailed link (POST /api/password-links): signs the account in. */
export function useSetPassword() {
  const client = useQueryClient();
  const prefix = useAccountPrefix();
  return useMutation({
    mutationFn: (input: PasswordLinkInput) => setPasswordWithLink(input, prefix),
    onSuccess: (session) => startSession(client, session),
  });
}

/**
 * "Sign out" (DELETE /api/session). The cache is left alone: the caller then loads the Sign in page afresh, which
 * drops everything the vendor had in memory at once (clearing the cache first would let the session guard
 * redirect on its own, racing the caller's navigation).
 */
export function useSignOut() {
  const prefix = useAccountPrefix();
  return useMutation({ mutationFn: () => deleteSession(prefix) });
}

/** "Submit" of Vendor Enrollment to Sandbox (POST /api/vendor-enrollments). */
export function useEnrollVendor() {
  return useMutation({ mutationFn: enrollVendor });
}

/** "Send link" of Forgot password (POST /api/password-resets). */
export function useRequestPasswordReset() {
  const prefix = useAccountPrefix();
  return useMutation({ mutationFn: (email: string) => requestPasswordReset(email, prefix) });
}
