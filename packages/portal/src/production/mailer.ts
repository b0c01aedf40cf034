/** Data of the "production request received" mail (the mail package's template of that name renders it). */
export interface ProductionRequestMailData {
  appName: string;
  clientId: string;
  contactEmail: string;
  /** ISO instant of the request. */
  requestedAt: string;
  notes?: string;
}

/** The mail the portal sends, named by template: the mailer renders the subject, text and HTML. */
export interface PortalMail {
  to: string;
  template: 'productionRequestReceived';
  data: ProductionRequestMailData;
}

/**
 * The Mailer port as the portal needs it (packages/mail's transports implement it): the sandbox keeps the mail
 * in its outbox, the production server sends it over SMTP.
 */
export interface Mailer {
  send(message: PortalMail): Promise<{ id: string }>;
}
