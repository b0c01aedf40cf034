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
  /** The version of the request (1 on the first send; a new send after a rejection or approval counts on). */
  version?: number;
  /** `update` when a version of the app is already published (it stays live until the update is approved). */
  kind?: 'new' | 'update';
}

/** "Production request received": confirms the request and says what happens next. */
export function productionRequestReceived(
  data: ProductionRequestReceivedData,
  { planName }: TemplateContext = DEFAULT_CONTEXT,
): RenderedMail {
  const update = data.kind === 'update';
  const subject = update
    ? `Production update request received: ${data.appName}`
    : `Production request received: ${data.appName}`;
  const intro = update
    ? `We received your request to publish changes to "${data.appName}" in production.`
    : `We received your request to publish "${data.appName}" in production.`;
  const lead = update ? 'We received your request to publish changes to ' : 'We received your request to publish ';
  const live = update ? 'The version members use today stays live until the update is approved. ' : '';
  const version = data.version === undefined ? undefined : String(data.version);
  const next =
    "The plan's reviewers check the app's registration (redirect URIs, privacy policy, terms of service) and " +
    'answer at this address when it is approved or if something needs to change. ' +
    live +
    'Your sandbox keeps working while you wait.';
  const text = textBody(
    [
      'Hello,',
      intro,
      {
        pre: textTable([
          ['App', data.appName],
          ['Client ID', data.clientId],
          ['Version', version],
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
    <p style="margin:0 0 12px">${lead}<strong>${data.appName}</strong> in production.</p>
    ${detailsTable([
      ['App', data.appName],
      ['Client ID', markup`<code>${data.clientId}</code>`],
      ['Version', version],
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
      preheader: intro,
      heading: update ? 'Production update request received' : 'Production request received',
      body,
    }),
  };
}
