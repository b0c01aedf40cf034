import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryKeys, queryString } from './keys.ts';
import type { LiveOptions } from './keys.ts';
import type { AccessLogRecord, LaunchDetail, LaunchStepRecord, LaunchSummary, LifecycleInput } from './types.ts';

export interface LaunchListQuery {
  appId?: string;
  /** 1..1000. */
  limit?: number;
}

/** GET /api/launches: launches newest first, optionally of one app; pass refetchInterval to poll. */
export function useLaunches(query: LaunchListQuery = {}, options: LiveOptions = {}) {
  return useQuery({
    queryKey: queryKeys.launchList(query),
    queryFn: ({ signal }) =>
      apiRequest<LaunchSummary[]>(`/launches${queryString({ appId: query.appId, limit: query.limit })}`, { signal }),
    refetchInterval: options.refetchInterval ?? false,
    enabled: options.enabled ?? true,
  });
}

/** GET /api/launches/{id}: one launch with every step; pass refetchInterval to follow it live. */
export function useLaunch(id: string | undefined, options: LiveOptions = {}) {
  return useQuery({
    queryKey: queryKeys.launch(id ?? ''),
    queryFn: ({ signal }) => apiRequest<LaunchDetail>(`/launches/${encodeURIComponent(id ?? '')}`, { signal }),
    refetchInterval: options.refetchInterval ?? false,
    enabled: id !== undefined && (options.enabled ?? true),
  });
}

/** POST /api/launches/{id}/lifecycle: a grant lifecycle action; the launch is read again to show its new step. */
export function useLifecycleAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LifecycleInput) =>
      apiRequest<LaunchStepRecord>(`/launches/${encodeURIComponent(id)}/lifecycle`, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.launch(id) }),
  });
}

export interface AccessLogQuery {
  patientId?: string;
  clientId?: string;
  /** 1..5000. */
  limit?: number;
}

/** GET /api/access-log: FHIR accesses by apps, newest first, optionally of one patient or app. */
export function useAccessLog(query: AccessLogQuery = {}, options: LiveOptions = {}) {
  return useQuery({
    queryKey: queryKeys.accessLogList(query),
    queryFn: ({ signal }) =>
      apiRequest<AccessLogRecord[]>(
        `/access-log${queryString({ patientId: query.patientId, clientId: query.clientId, limit: query.limit })}`,
        { signal },
      ),
    refetchInterval: options.refetchInterval ?? false,
    enabled: options.enabled ?? true,
  });
}
