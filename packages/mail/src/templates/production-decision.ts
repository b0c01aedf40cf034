import { MailError } from '../errors.ts';
import { formatInstant, textTable } from './format.ts';
import { markup, multiline, type SafeHtml } from './html.ts';
import { button, detailsTable, layout, paragraph, signature, textBody } from './layout.ts';
import { DEFAULT_CONTEXT, type RenderedMail, type TemplateContext } from './types.ts';

/** Data of the mail a vendor gets when a reviewer decides their production request. */
export interface ProductionDecisionData {
  appName: string;
  /** The app's OAuth client_id (the same in the sandbox and in production). */
  clientId: string;
  decision: 'approved' | 'rejected';
  /** The reviewer's words: required for a rejection (what to change), optional for an approval. */
  reason?: string;
  /** The version of the request that was decided. */
  version: number;
  /** ISO instant of the decision. */
  decidedAt: string;
  /** The app's page in the developer area (http or https). */
  appLink: string;
}

/** Data of the mail a vendor gets when a reviewer suspends or reinstates their published app. */
export interface ProductionSuspensionData {
  appName: string;
  clientId: string;
  action: 'suspended' | 'reinstated';
  /** Why, in the reviewer's words (always given for a suspension). */
  reason?: string;
  /** ISO instant of the action. */
  at: string;
}

/**
 * Refuses what the types cannot stop (the data crosses a package boundary as plain values): an unknown decision
 * or action, and a link that is not http(s), which a button must never carry.
 */
function check(ok: boolean, what: string): void {
  if (!ok) throw new MailError(`The production mail's ${what}.`);
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** The details rows in HTML: the client ID as code, texts a reviewer typed with their line breaks. */
function htmlTable(rows: readonly (readonly [string, string | undefined])[]): SafeHtml {
  return detailsTable(
    rows.map(([label, value]) => {
      if (value === undefined) return [label, undefined] as const;
      return [label, label === 'Client ID' ? markup`<code>${value}</code>` : multiline(value)] as const;
    }),
  );
}

/** "Approved" or "not approved": the decision, the version it applies to and, for a rejection, the reason. */
export function productionDecision(
  data: ProductionDecisionData,
  { planName }: TemplateContext = DEFAULT_CONTEXT,
): RenderedMail {
  check(data.decision === 'approved' || data.decision === 'rejected', 'decision must be approved or rejected');
  check(isHttpUrl(data.appLink), 'appLink must be an http(s) URL');
  const approved = data.decision === 'approved';
  const reason = data.reason?.trim() === '' ? undefined : data.reason;
  check(approved || reason !== undefined, 'reason is required for a rejection');
  const subject = approved
    ? `"${data.appName}" was approved for production`
    : `"${data.appName}" was not approved for production`;
  const line = approved
    ? `Your request to publish "${data.appName}" (version ${data.version}) was approved: members can now connect it to their data, with the same client ID and secret as in your sandbox.`
    : `Your request to publish "${data.appName}" (version ${data.version}) was not approved.`;
  const after = approved
    ? 'Changes you make in the sandbox from now on reach production only after a new request is approved.'
    : 'Change what the reviewer asks for in your sandbox, then send the request again from the app page.';
  const table = [
    ['App', data.appName],
    ['Client ID', data.clientId],
    ['Version', String(data.version)],
    [approved ? 'Approved' : 'Decided', formatInstant(data.decidedAt)],
    ['Reason', reason],
  ] as const;
  const text = textBody(
    ['Hello,', line, { pre: textTable(table) }, after, { pre: `Open the app:\n${data.appLink}` }],
    planName,
  );
  const body = markup`${paragraph('Hello,')}
    ${paragraph(line)}
    ${htmlTable(table)}
    ${paragraph(after)}
    ${button('Open the app', data.appLink)}
    ${signature(planName).html}`;
  return {
    subject,
    text,
    html: layout({
      planName,
      title: subject,
      preheader: reason ?? line,
      heading: approved ? 'Approved for production' : 'Not approved for production',
      body,
    }),
  };
}

/** "Suspended" (its tokens stopped working) or "reinstated" (it works again), with the reviewer's reason. */
export function productionSuspension(
  data: ProductionSuspensionData,
  { planName }: TemplateContext = DEFAULT_CONTEXT,
): RenderedMail {
  check(data.action === 'suspended' || data.action === 'reinstated', 'action must be suspended or reinstated');
  const suspended = data.action === 'suspended';
  const reason = data.reason?.trim() === '' ? undefined : data.reason;
  const subject = suspended
    ? `"${data.appName}" was suspended in production`
    : `"${data.appName}" was reinstated in production`;
  const line = suspended
    ? `The plan suspended "${data.appName}" in production: its access and refresh tokens stopped working and members cannot connect it until it is reinstated.`
    : `The plan reinstated "${data.appName}" in production: members can connect it again.`;
  const after = suspended
    ? 'Address the reason in your app, then contact the plan to have it reinstated.'
    : 'Tokens issued before the suspension may have stopped working; members can connect the app again.';
  const table = [
    ['App', data.appName],
    ['Client ID', data.clientId],
    [suspended ? 'Suspended' : 'Reinstated', formatInstant(data.at)],
    ['Reason', reason],
  ] as const;
  const text = textBody(['Hello,', line, { pre: textTable(table) }, after], planName);
  const body = markup`${paragraph('Hello,')}
    ${paragraph(line)}
    ${htmlTable(table)}
    ${paragraph(after)}
    ${signature(planName).html}`;
  return {
    subject,
    text,
    html: layout({
      planName,
      title: subject,
      preheader: reason ?? line,
      heading: suspended ? 'Suspended in production' : 'Reinstated in production',
      body,
    }),
  };
}
