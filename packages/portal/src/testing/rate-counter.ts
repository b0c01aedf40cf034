import type { RateCounter } from '../accounts/model.ts';
import type { Clock } from '../context.ts';

/**
 * A RateCounter in memory with the semantics of KeyValueStore.increment: an absent or expired counter starts
 * at 1 and lives `windowSeconds` from then; incrementing keeps its lifetime. Two portals given the same
 * instance behave like two processes sharing the database's counters.
 */
export function memoryRateCounter(clock: Clock): RateCounter & { readonly counters: ReadonlyMap<string, number> } {
  const entries = new Map<string, { count: number; expiresAt: number }>();
  return {
    get counters() {
      const now = clock.now().getTime();
      return new Map([...entries].filter(([, e]) => e.expiresAt > now).map(([key, e]) => [key, e.count]));
    },
    increment: (key, windowSeconds) => {
      const now = clock.now().getTime();
      const entry = entries.get(key);
      if (entry === undefined || entry.expiresAt <= now) {
        entries.set(key, { count: 1, expiresAt: now + windowSeconds * 1000 });
        return Promise.resolve(1);
      }
      entry.count += 1;
      return Promise.resolve(entry.count);
    },
  };
}
