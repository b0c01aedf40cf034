/** The recipients of a message on one line. */
export function formatRecipients(to: readonly string[]): string {
  return to.join(', ');
}

/**
 * What a kept message's HTML may do in its frame: show inline styles and inline (data:) images, load nothing
 * else (no tracking pixels, no remote fonts), run nothing. The frame's `sandbox` attribute stops scripts too;
 * the policy also keeps the preview offline.
 */
export const MAIL_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The message's HTML with MAIL_PREVIEW_CSP as the first thing in its head, ready for an iframe's `srcdoc`. */
export function mailPreviewDocument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${MAIL_PREVIEW_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head !== null) {
    const end = head.index + head[0].length;
    return `${html.slice(0, end)}${meta}${html.slice(end)}`;
  }
  return `<!doctype html><html><head>${meta}</head><body>${html}</body></html>`;
}
