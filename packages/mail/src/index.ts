export type {
  DeliveringMailer,
  DeliveryStatus,
  MailClock,
  MailDelivery,
  Mailer,
  MailLogger,
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
export { DEFAULT_FROM } from './compose.ts';
export { MailError } from './errors.ts';
export { createOutboxMailer, OUTBOX_COLLECTION, OUTBOX_RECORD_INDEXES, type OutboxMailerOptions } from './outbox.ts';
export { createMemoryMailer, type MemoryMailer } from './memory.ts';
export { createSmtpMailer, type SmtpMailerOptions } from './smtp/smtp.ts';
export type { RetryOptions } from './smtp/state.ts';
export {
  markup,
  isTemplateName,
  multiline,
  renderTemplate,
  SafeHtml,
  TEMPLATES,
  DEFAULT_PLAN_NAME,
  type AccountAudience,
  type AccountExistsData,
  type AccountLinkData,
  type AccountLinkPurpose,
  type HtmlValue,
  type MemberNotFoundData,
  type ProductionDecisionData,
  type ProductionRequestReceivedData,
  type ProductionSuspensionData,
  type RenderedMail,
  type TemplateContext,
  type TemplateData,
  type TemplateName,
} from './templates/index.ts';
