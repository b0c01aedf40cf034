import { createComposer } from './compose.ts';
import type { MailerOptions, OutboxMailer, OutboxMessage } from './message.ts';

/** A mailer for tests: what it sent, in order. */
export interface MemoryMailer extends OutboxMailer {
  /** Every message sent, oldest first. */
  readonly messages: readonly OutboxMessage[];
}

/**
 * The memory transport: composes each message like the other transports (RFC 5322 source included) and
 * keeps it in an array, for tests that check what was sent.
 */
export function createMemoryMailer(options: MailerOptions = {}): MemoryMailer {
  const compose = createComposer(options);
  const messages: OutboxMessage[] = [];
  return {
    messages,
    async send(message) {
      const stored = await compose(message);
      messages.push(stored);
      return { id: stored.id };
    },
    list: ({ limit = 200 } = {}) =>
      Promise.resolve(
        [...messages]
          .reverse()
          .slice(0, Math.max(0, limit))
          .map((m) => ({ ...m })),
      ),
    get: (id) => {
      const found = messages.find((m) => m.id === id);
      return Promise.resolve(found === undefined ? undefined : { ...found });
    },
  };
}
