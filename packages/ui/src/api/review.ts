// The review area's API (/api/review/...): the queue of production requests and the published apps.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryKeys, queryString } from './keys.ts';
import type { PublishedApp, RequestDetail, RequestSummary } from './types.ts';

/** The Status filter of the queue. */
export type RequestStatusFilter = 'pending' | 'approved' | 'rejected' | 'all';
/** The Status filter of the published apps. */
export type PublishedStatusFilter = 'published' | 'suspended' | 'all';

export interface ReviewListQuery<S extends string> {
  status: S;
  /** Search text (app name, organization, vendor email, client ID). */
  q?: string;
}

/** The query string of a list: `?status=...&q=...`, without q when blank. */
export function reviewListQueryString(query: ReviewListQuery<string>): string {
  const q = query.q?.trim();
  return queryString({ status: query.status, q: q === '' ? undefined : q });
}

/** GET /api/review/requests. */
export function listReviewRequests(query: ReviewListQuery<RequestStatusFilter>, signal?: AbortSignal) {
  return apiRequest<{ requests: RequestSummary[] }>(
    `/review/requests${reviewListQueryString(query)}`,
    signal !== undefined ? { signal } : {},
  );
}

/** GET /api/review/requests/{id}. */
export function getReviewRequest(id: string, signal?: AbortSignal) {
  return apiRequest<RequestDetail>(
    `/review/requests/${encodeURIComponent(id)}`,
    signal !== undefined ? { signal } : {},
  );
}

/** POST /api/review/requests/{id}/approve or /reject. */
export function decideReviewRequest(id: string, decision: 'approve' | 'reject', reason?: string) {
  return apiRequest<RequestDetail>(`/review/requests/${encodeURIComponent(id)}/${decision}`, {
    method: 'POST',
    body: reason === undefined ? {} : { reason },
  });
}

/** GET /api/review/apps. */
export function listPublishedApps(query: ReviewListQuery<PublishedStatusFilter>, signal?: AbortSignal) {
  return apiRequest<{ apps: PublishedApp[] }>(
    `/review/apps${reviewListQueryString(query)}`,
    signal !== undefined ? { signal } : {},
  );
}

/** POST /api/review/apps/{clientId}/suspend or /reinstate. */
export function changePublishedApp(clientId: string, action: 'suspend' | 'reinstate', reason?: string) {
  return apiRequest<PublishedApp>(`/review/apps/${encodeURIComponent(clientId)}/${action}`, {
    method: 'POST',
    body: reason === undefined ? {} : { reason },
  });
}

/** The queue (pending oldest first, then decided newest first). */
export function useReviewRequests(query: ReviewListQuery<RequestStatusFilter>) {
  return useQuery({
    queryKey: queryKeys.reviewRequests(query),
    queryFn: ({ signal }) => listReviewRequests(query, signal),
    placeholderData: (previous) => previous,
  });
}

/** One request with its versions, checks, changes and history. */
export function useReviewRequest(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.reviewRequest(id ?? ''),
    queryFn: ({ signal }) => getReviewRequest(id ?? '', signal),
    enabled: id !== undefined,
  });
}

/** "Approve" / "Reject": the answer is the decided request; the lists refresh. */
export function useDecideRequest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, reason }: { decision: 'approve' | 'reject'; reason?: string }) =>
      decideReviewRequest(id, decision, reason),
    onSuccess: async (detail) => {
      client.setQueryData(queryKeys.reviewRequest(id), detail);
      await client.invalidateQueries({ queryKey: queryKeys.review });
    },
  });
}

/** The published apps. */
export function usePublishedApps(query: ReviewListQuery<PublishedStatusFilter>) {
  return useQuery({
    queryKey: queryKeys.reviewApps(query),
    queryFn: ({ signal }) => listPublishedApps(query, signal),
    placeholderData: (previous) => previous,
  });
}

/** "Suspend" / "Reinstate" a published app. */
export function useChangePublishedApp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      clientId,
      action,
      reason,
    }: {
      clientId: string;
      action: 'suspend' | 'reinstate';
      reason?: string;
    }) => changePublishedApp(clientId, action, reason),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.review }),
  });
}
