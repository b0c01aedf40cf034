// The mail of the review portal. The same shapes join packages/portal/src/production/mailer.ts (and the mail
// package's templates) on the vendor side of issue 11; once both are merged, these types are the same as those
// and the integrator keeps one copy (ReviewMailer then becomes `Mailer<ReviewMail>`).

/** Data of the `productionDecision` mail: a reviewer approved or rejected a production request. */
export interface ProductionDecisionMailData {
  appName: string;
  clientId: string;
  decision: 'approved' | 'rejected';
  /** The reviewer's reason (always present on a rejection). */
  reason?: string;
  /** The version of the request that was decided. */
  version: number;
  /** ISO instant of the decision. */
  decidedAt: string;
  /** The app's page in the vendor's area (/developer). */
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

/** The mail the review portal sends, named by template: the mailer renders the subject, text and HTML. */
export type ReviewMail =
  | { to: string; template: 'productionDecision'; data: ProductionDecisionMailData }
  | { to: string; template: 'productionSuspension'; data: ProductionSuspensionMailData };

/** The Mailer port as the review portal needs it (structurally the portal's `Mailer<ReviewMail>`). */
export interface ReviewMailer {
  send(message: ReviewMail): Promise<{ id: string }>;
}
