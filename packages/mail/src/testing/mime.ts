/** Just enough of a MIME reader for tests to check what nodemailer composed (headers, the parts' bodies). */

function headerSection(raw: string): string {
  const end = raw.indexOf('\r\n\r\n');
  return end === -1 ? raw : raw.slice(0, end);
}

/** One header's value (folded lines unfolded), or undefined. */
export function header(raw: string, name: string): string | undefined {
  const unfolded = headerSection(raw).replace(/\r\n[ \t]+/g, ' ');
  const prefix = `${name.toLowerCase()}:`;
  const line = unfolded.split('\r\n').find((l) => l.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}

/** Decodes a quoted-printable body (soft line breaks and `=XX` bytes) as UTF-8. */
export function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The decoded body of the first part whose Content-Type starts with `type` (`text/plain`, `text/markup`). */
export function mimePart(raw: string, type: string): string | undefined {
  const boundary = /boundary="?([^";]+)"?/.exec(header(raw, 'Content-Type') ?? '')?.[1];
  const parts = boundary === undefined ? [raw] : raw.split(`--${boundary}`).slice(1, -1);
  for (const part of parts) {
    const text = part.replace(/^\r\n/, '');
    if (!(header(text, 'Content-Type') ?? '').startsWith(type)) continue;
    const body = text.slice(text.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
    const encoding = (header(text, 'Content-Transfer-Encoding') ?? '7bit').toLowerCase();
    if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
    if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    return body;
  }
  return undefined;
}
