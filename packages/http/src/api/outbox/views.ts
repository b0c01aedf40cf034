import type { OutboxMessage } from '@plan-api/mail';

/** A message in the outbox list: who, what and when (the bodies are read one message at a time). */
export type OutboxSummary = Pick<OutboxMessage, 'id' | 'at' | 'from' | 'to' | 'subject' | 'template'>;

/** The list view of a kept message. */
export function outboxSummary(message: OutboxMessage): OutboxSummary {
  return {
    id: message.id,
    at: message.at,
    from: message.from,
    to: message.to,
    subject: message.subject,
    ...(message.template !== undefined ? { template: message.template } : {}),
  };
}
