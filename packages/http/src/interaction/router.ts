/**
 * The interaction pages of SMART launches, mounted at `/interaction`: `GET /:uid` shows the patient picker or
 * the consent screen (an EHR launch signs in its patient without a page), `POST /:uid/login` and
 * `POST /:uid/consent` take the member's answer. Each step ends in a 303 back into the authorization.
 */
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { PortalError } from '@plan-api/portal';
import type { AuthServer, InteractionDetails } from '@plan-api/smart';
import { clientIp } from '../api/accounts/routes.ts';
import { errorStatus } from '../error-status.ts';
import { checkCsrfToken, issueCsrfToken } from './csrf.ts';
import { pageCsp } from '../ui/theme.ts';
import { consentPage, pickerPage, problemPage, signInPage } from './pages.ts';
import type { PickablePatient, SignInView } from './pages.ts';

/**
 * Signs a member in with email and password (the production realm's member accounts): the account id the
 * authorization server's login takes, or a sentence saying why not. It may also throw the portal's PortalError
 * `invalid_credentials`, `rate_limited` or `validation_failed`: the page shows a message for each.
 */
export type InteractionSignIn = (
  email: string,
  password: string,
  ctx: { ip: string },
) => Promise<{ accountId: string } | { error: string }>;

export interface InteractionRouterOptions {
  auth: AuthServer;
  /** The sandbox: the patients a member may pick for this app (its synthetic patients). */
  listPatients?: (clientId: string) => Promise<PickablePatient[]>;
  /** Production: the member signs in with email and password instead of picking a patient. */
  signIn?: InteractionSignIn;
  /** The sign-in page's heading (default "Sign in with your member account"). */
  signInTitle?: string;
  /** Where "Forgot password?" leads (an absolute URL or a path of this origin); no link without it. */
  forgotPasswordUrl?: string;
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // No form-action: it would also block the redirects back to the app that follow each form.
  'Content-Security-Policy': pageCsp({ formAction: false }),
};

function send(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({ ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' })
    .send(html);
}

const EXPIRED =
  'This sign-in request has expired or was already completed. Go back to the app and start the launch again.';

/** Express error handling for the pages: expired or invalid interactions get a 400 page, never a stack trace. */
function pageErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = errorStatus(error);
  if (status !== undefined && status >= 400 && status < 500) {
    send(res, 400, problemPage('This sign-in cannot continue', EXPIRED));
    return;
  }
  send(res, 500, problemPage('Something went wrong', 'The sign-in failed on the server. Try the launch again.'));
}

/** The page's answer to a portal refusal of a sign-in; undefined for any other failure (a 500 page). */
function signInRefusal(error: unknown): { status: number; message: string; retryAfter?: number } | undefined {
  if (!(error instanceof PortalError)) return undefined;
  const code: string = error.code;
  switch (code) {
    case 'invalid_credentials':
      return { status: 401, message: 'The email or password is wrong.' };
    case 'rate_limited': {
      const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds ?? 60));
      const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
      return { status: 429, message: `Too many attempts. Try again in ${wait}.`, retryAfter: seconds };
    }
    case 'validation_failed':
      return { status: 400, message: 'Enter a valid email address and your password.' };
    default:
      return undefined;
  }
}

/** The interaction router; mount it at `/interaction` (the AuthServerConfig's interactionUrl points there). */
export function createInteractionRouter(options: InteractionRouterOptions): Router {
  const { auth, listPatients, signIn } = options;
  if ((listPatients === undefined) === (signIn === undefined)) {
    throw new Error('createInteractionRouter: give listPatients (the sandbox) or signIn (production), one of them');
  }
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  const current = async (req: Request, res: Response): Promise<InteractionDetails | undefined> => {
    const details = await auth.interactions.details(req, res);
    if (details.uid !== req.params.uid) {
      send(
        res,
        400,
        problemPage('This page is out of date', 'Another sign-in started in this browser since. Use the latest tab.'),
      );
      return undefined;
    }
    return details;
  };

  const signInView = (extra: Partial<SignInView> = {}): SignInView => ({
    title: options.signInTitle ?? 'Sign in with your member account',
    ...(options.forgotPasswordUrl !== undefined ? { forgotPasswordUrl: options.forgotPasswordUrl } : {}),
    ...extra,
  });

  const show: RequestHandler = async (req, res) => {
    const details = await current(req, res);
    if (!details) return;
    if (details.prompt === 'login' && signIn) {
      // Production: the member always signs in (a launch naming a patient signs nobody in by itself).
      const csrf = issueCsrfToken(req, res, details.uid);
      const action = `${req.baseUrl}/${encodeURIComponent(details.uid)}/login`;
      send(res, 200, signInPage(details, csrf, action, signInView()));
      return;
    }
    if (details.prompt === 'login' && details.patientId) {
      // An EHR launch already names the patient: nothing for the member to choose.
      await auth.interactions.login(req, res, details.patientId);
      return;
    }
    const csrf = issueCsrfToken(req, res, details.uid);
    const base = `${req.baseUrl}/${encodeURIComponent(details.uid)}`;
    if (details.prompt === 'login' && listPatients) {
      send(res, 200, pickerPage(details, await listPatients(details.client.clientId), csrf, `${base}/login`));
    } else {
      send(res, 200, consentPage(details, csrf, `${base}/consent`));
    }
  };

  const login: RequestHandler = async (req, res) => {
    if (!checkCsrfToken(req)) {
      send(res, 403, problemPage('Form expired', 'This form is no longer valid. Reload the page and choose again.'));
      return;
    }
    const details = await current(req, res);
    if (!details) return;
    if (signIn) {
      await signInAnswer(req, res, details, signIn);
      return;
    }
    if (!listPatients) return;
    const chosen = (req.body as Record<string, unknown>).patient;
    const patientId = details.patientId ?? (typeof chosen === 'string' ? chosen : '');
    const patients = await listPatients(details.client.clientId);
    if (!details.patientId && !patients.some((patient) => patient.id === patientId)) {
      send(res, 400, problemPage('Unknown patient', 'Choose one of the listed patients.'));
      return;
    }
    await auth.interactions.login(req, res, patientId);
  };

  /** Checks the member's email and password: signs in, or shows the form again with what went wrong. */
  const signInAnswer = async (
    req: Request,
    res: Response,
    details: InteractionDetails,
    check: InteractionSignIn,
  ): Promise<void> => {
    const body = req.body as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.trim().slice(0, 320) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const again = (status: number, error: string) => {
      const csrf = issueCsrfToken(req, res, details.uid);
      const action = `${req.baseUrl}/${encodeURIComponent(details.uid)}/login`;
      send(res, status, signInPage(details, csrf, action, signInView({ error, email })));
    };
    if (email === '' || password === '') {
      again(400, 'Enter your email and password.');
      return;
    }
    let result: Awaited<ReturnType<InteractionSignIn>>;
    try {
      result = await check(email, password, { ip: clientIp(req) });
    } catch (error) {
      const refusal = signInRefusal(error);
      if (!refusal) throw error;
      if (refusal.retryAfter !== undefined) res.set('Retry-After', String(refusal.retryAfter));
      again(refusal.status, refusal.message);
      return;
    }
    if ('error' in result) {
      again(401, result.error);
      return;
    }
    await auth.interactions.login(req, res, result.accountId);
  };

  const consent: RequestHandler = async (req, res) => {
    if (!checkCsrfToken(req)) {
      send(res, 403, problemPage('Form expired', 'This form is no longer valid. Reload the page and answer again.'));
      return;
    }
    const details = await current(req, res);
    if (!details) return;
    const body = req.body as Record<string, unknown>;
    if (body.decision !== 'allow') {
      await auth.interactions.deny(req, res);
      return;
    }
    const ticked = new Set([body.type ?? []].flat().filter((type): type is string => typeof type === 'string'));
    const kept = details.requested
      .filter((line) => line.resourceType === undefined || ticked.has(line.resourceType))
      .flatMap((line) => line.scopes);
    await auth.interactions.consent(req, res, kept);
  };

  router.get('/:uid', show);
  router.post('/:uid/login', form, login);
  router.post('/:uid/consent', form, consent);
  router.use(pageErrors);
  return router;
}
