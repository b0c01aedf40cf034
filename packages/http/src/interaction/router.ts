/**
 * The interaction pages of SMART launches, mounted at `/interaction`: `GET /:uid` shows the patient picker or
 * the consent screen (an EHR launch signs in its patient without a page), `POST /:uid/login` and
 * `POST /:uid/consent` take the member's answer. Each step ends in a 303 back into the authorization.
 */
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { AuthServer, InteractionDetails } from '@plan-api/smart';
import { errorStatus } from '../error-status.ts';
import { checkCsrfToken, issueCsrfToken } from './csrf.ts';
import { pageCsp } from '../ui/theme.ts';
import { consentPage, pickerPage, problemPage } from './pages.ts';
import type { PickablePatient } from './pages.ts';

export interface InteractionRouterOptions {
  auth: AuthServer;
  /** The patients a member may pick for this app (the sandbox's synthetic patients). */
  listPatients: (clientId: string) => Promise<PickablePatient[]>;
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

/** The interaction router; mount it at `/interaction` (the AuthServerConfig's interactionUrl points there). */
export function createInteractionRouter(options: InteractionRouterOptions): Router {
  const { auth, listPatients } = options;
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

  const show: RequestHandler = async (req, res) => {
    const details = await current(req, res);
    if (!details) return;
    if (details.prompt === 'login' && details.patientId) {
      // An EHR launch already names the patient: nothing for the member to choose.
      await auth.interactions.login(req, res, details.patientId);
      return;
    }
    const csrf = issueCsrfToken(req, res, details.uid);
    const base = `${req.baseUrl}/${encodeURIComponent(details.uid)}`;
    if (details.prompt === 'login') {
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
    const chosen = (req.body as Record<string, unknown>).patient;
    const patientId = details.patientId ?? (typeof chosen === 'string' ? chosen : '');
    const patients = await listPatients(details.client.clientId);
    if (!details.patientId && !patients.some((patient) => patient.id === patientId)) {
      send(res, 400, problemPage('Unknown patient', 'Choose one of the listed patients.'));
      return;
    }
    await auth.interactions.login(req, res, patientId);
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
      .map((line) => line.scope);
    await auth.interactions.consent(req, res, kept);
  };

  router.get('/:uid', show);
  router.post('/:uid/login', form, login);
  router.post('/:uid/consent', form, consent);
  router.use(pageErrors);
  return router;
}
