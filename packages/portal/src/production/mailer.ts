/** Data of the "production request received" mail (the mail package's template of that name renders it). */
export interface ProductionRequestMailData {
  appName: string;
  clientId: string;
  contactEmail: string;
  /** ISO instant of the request. */
  requestedAt: string;
  notes?: string;
  /** The version of the request this mail confirms. */
  version?: number;
  /** `update` when a version of the app is already published. */
  kind?: 'new' | 'update';
}

/** Data of the `productionDecision` mail: a reviewer approved or rejected a request (a rejection has the reason). */
export interface ProductionDecisionMailData {
  appName: string;
  clientId: string;
  decision: 'approved' | 'rejected';
  /** Required for a rejection: what to change. */
  reason?: string;
  /** The version of the request that was decided. */
  version: number;
  /** ISO instant of the decision. */
  decidedAt: string;
  /** The app's page in the developer area (absolute http(s) URL). */
  appLink: string;
}

/** Data of the `productionSuspension` mail: a reviewer suspended or reinstated a published app. */
export interface ProductionSuspensionMailData {
  appName: string;
  clientId: string;
  action: 'suspended' | 'reinstated';
  reason?: string;
  /** ISO instant of the action. */
  at: string;
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

/** Data of the `memberNotFound` mail: a member registration whose member ID and date of birth match no member. */
export interface MemberNotFoundMailData {
  /** The member portal's registration page (no token), to try again. */
  registerLink: string;
}

/** The mail of a production request (the sandbox portal sends it). */
export interface ProductionRequestMail {
  to: string;
  template: 'productionRequestReceived';
  data: ProductionRequestMailData;
}

/** The mail of the review portal: decisions on requests, suspensions of published apps (to the enrolled address). */
export type ReviewMail =
  | { to: string; template: 'productionDecision'; data: ProductionDecisionMailData }
  | { to: string; template: 'productionSuspension'; data: ProductionSuspensionMailData };

/**
 * The mail of accounts: emailed links, "you already have an account", and "we could not find a member" (member
 * registration); the accounts portal sends it.
 */
export type AccountMail =
  | { to: string; template: 'accountLink'; data: AccountLinkMailData }
  | { to: string; template: 'accountExists'; data: AccountExistsMailData }
  | { to: string; template: 'memberNotFound'; data: MemberNotFoundMailData };

/** The mail the portal sends, named by template: the mailer renders the subject, text and HTML. */
export type PortalMail = ProductionRequestMail | ReviewMail | AccountMail;

/**
 * The Mailer port as the portal needs it (packages/mail's transports implement it): the sandbox keeps the mail
 * in its outbox, the production server sends it over SMTP. Each facade names the mail it sends (`M`), so a
 * transport only has to render the templates of the facades it is given to.
 */
export interface Mailer<M extends PortalMail = PortalMail> {
  send(message: M): Promise<{ id: string }>;
}
