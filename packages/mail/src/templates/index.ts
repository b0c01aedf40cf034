import {
  productionRequestApproved,
  productionRequestReceived,
  productionRequestRejected,
} from './production-request.ts';
import type { RenderedMail } from './types.ts';

/** Every message template by name: a plain function from its data to the subject, text and HTML. */
export const TEMPLATES = {
  productionRequestReceived,
  productionRequestApproved,
  productionRequestRejected,
} as const;

export type TemplateName = keyof typeof TEMPLATES;

/** The data a template takes. */
export type TemplateData<K extends TemplateName> = Parameters<(typeof TEMPLATES)[K]>[0];

/** Whether a name is a template (a caller in another package may hold a name as plain text). */
export function isTemplateName(name: unknown): name is TemplateName {
  return typeof name === 'string' && Object.hasOwn(TEMPLATES, name);
}

/** Renders a template by name; throws for a name that is not one. */
export function renderTemplate<K extends TemplateName>(name: K, data: TemplateData<K>): RenderedMail {
  if (!isTemplateName(name)) throw new Error(`There is no mail template "${String(name)}".`);
  // The union of the templates' data types cannot be narrowed by K, so the call is made through one signature.
  const template = TEMPLATES[name] as (data: TemplateData<K>) => RenderedMail;
  return template(data);
}

export { markup, multiline, SafeHtml, type HtmlValue } from './html.ts';
export type { RenderedMail } from './types.ts';
export type {
  ProductionRequestApprovedData,
  ProductionRequestReceivedData,
  ProductionRequestRejectedData,
} from './production-request.ts';
