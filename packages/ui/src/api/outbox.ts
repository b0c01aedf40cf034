import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import { queryString } from './keys.ts';
import type { LiveOptions } from './keys.ts';

/** A kept message as GET /api/outbox lists it. */
export interface OutboxSummary {
  id: string;
  /** ISO instant it was sent. */
  at: string;
  from: string;
  to: string[];
  subject: string;
  /** The template it was made from, e.g. productionRequestReceived. */
  template?: string;
}

/** A kept message as GET /api/outbox/{id} answers it: its bodies and the RFC 5322 source. */
export interface OutboxMessage extends OutboxSummary {
  text: string;
  /** A whole HTML document: show it only in a sandboxed frame. */
  html?: string;
  messageId: string;
  raw: string;
}

/** react-query keys of the outbox (a prefix of both, so one invalidation refreshes list and messages). */
export const outboxKeys = {
  all: ['outbox'] as const,
  list: (limit: number | undefined) => ['outbox', 'list', limit ?? null] as const,
  message: (id: string) => ['outbox', 'message', id] as const,
};

/** GET /api/outbox: the mail the sandbox kept, newest first; pass refetchInterval to poll. */
export function useOutbox(limit?: number, options: LiveOptions = {}) {
  return useQuery({
    queryKey: outboxKeys.list(limit),
    queryFn: ({ signal }) => apiRequest<OutboxSummary[]>(`/outbox${queryString({ limit })}`, { signal }),
    refetchInterval: options.refetchInterval ?? false,
    enabled: options.enabled ?? true,
  });
}

/** GET /api/outbox/{id}: one message; pass undefined to hold the query. */
export function useOutboxMessage(id: string | undefined) {
  return useQuery({
    queryKey: outboxKeys.message(id ?? ''),
    queryFn: ({ signal }) => apiRequest<OutboxMessage>(`/outbox/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined,
    // A kept message never changes.
    staleTime: Infinity,
  });
}
