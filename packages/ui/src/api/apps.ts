import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryKeys } from './keys.ts';
import type { AppInput, AppRecord, CreatedLaunch, LaunchInput } from './types.ts';

/** GET /api/apps: every app of the sandbox. */
export function useApps() {
  return useQuery({ queryKey: queryKeys.apps, queryFn: ({ signal }) => apiRequest<AppRecord[]>('/apps', { signal }) });
}

/** GET /api/apps/{id}; pass undefined to hold the query. */
export function useApp(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.app(id ?? ''),
    queryFn: ({ signal }) => apiRequest<AppRecord>(`/apps/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
  });
}

/** POST /api/apps: registers an app (the sandbox assigns its client ID and, for "secret", its secret). */
export function useCreateApp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AppInput) => apiRequest<AppRecord>('/apps', { method: 'POST', body: input }),
    onSuccess: (app) => {
      client.setQueryData(queryKeys.app(app.id), app);
      return client.invalidateQueries({ queryKey: queryKeys.apps, exact: true });
    },
  });
}

/** PUT /api/apps/{id}: replaces the app's fields. */
export function useUpdateApp(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AppInput) =>
      apiRequest<AppRecord>(`/apps/${encodeURIComponent(id)}`, { method: 'PUT', body: input }),
    onSuccess: (app) => {
      client.setQueryData(queryKeys.app(app.id), app);
      return client.invalidateQueries({ queryKey: queryKeys.apps, exact: true });
    },
  });
}

/** DELETE /api/apps/{id}. */
export function useDeleteApp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(`/apps/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_data, id) => {
      client.removeQueries({ queryKey: queryKeys.app(id) });
      return client.invalidateQueries({ queryKey: queryKeys.apps, exact: true });
    },
  });
}

/** POST /api/apps/{id}/launch: an EHR launch of the app for a sandbox patient, and the URL that starts it. */
export function useCreateLaunch(appId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LaunchInput) =>
      apiRequest<CreatedLaunch>(`/apps/${encodeURIComponent(appId)}/launch`, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.launches }),
  });
}
