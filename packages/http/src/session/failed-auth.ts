/**
 * Rate limiting of failed bearer-token attempts on the JSON API, like the sign-in's limit on `/login`: after
 * `max` failures from one client address in a window, every bearer request from that address answers 429 with
 * `Retry-After` until the window ends, even with a correct token (guessing cannot go on by interleaving one).
 */
import { isIPv6 } from 'node:net';
import type { Request } from 'express';
import type { KeyValueStore } from '@plan-api/store';
import { ApiError } from '../api/errors.ts';

/**
 * The shared counters the limit keeps (the composition's; shared by every process of one deployment). The
 * semantics of KeyValueStore.increment: an absent or expired counter starts at 1 and lives `windowSeconds`.
 */
export interface FailureCounter {
  /** Adds one failure under `key` and returns the key's count (KeyValueStore.increment, RateCounter.increment). */
  increment(key: string, windowSeconds: number): Promise<number>;
  /** The key's count without adding one: 0 when absent or expired (KeyValueStore.get of the same counter). */
  current(key: string): Promise<number>;
}

/** A FailureCounter kept in a KeyValueStore namespace (the database's, so every process counts together). */
export function kvFailureCounter(kv: KeyValueStore, namespace = 'api-auth-failures'): FailureCounter {
  return {
    increment: (key, windowSeconds) => kv.increment(namespace, key, { expiresInSeconds: windowSeconds }),
    current: async (key) => (await kv.get<number>(namespace, key)) ?? 0,
  };
}

/** The limit on failed bearer tokens (an option of managementAuth and accountAuth; without it there is none). */
export interface FailedAuthLimit {
  counter: FailureCounter;
  /** Failed attempts allowed per client address and window; the next request is refused. */
  max: number;
  windowSeconds: number;
  /** Milliseconds since the epoch (default Date.now); windows are aligned to it. */
  now?: () => number;
}

/**
 * The part of a client address a limit counts: IPv4 as it is (an IPv4-mapped IPv6 address as its IPv4 form), IPv6
 * by its /64, since one host usually holds a whole /64 (the same rule as the portal's per-address limits).
 */
export function addressSubject(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail] = (ip.split('%')[0] as string).toLowerCase().split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  let expanded = groups(head);
  if (tail !== undefined) {
    const after = groups(tail);
    const used = expanded.length + after.length + (after.at(-1)?.includes('.') ? 1 : 0);
    expanded = [...expanded, ...Array<string>(Math.max(0, 8 - used)).fill('0'), ...after];
  }
  return `${expanded
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

export interface BearerFailures {
  /** 429 when the request's address is over the limit (before its token is checked), else undefined. */
  refusal(req: Request): Promise<ApiError | undefined>;
  /** Counts a failed token: 429 when this failure went over the limit, else undefined (answer the 401). */
  failed(req: Request): Promise<ApiError | undefined>;
}

/** The checks of a limit; the counter keys are `api-bearer-failures:<address>:<window>`. */
export function bearerFailures(limit: FailedAuthLimit): BearerFailures {
  const now = limit.now ?? Date.now;
  const windowOf = (req: Request) => {
    const seconds = now() / 1000;
    const window = Math.floor(seconds / limit.windowSeconds);
    const address = addressSubject(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    return {
      key: `api-bearer-failures:${address}:${window}`,
      retryAfter: Math.max(1, Math.ceil((window + 1) * limit.windowSeconds - seconds)),
    };
  };
  const tooMany = (retryAfter: number) =>
    new ApiError(
      429,
      'rate_limited',
      `Too many requests with a wrong bearer token came from your address; try again in ${retryAfter} s.`,
      { headers: { 'Retry-After': String(retryAfter) } },
    );
  return {
    async refusal(req) {
      const { key, retryAfter } = windowOf(req);
      return (await limit.counter.current(key)) >= limit.max ? tooMany(retryAfter) : undefined;
    },
    async failed(req) {
      const { key, retryAfter } = windowOf(req);
      return (await limit.counter.increment(key, limit.windowSeconds)) > limit.max ? tooMany(retryAfter) : undefined;
    },
  };
}
