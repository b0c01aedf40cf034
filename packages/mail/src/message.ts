import type { StoredRecord } from '@plan-api/store';
import type { TemplateData, TemplateName } from './templates/index.ts';

/** One recipient (`dev@app.example`, `Dev Team <dev@app.example>`) or several. */
export type Recipients = string | readonly string[];

/** A message the caller wrote out. */
export interface WrittenMail {
  to: Recipients;
  subject: string;
  text: string;
  html?: string;
  template?: undefined;
  data?: undefined;
}

/** A message made from one of the templates: the mailer renders its subject, text and HTML from `data`. */
export type TemplateMail = {
  [K in TemplateName]: {
    to: Recipients;
    template: K;
    data: TemplateData<K>;
    subject?: undefined;
    text?: undefined;
    html?: undefined;
  };
}[TemplateName];

/** What a Mailer sends: written out, or named by template with its data. */
export type OutgoingMail = WrittenMail | TemplateMail;

/** What `send` answers: the id of the message (in the outbox, the id to read it back by). */
export interface SentMail {
  id: string;
}

/**
 * The Mailer port: the one way packages send mail. Transports: the outbox (the desktop sandbox keeps what it
 * would send and shows it), SMTP (the production server: kept in the outbox until delivered), memory (tests).
 */
export interface Mailer {
  send(message: OutgoingMail): Promise<SentMail>;
}

/** A message as it was composed for sending: the fields to show, and the RFC 5322 source SMTP would carry. */
export interface OutboxMessage extends StoredRecord {
  /** Sorts by creation (newest last in id order). */
  id: string;
  /** ISO instant it was sent. */
  at: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** The template it was made from. */
  template?: string;
  /** The Message-ID header, `<id@domain>`. */
  messageId: string;
  /** The whole message (headers and MIME body, CRLF line ends) exactly as it would go over SMTP. */
  raw: string;
  /** How its delivery over SMTP stands; absent for a message that is only kept (the sandbox's outbox). */
  delivery?: MailDelivery;
  /**
   * `delivery.status`, `delivery.nextAttemptAt` (while pending) and `delivery.attempts` again at the top level,
   * because record filters, sorting and PostgreSQL indexes reach top-level fields only. Written together with
   * `delivery`, never on their own.
   */
  deliveryStatus?: DeliveryStatus;
  deliveryDueAt?: string;
  deliveryAttempts?: number;
}

/** Where a message delivered over SMTP stands: waiting (maybe after failed attempts), delivered, given up. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** The delivery state of a message the SMTP transport delivers. */
export interface MailDelivery {
  status: DeliveryStatus;
  /** Attempts made so far (an attempt counts when a process claims the message). */
  attempts: number;
  /** ISO instant of the next attempt, while pending. */
  nextAttemptAt?: string;
  /** Why the last attempt failed, for a person (never credentials, never the message). */
  lastError?: string;
  /** ISO instant the SMTP server accepted it. */
  sentAt?: string;
}

/** The time source of a mailer (tests pin it). */
export interface MailClock {
  now(): Date;
}

/** Reads what a mailer kept. */
export interface OutboxReader {
  /** Messages, newest first (at most `limit`, default 200). */
  list(options?: { limit?: number }): Promise<OutboxMessage[]>;
  /** One message by id, or undefined. */
  get(id: string): Promise<OutboxMessage | undefined>;
}

/** A Mailer that keeps every message it sends and can list them (the outbox and memory transports). */
export interface OutboxMailer extends Mailer, OutboxReader {}

/** A mailer's settings shared by the transports. */
export interface MailerOptions {
  /**
   * The From address (default `<plan name> <no-reply@plan-api.invalid>`: the sandbox never delivers; a server
   * that delivers sets its own).
   */
  from?: string;
  /** The plan's name, shown in every message's header and footer and in some subjects (default `Plan API`). */
  planName?: string;
  clock?: MailClock;
}

/** Where a delivering mailer writes what happens to mail (one line per event, never a body or a link). */
export interface MailLogger {
  info(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * A Mailer that delivers over SMTP and keeps every message in the outbox until the server accepts it:
 * `send` stores the message and tries it at once; what fails is tried again by `deliverDue`.
 */
export interface DeliveringMailer extends OutboxMailer {
  /** Tries every stored message whose next attempt is due; resolves to how many were delivered. */
  deliverDue(): Promise<number>;
  /**
   * Calls `deliverDue` every `intervalMs` (default 15 s) on a timer that does not keep the process alive.
   * A second call, or one after `stop`, does nothing.
   */
  start(intervalMs?: number): void;
  /** Stops the timer, waits for the deliveries in flight and closes the SMTP connections. */
  stop(): Promise<void>;
}
