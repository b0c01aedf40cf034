// The signed-in vendor's account (hosted developer sandbox): profile, password and API keys.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryKeys } from './keys.ts';
import type { AccountView, ApiKeyView, ChangePasswordInput, CreatedApiKey } from './types.ts';

/** GET /api/vendor: the signed-in vendor's profile. */
export function getVendor(signal?: AbortSignal): Promise<AccountView> {
  return apiRequest<AccountView>('/vendor', signal !== undefined ? { signal } : {});
}

/** PUT /api/vendor/password: 401 `invalid_credentials` when the current password is wrong. */
export function changeVendorPassword(input: ChangePasswordInput): Promise<undefined> {
  return apiRequest<undefined>('/vendor/password', { method: 'PUT', body: input });
}

/** GET /api/vendor/api-keys: the vendor's keys (never the keys themselves). */
export function listApiKeys(signal?: AbortSignal): Promise<ApiKeyView[]> {
  return apiRequest<ApiKeyView[]>('/vendor/api-keys', signal !== undefined ? { signal } : {});
}

/** POST /api/vendor/api-keys: a new key, answered once in full. */
export function createApiKey(name: string): Promise<CreatedApiKey> {
  return apiRequest<CreatedApiKey>('/vendor/api-keys', { method: 'POST', body: { name } });
}

/** DELETE /api/vendor/api-keys/{id}: the key stops working at once. */
export function revokeApiKey(id: string): Promise<undefined> {
  return apiRequest<undefined>(`/vendor/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The signed-in vendor's profile. */
export function useVendor() {
  return useQuery({ queryKey: queryKeys.vendor, queryFn: ({ signal }) => getVendor(signal) });
}

/** "Change password". */
export function useChangePassword() {
  return useMutation({ mutationFn: changeVendorPassword });
}

/** The vendor's API keys. */
export function useApiKeys() {
  return useQuery({ queryKey: queryKeys.apiKeys, queryFn: ({ signal }) => listApiKeys(signal) });
}

/** "Create API key": the new key joins the list at once (the full key lives only in the mutation's result). */
export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: ({ apiKey }) => {
      client.setQueryData<ApiKeyView[]>(queryKeys.apiKeys, (keys) => (keys === undefined ? keys : [...keys, apiKey]));
      return client.invalidateQueries({ queryKey: queryKeys.apiKeys, exact: true });
    },
  });
}

/** "Revoke": the key leaves the list at once. */
export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: (_data, id) => {
      client.setQueryData<ApiKeyView[]>(queryKeys.apiKeys, (keys) => keys?.filter((key) => key.id !== id));
      return client.invalidateQueries({ queryKey: queryKeys.apiKeys, exact: true });
    },
  });
}
