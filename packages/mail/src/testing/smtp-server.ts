import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** A message the test SMTP server accepted, parsed. */
export interface ReceivedMail {
  /** The From header as written (`"Plan API" <no-reply@plan.example>`). */
  from: string;
  /** The addresses of the To header. */
  to: string[];
  /** The SMTP envelope: MAIL FROM and RCPT TO, which decide where the server delivers. */
  envelope: { from: string; to: string[] };
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part, when there is one. */
  html: string | undefined;
  /** Each header by lower-case name, decoded (addresses as written, dates as ISO instants). */
  headers: Record<string, string>;
  /** Every http(s) URL in the plain-text part, in order (an end-to-end test follows the one it expects). */
  links: string[];
  /** The message exactly as received after DATA (CRLF line ends). */
  raw: string;
}

/** How the test server turns mail away: `reject` answers MAIL FROM with 451, `close` says 421 and hangs up. */
export type TestSmtpRefusal = 'reject' | 'close';

export interface TestSmtpServerOptions {
  /** A port to listen on (default: a free one), e.g. to bring a stopped server back where a mailer expects it. */
  port?: number;
  /** When set, clients must log in with these (AUTH PLAIN/LOGIN, allowed without TLS since this is a test). */
  auth?: { user: string; pass: string };
  /** Turn mail away from the start (see `refuse`). */
  refuse?: TestSmtpRefusal;
}

/** A real SMTP server on 127.0.0.1 for tests, and what it received. */
export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>` (with `user:pass@` when it requires a login). */
  url: string;
  port: number;
  /** Every accepted message, in the order received. */
  readonly messages: readonly ReceivedMail[];
  /** The first received message (already there or still to come) that passes `predicate`. */
  waitForMessage(predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Starts or stops turning mail away (false: accept again). */
  refuse(mode: TestSmtpRefusal | false): void;
  /** Closes open connections and stops listening. */
  stop(): Promise<void>;
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((a) => a.text).join(', ');
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((a) => a.value.map((entry) => entry.address ?? '')).filter((a) => a !== '');
}

/** A header value as text: mailparser gives structured values (addresses, dates, content types). */
function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  if (typeof value === 'object' && value !== null) {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('value' in value && typeof value.value === 'string') return value.value;
  }
  return String(value);
}

function received(raw: string, parsed: ParsedMail, session: SMTPServerSession): ReceivedMail {
  const envelopeFrom = session.envelope.mailFrom;
  const text = parsed.text ?? '';
  return {
    from: addressText(parsed.from),
    to: addresses(parsed.to),
    envelope: {
      from: envelopeFrom === false ? '' : envelopeFrom.address,
      to: session.envelope.rcptTo.map((r) => r.address),
    },
    subject: parsed.subject ?? '',
    text,
    html: typeof parsed.html === 'string' ? parsed.html : undefined,
    headers: Object.fromEntries([...parsed.headers].map(([name, value]) => [name, headerText(value)])),
    links: text.match(/https?:\/\/[^\s<>"]+/g) ?? [],
    raw,
  };
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * Starts a real SMTP server (the `smtp-server` package) on 127.0.0.1 without TLS, parsing each message it
 * accepts with `mailparser`, so tests check mail as a mail client would read it, and can follow its links.
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let refusal: TestSmtpRefusal | false = options.refuse ?? false;
  const { auth } = options;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: auth === undefined,
    allowInsecureAuth: true,
    onConnect(_session, callback) {
      callback(refusal === 'close' ? smtpError('Test server: closing', 421) : undefined);
    },
    onAuth(login, _session, callback) {
      const ok = auth !== undefined && login.username === auth.user && login.password === auth.pass;
      callback(ok ? null : smtpError('Test server: invalid login', 535), ok ? { user: login.username } : undefined);
    },
    onMailFrom(_address, _session, callback) {
      callback(refusal === 'reject' ? smtpError('Test server: try again later', 451) : undefined);
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (buffer) => {
          messages.push(received(buffer.toString('utf8'), await simpleParser(buffer), session));
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const login = auth === undefined ? '' : `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.pass)}@`;
  return {
    url: `smtp://${login}127.0.0.1:${port}`,
    port,
    messages,
    waitForMessage(predicate = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = messages.find(predicate);
          if (found === undefined) return;
          finish();
          resolve(found);
        };
        const timer = setTimeout(() => {
          finish();
          const subjects = messages.map((m) => JSON.stringify(m.subject)).join(', ') || 'none';
          reject(new Error(`No matching mail arrived within ${timeoutMs} ms (received: ${subjects}).`));
        }, timeoutMs);
        const finish = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    refuse(mode) {
      refusal = mode;
    },
    stop() {
      // smtp-server waits up to 30 s for open connections (a pooled client keeps them) before closing them.
      for (const connection of server.connections) connection.close();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
