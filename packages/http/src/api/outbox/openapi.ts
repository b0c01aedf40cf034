import type { JsonSchema } from '../openapi-schemas.ts';

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const instant = (description: string): JsonSchema => str(description, { format: 'date-time' });

const summaryFields: Record<string, JsonSchema> = {
  id: str('The message id (ids sort by sending time).'),
  at: instant('When it was sent.'),
  from: str('The From address.'),
  to: { type: 'array', items: str('A recipient.'), minItems: 1, description: 'The recipients.' },
  subject: str('The subject.'),
  template: str('The template it was made from, e.g. productionRequestReceived.'),
};

/** The component schemas of the outbox. */
export const outboxSchemas: Record<string, JsonSchema> = {
  OutboxSummary: {
    type: 'object',
    description: 'A message the sandbox kept instead of sending.',
    required: ['id', 'at', 'from', 'to', 'subject'],
    properties: summaryFields,
  },
  OutboxMessage: {
    type: 'object',
    description: 'A kept message with its bodies and the RFC 5322 source SMTP would have carried.',
    required: ['id', 'at', 'from', 'to', 'subject', 'text', 'messageId', 'raw'],
    properties: {
      ...summaryFields,
      text: str('The plain-text body.'),
      html: str('The HTML body (a whole document; show it sandboxed).'),
      messageId: str('The Message-ID header.'),
      raw: str('The whole message, headers and MIME body, CRLF line ends.'),
    },
  },
};
