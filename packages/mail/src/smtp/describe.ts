import { MailError } from '../errors.ts';

/** An SMTP server as the mailer connects to it, and how it may be named in logs and stored errors. */
export interface SmtpServer {
  /** The URL nodemailer connects with (credentials included). */
  url: string;
  /** `smtps://***@smtp.example:465`: the URL without its credentials, query or path. */
  display: string;
  /** Strings that must never appear in a log line (the password). */
  secrets: string[];
}

/**
 * Reads the SMTP URL of the configuration. The URL itself is never put in an error message: it may carry
 * the password.
 */
export function smtpServer(url: string): SmtpServer {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined || !['smtp:', 'smtps:'].includes(parsed.protocol) || parsed.hostname === '') {
    throw new MailError(
      'The SMTP URL must look like smtp://host:port or smtps://user:password@host:465 (the value is not shown: it may hold a password).',
    );
  }
  const login = parsed.username !== '' || parsed.password !== '' ? '***@' : '';
  const password = decodeURIComponent(parsed.password);
  // A very short password would mask ordinary words of a server's answer; it is still never in the display URL.
  return {
    url,
    display: `${parsed.protocol}//${login}${parsed.host}`,
    secrets: password.length >= 3 ? [password] : [],
  };
}

/** Durations as a person reads them: `30 s`, `2 min`, `1 h`. */
export function formatDelay(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 3600 || seconds % 3600 !== 0) return `${Math.round(seconds / 60)} min`;
  return `${seconds / 3600} h`;
}

interface SmtpFailure {
  message?: unknown;
  code?: unknown;
  command?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/** Text from a server or an error, safe for one log line: one line, short, without the secrets. */
function clean(text: string, secrets: readonly string[]): string {
  let out = text.replace(/\p{Cc}+/gu, ' ').trim();
  for (const secret of secrets) out = out.split(secret).join('***');
  return out.length > 200 ? `${out.slice(0, 199)}…` : out;
}

/**
 * Why an attempt failed, for a person, naming the server (without credentials): "cannot reach the SMTP
 * server at smtp://127.0.0.1:2525 (ECONNREFUSED)", "the SMTP server at ... refused the message (451 ...)".
 * Built from nodemailer's error fields; a server's answer is quoted, never the message being sent.
 */
export function describeFailure(error: unknown, server: SmtpServer): string {
  const failure: SmtpFailure = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const at = `the SMTP server at ${server.display}`;
  const message = typeof failure.message === 'string' ? failure.message : '';
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const answer = typeof failure.response === 'string' ? clean(failure.response, server.secrets) : undefined;
  if (answer !== undefined && typeof failure.responseCode === 'number') {
    if (code === 'EAUTH') return `${at} refused the login (${answer})`;
    if (failure.command === 'CONN') return `${at} turned the connection away (${answer})`;
    return `${at} refused the message (${answer})`;
  }
  // Node's own code (ECONNREFUSED, ENOTFOUND, ...) says more than nodemailer's (ESOCKET, EDNS).
  const reason = /\bE[A-Z]{3,}\b/.exec(message)?.[0] ?? code;
  if (failure.command === 'CONN' || ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS'].includes(code ?? '')) {
    return `cannot reach ${at} (${reason ?? clean(message, server.secrets)})`;
  }
  return `sending to ${at} failed (${[code, clean(message, server.secrets)].filter(Boolean).join(': ')})`;
}
