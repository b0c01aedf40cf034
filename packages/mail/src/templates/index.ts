import { accountExists, accountLink, memberNotFound } from './account.ts';
import { productionDecision, productionSuspension } from './production-decision.ts';
import { productionRequestReceived } from './production-request.ts';
import { DEFAULT_CONTEXT, type RenderedMail, type TemplateContext } from './types.ts';

/** Every message template by name: a plain function from its data to the subject, text and HTML. */
export const TEMPLATES = {
  accountLink,
  accountExists,
  memberNotFound,
  productionRequestReceived,
  productionDecision,
  productionSuspension,
} as const;

export type TemplateName = keyof typeof TEMPLATES;

/** The data a template takes. */
export type TemplateData<K extends TemplateName> = Parameters<(typeof TEMPLATES)[K]>[0];

/** Whether a name is a template (a caller in another package may hold a name as plain text). */
export function isTemplateName(name: unknown): name is TemplateName {
  return typeof name === 'string' && Object.hasOwn(TEMPLATES, name);
}

/** Renders a template by name for a plan (default `Plan API`); throws for a name that is not one. */
export function renderTemplate<K extends TemplateName>(
  name: K,
  data: TemplateData<K>,
  context: TemplateContext = DEFAULT_CONTEXT,
): RenderedMail {
  if (!isTemplateName(name)) throw new Error(`There is no mail template "${String(name)}".`);
  // The union of the templates' data types cannot be narrowed by K, so the call is made through one signature.
  const template = TEMPLATES[name] as (data: TemplateData<K>, context: TemplateContext) => RenderedMail;
  return template(data, context);
}

export { markup, multiline, SafeHtml, type HtmlValue } from './html.ts';
export { DEFAULT_PLAN_NAME, type RenderedMail, type TemplateContext } from './types.ts';
export type {
  AccountAudience,
  AccountExistsData,
  AccountLinkData,
  AccountLinkPurpose,
  MemberNotFoundData,
} from './account.ts';
export type { ProductionRequestReceivedData } from './production-request.ts';
export type { ProductionDecisionData, ProductionSuspensionData } from './production-decision.ts';
