import { markup, type HtmlValue, type SafeHtml } from './html.ts';
import { wrap } from './format.ts';

/** The parts of a message body a template fills in. */
export interface LayoutParts {
  /** Shown in the header and the footer ("Sent by ..."). */
  planName: string;
  /** The subject, as the document title. */
  title: string;
  /** A short line mail clients show beside the subject (hidden in the body). */
  preheader: string;
  heading: string;
  body: SafeHtml;
}

/** `label: value` rows of a details table (rows without a value are left out). */
export function detailsTable(rows: readonly (readonly [string, string | SafeHtml | undefined])[]): SafeHtml {
  const cells = rows
    .filter(([, value]) => value !== undefined && value !== '')
    .map(
      ([label, value]) =>
        markup`<tr>
          <th align="left" valign="top" style="padding:4px 16px 4px 0;color:#555;font-weight:600;white-space:nowrap">
            ${label}
          </th>
          <td style="padding:4px 0">${value}</td>
        </tr>`,
    );
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:16px 0">
    ${cells}
  </table>`;
}

/**
 * The HTML document every message uses: inline styles only and one centered column, which is what mail
 * clients render alike. Everything interpolated is escaped by `markup`.
 */
export function layout(parts: LayoutParts): string {
  return markup`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${parts.title}</title>
      </head>
      <body
        style="margin:0;padding:0;background:#f4f6f8;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a"
      >
        <div style="display:none;max-height:0;overflow:hidden">${parts.preheader}</div>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f6f8">
          <tr>
            <td align="center" style="padding:24px 12px">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                style="max-width:600px;background:#ffffff;border-radius:8px;border:1px solid #e2e6ea"
              >
                <tr>
                  <td
                    style="padding:20px 28px;border-bottom:1px solid #e2e6ea;font-weight:700;font-size:16px;color:#0b7285"
                  >
                    ${parts.planName}
                  </td>
                </tr>
                <tr>
                  <td style="padding:24px 28px">
                    <h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${parts.heading}</h1>
                    ${parts.body}
                  </td>
                </tr>
                <tr>
                  <td style="padding:16px 28px;border-top:1px solid #e2e6ea;font-size:13px;color:#555">
                    Sent by ${parts.planName}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>`.value;
}

/** A paragraph of a message body. */
export function paragraph(content: HtmlValue): SafeHtml {
  return markup`<p style="margin:0 0 12px">${content}</p>`;
}

/** The signature under a message: the same words in both parts. */
export function signature(planName: string): { text: string; html: SafeHtml } {
  const text = `— ${planName}`;
  return { text, html: markup`<p style="margin:16px 0 0;color:#555">${text}</p>` };
}

/** The greeting of a message: by name when there is one. */
export function greeting(name?: string): string {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? 'Hello,' : `Hello ${trimmed},`;
}

/**
 * A link drawn as a button (a styled `<a>`: mail clients drop forms and scripts). `href` must already be
 * checked to be an http(s) URL; `markup` escapes it for the attribute.
 */
export function button(label: string, href: string, kind: 'primary' | 'secondary' = 'primary'): SafeHtml {
  const colors =
    kind === 'primary'
      ? 'background:#0b7285;color:#ffffff'
      : 'background:#ffffff;color:#0b7285;border:1px solid #0b7285';
  return markup`<p style="margin:20px 0">
    <a href="${href}" style="${colors};display:inline-block;padding:10px 18px;border-radius:6px;font-weight:600;text-decoration:none">${label}</a>
  </p>`;
}

/** The plain-text body: paragraphs (each wrapped at 72 columns unless it is preformatted) and the signature. */
export function textBody(paragraphs: readonly (string | { pre: string })[], planName: string): string {
  const blocks = paragraphs.map((p) => (typeof p === 'string' ? wrap(p) : p.pre));
  return [...blocks, signature(planName).text, ''].join('\n\n').replace(/\n\n$/, '\n');
}
