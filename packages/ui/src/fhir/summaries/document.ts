import type { Attachment, DocumentReference } from 'fhir/r4';
import { capitalize, conceptCodes, conceptText, conceptsText, detailRows, referenceText } from '../datatypes.ts';
import { formatDate, formatNumber, joinParts } from '../format.ts';
import type { ResourceSummary } from '../types.ts';

/** How many characters of a note the summary previews. */
export const NOTE_PREVIEW_LENGTH = 240;

/** Decodes base64 to UTF-8 text; undefined when the data is not valid base64. */
export function decodeBase64Text(data: string): string | undefined {
  try {
    const binary = atob(data.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}

/** The decoded text of an inline text attachment (text/plain, text/html...); undefined for other content. */
export function attachmentText(attachment: Attachment | undefined): string | undefined {
  if (attachment?.data === undefined) return undefined;
  const type = attachment.contentType ?? 'text/plain';
  if (!type.startsWith('text/') && !type.includes('json') && !type.includes('xml')) return undefined;
  return decodeBase64Text(attachment.data);
}

/** The first words of a note, on one line, ending in "…" when cut. */
export function notePreview(text: string, length = NOTE_PREVIEW_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length).trimEnd()}…`;
}

/** The number of bytes base64 data decodes to. */
function base64Size(data: string): number {
  const clean = data.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/** What an attachment is when it is not readable inline ("application/pdf, 12,345 bytes", or its URL). */
function attachmentLabel(attachment: Attachment): string {
  const size = attachment.size ?? (attachment.data === undefined ? undefined : base64Size(attachment.data));
  return joinParts(
    [attachment.title, attachment.contentType, size !== undefined && `${formatNumber(size)} bytes`, attachment.url],
    ', ',
  );
}

/** DocumentReference (a clinical note): its type, date, author, and the decoded text of the note. */
export function summarizeDocumentReference(doc: DocumentReference): ResourceSummary {
  const attachments = doc.content.map((c) => c.attachment);
  const note = attachments.map(attachmentText).find((t) => t !== undefined);
  const author = referenceText(doc.author?.[0]);
  return {
    title: conceptText(doc.type) ?? doc.description ?? 'Document',
    subtitle: joinParts([formatDate(doc.date), author, doc.docStatus]),
    ...(doc.date !== undefined ? { date: doc.date } : {}),
    rows: detailRows([
      ['Type', conceptCodes(doc.type)],
      ['Category', conceptsText(doc.category)],
      ['Date', formatDate(doc.date)],
      ['Author', (doc.author ?? []).map(referenceText).filter((a): a is string => a !== undefined)],
      ['Custodian', referenceText(doc.custodian)],
      ['Description', doc.description],
      ['Status', joinParts([capitalize(doc.status), doc.docStatus])],
      ['Note', note === undefined ? undefined : notePreview(note)],
      ['Attachments', note === undefined ? attachments.map(attachmentLabel) : undefined],
    ]),
    ...(note !== undefined ? { note } : {}),
  };
}
