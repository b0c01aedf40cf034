import type { RecordStore } from '@plan-api/store';
import { createTransport } from 'nodemailer';
import { createComposer, mailbox } from '../compose.ts';
import type { DeliveringMailer, MailerOptions, MailLogger, OutboxMessage } from '../message.ts';
import { OUTBOX_COLLECTION, outboxReader } from '../outbox.ts';
import { describeFailure, formatDelay, smtpServer } from './describe.ts';
import {
  afterFailure,
  claimed,
  isDue,
  pending,
  retryPolicy,
  sent,
  unchangedSince,
  type RetryOptions,
} from './state.ts';

export interface SmtpMailerOptions extends MailerOptions {
  /** `smtp://host:port` or `smtps://user:password@host:465` (nodemailer's connection URL). */
  url: string;
  /** Where messages wait until the server accepts them: the `outbox` collection, shared by every process. */
  records: RecordStore;
  /** One line per delivery event; never the body, the raw source, a link or a credential. */
  logger: MailLogger;
  /** Backoff and give-up settings (30 s doubling to at most 1 h, 8 attempts, 5 min claims). */
  retry?: RetryOptions;
}

/** How many pending messages one round of `deliverDue` reads at a time. */
const BATCH = 50;
const DEFAULT_INTERVAL_MS = 15_000;

/**
 * The SMTP transport of the production server. `send` composes the message like the outbox does, keeps it
 * in the `outbox` collection with its delivery state and tries it at once; a message the server did not
 * accept waits there and is retried with exponential backoff by `deliverDue` (run by `start`'s timer) until
 * it is sent or has used its attempts. Several processes may share one record store: each attempt is
 * claimed with a compare-and-set first, so one message is never sent by two processes at once.
 */
export function createSmtpMailer(options: SmtpMailerOptions): DeliveringMailer {
  const server = smtpServer(options.url);
  const policy = retryPolicy(options.retry);
  const { logger } = options;
  const now = (): Date => options.clock?.now() ?? new Date();
  const compose = createComposer(options);
  const outbox = options.records.collection<OutboxMessage>(OUTBOX_COLLECTION);
  // Bounded timeouts (nodemailer's defaults wait minutes) keep one attempt well inside a claim.
  const transport = createTransport({
    pool: true,
    url: server.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<number> | undefined;
  let stopped = false;

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  }

  function name(message: OutboxMessage): string {
    return `message ${message.id} (${JSON.stringify(message.subject)})`;
  }

  /** Claims one attempt at a message read from the store, makes it and records the outcome; true when sent. */
  async function attempt(seen: OutboxMessage): Promise<boolean> {
    const delivery = seen.delivery;
    if (delivery === undefined || !isDue(seen, now())) return false;
    if (delivery.attempts >= policy.maxAttempts) {
      // The last attempt was claimed by a process that stopped before recording its outcome.
      const lastError = 'the process making the last attempt stopped before it finished';
      const { record } = afterFailure(seen, delivery.attempts, lastError, now(), policy);
      if (await outbox.putIf(record, unchangedSince(delivery.attempts))) {
        logger.error(`Mail not delivered: ${lastError}; ${name(seen)} is marked failed in the outbox.`, {
          messageId: seen.id,
        });
      }
      return false;
    }
    const claim = claimed(seen, delivery, now(), policy);
    if (!(await outbox.putIf(claim, unchangedSince(delivery.attempts)))) return false;
    const attempts = delivery.attempts + 1;
    const details = { messageId: seen.id, attempt: attempts, maxAttempts: policy.maxAttempts, server: server.display };
    try {
      await transport.sendMail({
        envelope: { from: mailbox('from', seen.from), to: seen.to.map((to) => mailbox('to', to)) },
        raw: seen.raw,
      });
    } catch (error) {
      const reason = describeFailure(error, server);
      const { record, retryInSeconds } = afterFailure(claim, attempts, reason, now(), policy);
      // A write refused here means the claim ran out and another process took over: its outcome stands.
      if (!(await outbox.putIf(record, unchangedSince(attempts)))) return false;
      if (retryInSeconds === undefined) {
        logger.error(
          `Mail not delivered: ${reason}; ${name(seen)} failed after ${attempts} attempt${attempts === 1 ? '' : 's'} and stays in the outbox as failed.`,
          details,
        );
      } else {
        logger.error(
          `Mail not delivered yet: ${reason}; ${name(seen)} waits in the outbox, next attempt in ${formatDelay(retryInSeconds)} (attempt ${attempts} of ${policy.maxAttempts}).`,
          { ...details, nextAttemptAt: record.delivery?.nextAttemptAt },
        );
      }
      return false;
    }
    if (!(await outbox.putIf(sent(claim, attempts, now()), unchangedSince(attempts)))) {
      // The claim ran out while the server was answering and another process took the message over.
      logger.error(
        `Mail delivered late: ${name(seen)} was accepted after its claim expired; it may arrive twice.`,
        details,
      );
      return true;
    }
    logger.info(`Mail delivered: ${name(seen)} accepted by ${server.display} (attempt ${attempts}).`, details);
    return true;
  }

  /** One pass over the due messages, oldest due first, a batch at a time. */
  async function deliverRound(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const batch = await outbox.list({ where: { deliveryStatus: 'pending' }, orderBy: 'deliveryDueAt', limit: BATCH });
      const due = batch.filter((message) => isDue(message, now()));
      for (const message of due) {
        if (stopped) return delivered;
        if (await attempt(message)) delivered++;
      }
      // Attempted messages moved past `now` (claimed or backed off), so the next batch starts with new ones.
      if (due.length < BATCH) return delivered;
    }
  }

  function storeFailed(message: OutboxMessage, error: unknown): void {
    logger.error(`Mail not attempted: the outbox could not be updated; ${name(message)} is retried later.`, {
      messageId: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }

  function deliverDue(): Promise<number> {
    if (stopped) return Promise.resolve(0);
    // A round already running (the timer's, or another caller's) is joined rather than doubled.
    round ??= track(deliverRound()).finally(() => (round = undefined));
    return round;
  }

  function tick(): void {
    deliverDue().catch((error: unknown) => {
      logger.error('Mail delivery round failed: the outbox could not be read; the next round tries again.', {
        error: error instanceof Error ? error.message : String(error),
      });
    });
  }

  return {
    ...outboxReader(outbox),
    send(message) {
      // A send begun before `stop` is part of what `stop` waits for; one begun after only stores the message.
      const deliverNow = !stopped;
      const work = (async () => {
        const stored = pending(await compose(message));
        await outbox.insert(stored);
        // The action that sent the mail succeeds even when delivery fails: the message waits in the outbox.
        if (deliverNow) await attempt(stored).catch((error: unknown) => storeFailed(stored, error));
        return { id: stored.id };
      })();
      return deliverNow ? track(work) : work;
    },
    deliverDue,
    start(intervalMs = DEFAULT_INTERVAL_MS) {
      if (stopped || timer !== undefined) return;
      timer = setInterval(tick, intervalMs);
      // Pending mail is kept in the store, so the timer must not be what keeps the process alive.
      timer.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      await Promise.allSettled([...inFlight]);
      transport.close();
    },
  };
}
