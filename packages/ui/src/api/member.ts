// The member portal's API: the public app gallery and self-registration (/api/gallery, /api/account/registrations)
// and the signed-in member's connected apps, access history and records (/api/account/...). The shapes mirror
// the portal package's GalleryApp, ConnectedApp and AccessHistoryEntry (the UI may import only types from it, and
// these are the JSON the server sends).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bundle } from 'fhir/r4';
import { apiRequest } from './client.ts';
import { queryString } from './keys.ts';
import type { AcceptedMessage } from './types.ts';

/** A published, not suspended app as members see it. */
export interface GalleryApp {
  clientId: string;
  name: string;
  logoUrl?: string;
  organizationName?: string;
  organizationUrl?: string;
  description?: string;
  privacyPolicyUrl?: string;
  securityPolicyUrl?: string;
  termsOfServiceUrl?: string;
  launchUrl?: string;
  /** ISO instant. */
  approvedAt: string;
  /** The privacy attestation in plain words, in the questions' order. */
  privacy: { key: string; question: string; answer: 'yes' | 'no'; plain: string }[];
}

/** One grant the member gave an app. */
export interface ConnectedApp {
  grantId: string;
  clientId: string;
  name: string;
  logoUrl?: string;
  grantedAt: string;
  lastUsedAt?: string;
  /** Resource types the grant allows, sorted. */
  dataTypes: string[];
  scopes: string[];
  /** The plan suspended the app since (its tokens do not work). */
  suspended: boolean;
}

/** One read of the member's data by an app. */
export interface AccessHistoryEntry {
  id: string;
  at: string;
  clientId: string;
  appName: string;
  method: string;
  resourceType?: string;
  request: string;
  status: number;
  count?: number;
}

/** A page of access history; `next` is the cursor of the following page. */
export interface AccessHistoryPage {
  entries: AccessHistoryEntry[];
  next?: string;
}

/** The body of POST /api/account/registrations ("Register"). */
export interface MemberRegistrationInput {
  memberId: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  email: string;
}

export interface AccessHistoryQuery {
  clientId?: string;
  cursor?: string;
  limit?: number;
}

/** react-query keys of the member portal (everything of the member under `member`). */
export const memberKeys = {
  gallery: (q: string) => ['gallery', 'list', q] as const,
  galleryApp: (clientId: string) => ['gallery', 'app', clientId] as const,
  member: ['member'] as const,
  connectedApps: ['member', 'connected-apps'] as const,
  accessHistory: (clientId: string | undefined) => ['member', 'access-history', clientId ?? ''] as const,
  myData: ['member', 'my-data'] as const,
};

/** `?q=` of the gallery search, without q when blank. */
export function galleryQueryString(q: string | undefined): string {
  return queryString({ q: q?.trim() });
}

/** `?clientId=&cursor=&limit=` of the access history, leaving out what is not set. */
export function accessHistoryQueryString(query: AccessHistoryQuery): string {
  return queryString({ clientId: query.clientId, cursor: query.cursor, limit: query.limit });
}

const withSignal = (signal: AbortSignal | undefined) => (signal !== undefined ? { signal } : {});

/** GET /api/gallery?q=. */
export function listGallery(q?: string, signal?: AbortSignal) {
  return apiRequest<{ apps: GalleryApp[] }>(`/gallery${galleryQueryString(q)}`, withSignal(signal));
}

/** GET /api/gallery/{clientId}. */
export function getGalleryApp(clientId: string, signal?: AbortSignal) {
  return apiRequest<GalleryApp>(`/gallery/${encodeURIComponent(clientId)}`, withSignal(signal));
}

/** POST /api/account/registrations: 202 with the same message whatever matched. */
export function registerMember(input: MemberRegistrationInput) {
  return apiRequest<AcceptedMessage>('/account/registrations', { method: 'POST', body: input });
}

/** GET /api/account/connected-apps. */
export function listConnectedApps(signal?: AbortSignal) {
  return apiRequest<{ apps: ConnectedApp[] }>('/account/connected-apps', withSignal(signal));
}

/** DELETE /api/account/connected-apps/{grantId}. */
export function revokeConnectedApp(grantId: string) {
  return apiRequest<undefined>(`/account/connected-apps/${encodeURIComponent(grantId)}`, { method: 'DELETE' });
}

/** GET /api/account/access-history?clientId=&cursor=&limit=. */
export function listAccessHistory(query: AccessHistoryQuery, signal?: AbortSignal) {
  return apiRequest<AccessHistoryPage>(`/account/access-history${accessHistoryQueryString(query)}`, withSignal(signal));
}

/** GET /api/account/my-data: the member's records as a Bundle. */
export function getMyData(signal?: AbortSignal) {
  return apiRequest<Bundle>('/account/my-data', {
    ...withSignal(signal),
    accept: 'application/fhir+json, application/json',
  });
}

/** The gallery, searched (the previous answer stays while a new search loads). */
export function useGallery(q: string) {
  return useQuery({
    queryKey: memberKeys.gallery(q.trim()),
    queryFn: ({ signal }) => listGallery(q, signal),
    placeholderData: (previous) => previous,
  });
}

/** One app of the gallery. */
export function useGalleryApp(clientId: string | undefined) {
  return useQuery({
    queryKey: memberKeys.galleryApp(clientId ?? ''),
    queryFn: ({ signal }) => getGalleryApp(clientId ?? '', signal),
    enabled: clientId !== undefined,
  });
}

/** "Register". */
export function useRegisterMember() {
  return useMutation({ mutationFn: registerMember });
}

/** The member's connected apps, newest first. */
export function useConnectedApps() {
  return useQuery({ queryKey: memberKeys.connectedApps, queryFn: ({ signal }) => listConnectedApps(signal) });
}

/** "Revoke": the grant leaves the list at once; the history may change too. */
export function useRevokeConnectedApp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => revokeConnectedApp(grantId),
    onSuccess: (_data, grantId) => {
      client.setQueryData<{ apps: ConnectedApp[] }>(memberKeys.connectedApps, (previous) =>
        previous === undefined ? previous : { apps: previous.apps.filter((app) => app.grantId !== grantId) },
      );
      return client.invalidateQueries({ queryKey: memberKeys.member });
    },
  });
}

/** Entries per page of the access history. */
export const HISTORY_PAGE_SIZE = 25;

/** The access history, newest first, a page at a time ("Load more" fetches the next page). */
export function useAccessHistory(clientId: string | undefined) {
  return useInfiniteQuery({
    queryKey: memberKeys.accessHistory(clientId),
    queryFn: ({ pageParam, signal }) =>
      listAccessHistory(
        {
          ...(clientId !== undefined ? { clientId } : {}),
          ...(pageParam !== '' ? { cursor: pageParam } : {}),
          limit: HISTORY_PAGE_SIZE,
        },
        signal,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.next,
  });
}

/** The member's own records. */
export function useMyData() {
  return useQuery({ queryKey: memberKeys.myData, queryFn: ({ signal }) => getMyData(signal) });
}
