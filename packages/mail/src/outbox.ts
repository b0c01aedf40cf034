import type { RecordCollection, RecordStore } from '@plan-api/store';
import { createComposer } from './compose.ts';
import type { MailerOptions, OutboxMailer, OutboxMessage, OutboxReader } from './message.ts';

/** The record collection the outbox keeps its messages in. */
export const OUTBOX_COLLECTION = 'outbox';

/**
 * The record indexes the outbox needs on PostgreSQL (the shape `createPostgresRecordStore`'s indexes take):
 * the SMTP transport looks up pending messages by when they are due.
 */
export const OUTBOX_RECORD_INDEXES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  [OUTBOX_COLLECTION]: [['deliveryStatus', 'deliveryDueAt']],
};

const DEFAULT_LIST_LIMIT = 200;

export interface OutboxMailerOptions extends MailerOptions {
  /** Where messages are kept (the sandbox's record store: lowdb files in its data dir). */
  records: RecordStore;
}

/**
 * The outbox transport of the desktop sandbox: every message is composed as SMTP would send it and kept in
 * the `outbox` collection instead of being delivered, so the vendor reads it in the app.
 */
export function createOutboxMailer(options: OutboxMailerOptions): OutboxMailer {
  const compose = createComposer(options);
  const outbox = options.records.collection<OutboxMessage>(OUTBOX_COLLECTION);
  return {
    async send(message) {
      const stored = await compose(message);
      await outbox.insert(stored);
      return { id: stored.id };
    },
    ...outboxReader(outbox),
  };
}

/** Reads the outbox collection back: newest first, or one message by id. */
export function outboxReader(outbox: RecordCollection<OutboxMessage>): OutboxReader {
  return {
    // Ids sort by creation, so id order is send order even within one millisecond.
    list: ({ limit = DEFAULT_LIST_LIMIT } = {}) => outbox.list({ orderBy: 'id', descending: true, limit }),
    get: (id) => outbox.get(id),
  };
}
