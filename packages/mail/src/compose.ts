import { randomBytes } from 'node:crypto';
import { createTransport } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { MailError } from './errors.ts';
import type { MailerOptions, OutboxMessage, OutgoingMail } from './message.ts';
import { DEFAULT_PLAN_NAME, renderTemplate, type TemplateContext } from './templates/index.ts';

/** The From address when none is configured: `.invalid` (RFC 2606) because the sandbox delivers nothing. */
export const DEFAULT_FROM = 'Plan API <no-reply@plan-api.invalid>';

/** The From address of a plan without a configured one: the plan's name before the `.invalid` address. */
function defaultFrom(planName: string): string {
  if (planName === DEFAULT_PLAN_NAME) return DEFAULT_FROM;
  // A quoted display name may hold any text but `"`, `\` and control characters, which are dropped, not escaped.
  const name = planName.replace(/["\\\p{Cc}]/gu, '').trim();
  return name === '' ? DEFAULT_FROM : `"${name}" <no-reply@plan-api.invalid>`;
}

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

function hasControlCharacter(value: string): boolean {
  return [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/**
 * The address of one mailbox (`dev@app.example` or `Dev <dev@app.example>`), or a MailError naming the field.
 * Control characters, groups and lists are refused: addressparser reads `a@b.example\r\nBcc: x@evil.example`
 * as a group of x@evil.example, so a value must be exactly one mailbox to mean what it says.
 */
export function mailbox(field: string, value: string): string {
  const parsed = hasControlCharacter(value) ? [] : addressparser(value);
  const entry = parsed[0];
  if (parsed.length !== 1 || entry?.group !== undefined || entry === undefined || !ADDRESS.test(entry.address)) {
    const several = field === 'to' ? ' (put several recipients in an array)' : '';
    throw new MailError(
      `${field} must be one email address such as dev@app.example${several}; got ${JSON.stringify(value)}.`,
    );
  }
  return entry.address;
}

function recipients(to: OutgoingMail['to']): string[] {
  const list = (typeof to === 'string' ? [to] : [...to]).map((entry) => entry.trim());
  if (list.length === 0) throw new MailError('A message needs at least one recipient.');
  for (const entry of list) mailbox('to', entry);
  return list;
}

function rendered(message: OutgoingMail, context: TemplateContext): { subject: string; text: string; html?: string } {
  if (message.template !== undefined) return renderTemplate(message.template, message.data, context);
  if (typeof message.subject !== 'string' || message.subject.trim() === '') {
    throw new MailError('A message needs a subject.');
  }
  if (typeof message.text !== 'string') throw new MailError('A message needs a plain-text body.');
  return {
    subject: message.subject,
    text: message.text,
    ...(message.html !== undefined ? { html: message.html } : {}),
  };
}

/**
 * Makes the composer of a mailer: it renders the message (template or written), checks the addresses and
 * builds the RFC 5322 source with nodemailer's stream transport, the same MIME builder its SMTP transport
 * uses, so what the outbox keeps is byte for byte what SMTP would send (bar the random MIME boundaries).
 */
export function createComposer(options: MailerOptions = {}): (message: OutgoingMail) => Promise<OutboxMessage> {
  const context: TemplateContext = { planName: options.planName ?? DEFAULT_PLAN_NAME };
  const from = options.from ?? defaultFrom(context.planName);
  const domain = mailbox('from', from).split('@')[1] ?? 'localhost';
  const now = () => options.clock?.now() ?? new Date();
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let serial = 0;
  return async (message) => {
    const to = recipients(message.to);
    const { subject, text, html } = rendered(message, context);
    const at = now();
    const id = sortableId(at, serial++);
    const messageId = `<${id}@${domain}>`;
    const info = await transport.sendMail({
      from,
      to,
      subject,
      text,
      ...(html !== undefined ? { html } : {}),
      date: at,
      messageId,
    });
    const raw = Buffer.isBuffer(info.message) ? info.message.toString('utf8') : '';
    return {
      id,
      at: at.toISOString(),
      from,
      to,
      subject,
      text,
      ...(html !== undefined ? { html } : {}),
      ...(message.template !== undefined ? { template: message.template } : {}),
      messageId,
      raw,
    };
  };
}

/**
 * An id that sorts by creation: the instant in ms (fixed width), a per-mailer serial for messages of the same
 * millisecond, then randomness so two processes sharing a data dir never collide.
 */
function sortableId(at: Date, serial: number): string {
  const time = at.getTime().toString(36).padStart(9, '0');
  const seq = (serial % 36 ** 4).toString(36).padStart(4, '0');
  return `${time}${seq}${randomBytes(6).toString('base64url')}`;
}
