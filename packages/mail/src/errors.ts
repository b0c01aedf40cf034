/** Thrown by `send` for a message that cannot be composed (no valid recipient, no subject, ...). */
export class MailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailError';
  }
}
