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
 * would send and shows it), memory (tests); the production server's SMTP transport implements the same port.
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
