/** Data of the "production request received" mail (the mail package's template of that name renders it). */
export interface ProductionRequestMailData {
  appName: string;
  clientId: string;
  contactEmail: string;
  /** ISO instant of the request. */
  requestedAt: string;
  notes?: string;
}

/** Data of the `accountLink` mail: a single-use link that sets the password (and activates a pending account). */
export interface AccountLinkMailData {
  audience: 'vendor' | 'reviewer' | 'member';
  purpose: 'enroll' | 'reset' | 'invite' | 'verify';
  /** Whom the mail greets. */
  name: string;
  /** The absolute URL with the token. */
  link: string;
  /** ISO instant after which the link no longer works. */
  expiresAt: string;
}

/** Data of the `accountExists` mail: someone enrolled an address that already has an active account. */
export interface AccountExistsMailData {
  audience: 'vendor' | 'reviewer' | 'member';
  name: string;
  /** The sign-in page of the audience's area. */
  signInLink: string;
  /** The "Forgot password" page of the audience's area (no token: it asks for the address). */
  resetLink: string;
}

/** The mail of a production request (the sandbox portal sends it). */
export interface ProductionRequestMail {
  to: string;
  template: 'productionRequestReceived';
  data: ProductionRequestMailData;
}

/** The mail of accounts: emailed links, and "you already have an account" (the accounts portal sends it). */
export type AccountMail =
  | { to: string; template: 'accountLink'; data: AccountLinkMailData }
  | { to: string; template: 'accountExists'; data: AccountExistsMailData };

/** The mail the portal sends, named by template: the mailer renders the subject, text and HTML. */
export type PortalMail = ProductionRequestMail | AccountMail;

/**
 * The Mailer port as the portal needs it (packages/mail's transports implement it): the sandbox keeps the mail
 * in its outbox, the production server sends it over SMTP. Each facade names the mail it sends (`M`), so a
 * transport only has to render the templates of the facades it is given to.
 */
export interface Mailer<M extends PortalMail = PortalMail> {
  send(message: M): Promise<{ id: string }>;
}
