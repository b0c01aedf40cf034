// Production requests of the vendor's apps (App Status, Send Request) and the desktop sandbox's plan server
// connection.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from './client.ts';
import { queryKeys } from './keys.ts';
import type { AppRecord, ConnectionInput, ConnectionView, PreCheck, ProductionRequestInput } from './types.ts';

/** GET /api/apps/{id}/production-checks: the checks reviewers will see (blocking ones stop Send Request). */
export function getProductionChecks(appId: string, signal?: AbortSignal): Promise<{ checks: PreCheck[] }> {
  return apiRequest<{ checks: PreCheck[] }>(
    `/apps/${encodeURIComponent(appId)}/production-checks`,
    signal !== undefined ? { signal } : {},
  );
}

/** POST /api/apps/{id}/production-request: the app's request becomes pending (the answer is the app). */
export function sendProductionRequest(appId: string, input: ProductionRequestInput): Promise<AppRecord> {
  return apiRequest<AppRecord>(`/apps/${encodeURIComponent(appId)}/production-request`, {
    method: 'POST',
    body: input,
  });
}

/** The pre-checks of an app, fetched fresh each time they are shown (pass enabled false to hold). */
export function useProductionChecks(appId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.productionChecks(appId),
    queryFn: ({ signal }) => getProductionChecks(appId, signal),
    enabled,
    staleTime: 0,
  });
}

/** "Send Request": on success the app (with its new App Status) replaces the cached one. */
export function useSendProductionRequest(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductionRequestInput) => sendProductionRequest(appId, input),
    onSuccess: async (app) => {
      client.setQueryData(queryKeys.app(app.id), app);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.apps, exact: true }),
        // The desktop sandbox keeps the confirmation mail in its outbox.
        client.invalidateQueries({ queryKey: ['outbox'] }),
      ]);
    },
    // A 409 means the app's request changed elsewhere (another tab, the API): show its current status.
    onError: (error) =>
      error instanceof ApiError && error.status === 409
        ? client.invalidateQueries({ queryKey: queryKeys.app(appId), exact: true })
        : undefined,
  });
}

/** GET /api/connection (desktop/headless sandbox only). */
export function getConnection(signal?: AbortSignal): Promise<ConnectionView> {
  return apiRequest<ConnectionView>('/connection', signal !== undefined ? { signal } : {});
}

/** PUT /api/connection: checks the key against the server; 400 with fields serverUrl/apiKey when it fails. */
export function putConnection(input: ConnectionInput): Promise<ConnectionView> {
  return apiRequest<ConnectionView>('/connection', { method: 'PUT', body: input });
}

/** DELETE /api/connection. */
export function deleteConnection(): Promise<undefined> {
  return apiRequest<undefined>('/connection', { method: 'DELETE' });
}

/** The plan server connection of the desktop sandbox; pass enabled false where there is none (hosted). */
export function useConnection(enabled = true) {
  return useQuery({ queryKey: queryKeys.connection, queryFn: ({ signal }) => getConnection(signal), enabled });
}

/** "Connect". The apps' statuses then come from the server: refresh them too. */
export function useConnect() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: putConnection,
    onSuccess: async (view) => {
      // The server may answer 200 with the view or 204; read it again when it sent nothing.
      if (view !== undefined) client.setQueryData(queryKeys.connection, view);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.connection }),
        client.invalidateQueries({ queryKey: queryKeys.apps }),
      ]);
    },
  });
}

/** "Disconnect". */
export function useDisconnect() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteConnection,
    onSuccess: async () => {
      client.setQueryData<ConnectionView>(queryKeys.connection, { connected: false });
      await client.invalidateQueries({ queryKey: queryKeys.apps });
    },
  });
}
