import type { RecordFilter } from '@plan-api/store';
import type { MailDelivery, OutboxMessage } from '../message.ts';

/** How a delivering mailer retries; every field is filled in (see `retryPolicy`). */
export interface RetryPolicy {
  /** The wait after the first failed attempt; each later wait doubles it. */
  firstDelaySeconds: number;
  /** The longest wait between two attempts. */
  maxDelaySeconds: number;
  /** Attempts before the message is given up as failed. */
  maxAttempts: number;
  /**
   * How long a claim holds: a process that claimed a message and stopped (crashed, killed) leaves it pending
   * with its next attempt this far ahead, so another process retries it then. Longer than one SMTP attempt
   * can take (see the transport's timeouts), so a slow attempt is not taken over while it is still running.
   */
  claimSeconds: number;
}

/** The retry settings a caller may give; the rest come from the defaults. */
export type RetryOptions = Partial<RetryPolicy>;

/** 30 s, 1 min, 2 min, ... up to 1 h between attempts, 8 attempts (about an hour in all), 5 min claims. */
export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy = {
    firstDelaySeconds: options.firstDelaySeconds ?? 30,
    maxDelaySeconds: options.maxDelaySeconds ?? 3600,
    maxAttempts: options.maxAttempts ?? 8,
    claimSeconds: options.claimSeconds ?? 300,
  };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`retry.${name} must be a positive number.`);
  }
  if (!Number.isInteger(policy.maxAttempts)) throw new RangeError('retry.maxAttempts must be a whole number.');
  return policy;
}

/** The wait after failed attempt number `attempt` (1-based): doubling from the first delay, capped. */
export function retryDelaySeconds(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.max(0, attempt - 1));
}

/**
 * The message with a new delivery state, its top-level copies written from it (so they never disagree).
 * `deliveryDueAt` is left out unless the message is pending: nothing is due once it is sent or failed.
 */
export function withDelivery(message: OutboxMessage, delivery: MailDelivery): OutboxMessage {
  const { deliveryDueAt: _due, ...rest } = message;
  return {
    ...rest,
    delivery,
    deliveryStatus: delivery.status,
    deliveryAttempts: delivery.attempts,
    ...(delivery.status === 'pending' && delivery.nextAttemptAt !== undefined
      ? { deliveryDueAt: delivery.nextAttemptAt }
      : {}),
  };
}

/** A freshly composed message, pending with its first attempt due at once. */
export function pending(message: OutboxMessage): OutboxMessage {
  return withDelivery(message, { status: 'pending', attempts: 0, nextAttemptAt: message.at });
}

/**
 * The compare-and-set condition of every write after a read: still pending, and no attempt claimed since.
 * The attempt count only grows, so it is a version that cannot come back to a value another process saw.
 */
export function unchangedSince(attempts: number): RecordFilter<OutboxMessage> {
  return { deliveryStatus: 'pending', deliveryAttempts: attempts };
}

/** Whether a stored message waits for an attempt that is due at `now`. */
export function isDue(message: OutboxMessage, now: Date): boolean {
  const due = message.delivery?.nextAttemptAt;
  return message.delivery?.status === 'pending' && due !== undefined && Date.parse(due) <= now.getTime();
}

const at = (now: Date, seconds: number): string => new Date(now.getTime() + seconds * 1000).toISOString();

/** The claim of the next attempt: one more attempt, and the next one pushed past the claim's timeout. */
export function claimed(message: OutboxMessage, delivery: MailDelivery, now: Date, policy: RetryPolicy): OutboxMessage {
  return withDelivery(message, {
    ...delivery,
    attempts: delivery.attempts + 1,
    nextAttemptAt: at(now, policy.claimSeconds),
  });
}

/** Accepted by the SMTP server. */
export function sent(message: OutboxMessage, attempts: number, now: Date): OutboxMessage {
  const { lastError } = message.delivery ?? {};
  return withDelivery(message, {
    status: 'sent',
    attempts,
    sentAt: now.toISOString(),
    ...(lastError !== undefined ? { lastError } : {}),
  });
}

/**
 * After a failed attempt: pending again with the next attempt after the backoff, or failed when that was
 * the last attempt allowed. Returns the record and, when pending, the wait in seconds.
 */
export function afterFailure(
  message: OutboxMessage,
  attempts: number,
  lastError: string,
  now: Date,
  policy: RetryPolicy,
): { record: OutboxMessage; retryInSeconds?: number } {
  if (attempts >= policy.maxAttempts) {
    return { record: withDelivery(message, { status: 'failed', attempts, lastError }) };
  }
  const retryInSeconds = retryDelaySeconds(policy, attempts);
  return {
    record: withDelivery(message, { status: 'pending', attempts, lastError, nextAttemptAt: at(now, retryInSeconds) }),
    retryInSeconds,
  };
}
