import type { Mailer, PortalMail } from '../production/mailer.ts';

/** A Mailer that keeps what it is asked to send (the portal's side of the port: rendering is the mail package's). */
export function keepingMailer(): Mailer & { sent: PortalMail[] } {
  const sent: PortalMail[] = [];
  return {
    sent,
    send: (message) => {
      sent.push(message);
      return Promise.resolve({ id: `mail-${sent.length}` });
    },
  };
}

/** A Mailer whose transport is down. */
export const brokenMailer: Mailer = { send: () => Promise.reject(new Error('the outbox is not writable')) };
