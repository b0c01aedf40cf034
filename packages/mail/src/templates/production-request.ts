import { formatInstant, textTable } from './format.ts';
import { detailsTable, layout, signature, textBody } from './layout.ts';
import { markup, multiline } from './html.ts';
import { DEFAULT_CONTEXT, type RenderedMail, type TemplateContext } from './types.ts';

/** Data of the mail a vendor gets when the plan receives their request to publish an app. */
export interface ProductionRequestReceivedData {
  appName: string;
  /** The app's OAuth client_id in the sandbox. */
  clientId: string;
  /** Where the plan's reviewers answer. */
  contactEmail: string;
  /** ISO instant of the request. */
  requestedAt: string;
  /** What the vendor told the reviewers. */
  notes?: string;
}

/** Data of the mail a vendor gets when their app is approved for production. */
export interface ProductionRequestApprovedData {
  appName: string;
  clientId: string;
  /** ISO instant of the decision. */
  decidedAt: string;
}

/** Data of the mail a vendor gets when their production request is rejected. */
export interface ProductionRequestRejectedData {
  appName: string;
  clientId: string;
  decidedAt: string;
  /** Why, in the reviewer's words: what to change before asking again. */
  reason: string;
}

/** "Production request received": confirms the request and says what happens next. */
export function productionRequestReceived(
  data: ProductionRequestReceivedData,
  { planName }: TemplateContext = DEFAULT_CONTEXT,
): RenderedMail {
  const subject = `Production request received: ${data.appName}`;
  const next =
    "The plan's reviewers check the app's registration (redirect URIs, privacy policy, terms of service) and " +
    'answer at this address when it is approved or if something needs to change. Your sandbox keeps working ' +
    'while you wait.';
  const text = textBody(
    [
      'Hello,',
      `We received your request to publish "${data.appName}" in production.`,
      {
        pre: textTable([
          ['App', data.appName],
          ['Client ID', data.clientId],
          ['Requested', formatInstant(data.requestedAt)],
          ['Contact', data.contactEmail],
          ['Notes', data.notes],
        ]),
      },
      `What happens next: ${next}`,
    ],
    planName,
  );
  const body = markup`<p style="margin:0 0 12px">Hello,</p>
    <p style="margin:0 0 12px">We received your request to publish <strong>${data.appName}</strong> in production.</p>
    ${detailsTable([
      ['App', data.appName],
      ['Client ID', markup`<code>${data.clientId}</code>`],
      ['Requested', formatInstant(data.requestedAt)],
      ['Contact', data.contactEmail],
      ['Notes', data.notes === undefined ? undefined : multiline(data.notes)],
    ])}
    <p style="margin:0 0 12px"><strong>What happens next:</strong> ${next}</p>
    ${signature(planName).html}`;
  return {
    subject,
    text,
    html: layout({
      planName,
      title: subject,
      preheader: `We received your request to publish ${data.appName}.`,
      heading: 'Production request received',
      body,
    }),
  };
}

/** "Approved": the app is published and members can connect it. */
export function productionRequestApproved(
  data: ProductionRequestApprovedData,
  { planName }: TemplateContext = DEFAULT_CONTEXT,
): RenderedMail {
  const subject = `Approved for production: ${data.appName}`;
  const line = `"${data.appName}" is approved: members can now find it among the plan's apps and connect it to their data.`;
  const text = textBody(
    [
      'Hello,',
      line,
      {
        pre: textTable([
          ['App', data.appName],
          ['Client ID', data.clientId],
          ['Approved', formatInstant(data.decidedAt)],
        ]),
      },
    ],
    planName,
  );
  const body = markup`<p style="margin:0 0 12px">Hello,</p>
    <p style="margin:0 0 12px">${line}</p>
    ${detailsTable([
      ['App', data.appName],
      ['Client ID', markup`<code>${data.clientId}</code>`],
      ['Approved', formatInstant(data.decidedAt)],
    ])}
    ${signature(planName).html}`;
  return {
    subject,
    text,
    html: layout({ planName, title: subject, preheader: line, heading: 'Approved for production', body }),
  };
}

/** "Not approved": the reviewer's reason, and that the vendor may ask again once it is addressed. */
export function productionRequestRejected(
  data: ProductionRequestRejectedData,
  { planName }: TemplateContext = DEFAULT_CONTEXT,
): RenderedMail {
  const subject = `Production request not approved: ${data.appName}`;
  const after = 'Change what the reviewer asks for, then request production again from the sandbox.';
  const text = textBody(
    [
      'Hello,',
      `Your request to publish "${data.appName}" in production was not approved.`,
      {
        pre: textTable([
          ['App', data.appName],
          ['Client ID', data.clientId],
          ['Decided', formatInstant(data.decidedAt)],
          ['Reason', data.reason],
        ]),
      },
      after,
    ],
    planName,
  );
  const body = markup`<p style="margin:0 0 12px">Hello,</p>
    <p style="margin:0 0 12px">
      Your request to publish <strong>${data.appName}</strong> in production was not approved.
    </p>
    ${detailsTable([
      ['App', data.appName],
      ['Client ID', markup`<code>${data.clientId}</code>`],
      ['Decided', formatInstant(data.decidedAt)],
      ['Reason', multiline(data.reason)],
    ])}
    <p style="margin:0 0 12px">${after}</p>
    ${signature(planName).html}`;
  return {
    subject,
    text,
    html: layout({
      planName,
      title: subject,
      preheader: data.reason,
      heading: 'Production request not approved',
      body,
    }),
  };
}
