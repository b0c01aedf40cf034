/**
 * CSRF protection of the interaction forms: a random token per interaction, kept in an HttpOnly SameSite=Strict
 * cookie scoped to that interaction's path and repeated in each form; a POST must carry both, equal.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

const COOKIE = 'interaction_csrf';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function cookieToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) {
      const value = rest.join('=');
      return TOKEN.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function interactionPath(req: Request, uid: string): string {
  return `${req.baseUrl}/${encodeURIComponent(uid)}`;
}

/** The interaction's token (reused when the page is reloaded), set as a cookie on the response. */
export function issueCsrfToken(req: Request, res: Response, uid: string): string {
  const token = cookieToken(req) ?? randomBytes(32).toString('base64url');
  const secure = req.secure ? '; Secure' : '';
  res.append('Set-Cookie', `${COOKIE}=${token}; Path=${interactionPath(req, uid)}; HttpOnly; SameSite=Strict${secure}`);
  return token;
}

/** Whether a form POST carries the token of its interaction's cookie. */
export function checkCsrfToken(req: Request): boolean {
  const expected = cookieToken(req);
  const body = req.body as Record<string, unknown> | undefined;
  const sent = typeof body?.csrf === 'string' ? body.csrf : '';
  if (!expected || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
