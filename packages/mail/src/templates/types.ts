/** What a template makes of its data: the subject and both bodies of one message. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What every template knows besides its data: who is sending. */
export interface TemplateContext {
  /** The plan's name (`Plan API` unless the mailer is told otherwise). */
  planName: string;
}

/** The plan name a mailer uses when none is configured. */
export const DEFAULT_PLAN_NAME = 'Plan API';

/** The context of a mailer without a configured plan name (and of a template rendered on its own). */
export const DEFAULT_CONTEXT: TemplateContext = { planName: DEFAULT_PLAN_NAME };
