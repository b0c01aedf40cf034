export type {
  MailClock,
  Mailer,
  MailerOptions,
  OutboxMailer,
  OutboxMessage,
  OutboxReader,
  OutgoingMail,
  Recipients,
  SentMail,
  TemplateMail,
  WrittenMail,
} from './message.ts';
export { DEFAULT_FROM, MailError } from './compose.ts';
export { createOutboxMailer, OUTBOX_COLLECTION, type OutboxMailerOptions } from './outbox.ts';
export { createMemoryMailer, type MemoryMailer } from './memory.ts';
export {
  markup,
  isTemplateName,
  multiline,
  renderTemplate,
  SafeHtml,
  TEMPLATES,
  type HtmlValue,
  type ProductionRequestApprovedData,
  type ProductionRequestReceivedData,
  type ProductionRequestRejectedData,
  type RenderedMail,
  type TemplateData,
  type TemplateName,
} from './templates/index.ts';
