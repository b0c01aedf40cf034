import { PortalError } from '@plan-api/portal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, csrfOf, PageClient, standaloneAuthorize, startPages } from '../testing/interaction.ts';
import type { PagesHarness } from '../testing/interaction.ts';
import { createInteractionRouter } from './router.ts';

const attempts: { email: string; ip: string }[] = [];
let h: PagesHarness;
beforeAll(async () => {
  h = await startPages({
    signInTitle: 'Sign in with your Acme <Health> member account',
    forgotPasswordUrl: '/account/forgot-password',
    signIn: (email, password, ctx) => {
      attempts.push({ email, ip: ctx.ip });
      if (email === 'ann@member.example' && password === 'right password 42') {
        return Promise.resolve({ accountId: 'pat1' });
      }
      if (email === 'slow@member.example') {
        return Promise.reject(new PortalError('rate_limited', 'Too many sign-ins.', {}, { retryAfterSeconds: 300 }));
      }
      if (email === 'pending@member.example') return Promise.resolve({ error: 'Set your password first.' });
      if (email === 'boom@member.example') return Promise.reject(new Error('db down at /srv/portal.ts:42'));
      return Promise.reject(new PortalError('invalid_credentials', 'Email or password is wrong.'));
    },
  });
});
afterAll(async () => {
  await h.close();
});

async function follow(client: PageClient, res: Response): Promise<{ res: Response; location?: URL }> {
  let current = res;
  for (let i = 0; i < 10; i += 1) {
    const location = current.headers.get('location');
    if (!location) return { res: current };
    const next = new URL(location, h.origin);
    if (next.origin !== h.origin) return { res: current, location: next };
    current = await client.get(next.pathname + next.search);
  }
  throw new Error('too many redirects');
}

async function signInPage(extra: Record<string, string> = {}) {
  const client = new PageClient(h.origin);
  const { path, verifier } = standaloneAuthorize(h.fhirBase, 'launch/patient openid patient/Patient.read', extra);
  const { res } = await follow(client, await client.get(path));
  return { client, res, html: await res.text(), path: new URL(res.url).pathname, verifier };
}

describe('the production sign-in page', () => {
  it('shows Email, Password, "Sign in" and "Forgot password?" under its title, with a CSRF token, no picker', async () => {
    const { res, html } = await signInPage();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<h2>Sign in with your Acme &lt;Health&gt; member account</h2>');
    expect(html).toContain('<label class="field" for="email">Email</label>');
    expect(html).toContain('<label class="field" for="password">Password</label>');
    expect(html).toContain('<input type="password" id="password" name="password"');
    expect(html).toMatch(/<button type="submit" class="primary">Sign in<\/button>/);
    expect(html).toContain('<a href="/account/forgot-password" id="forgot-password">Forgot password?</a>');
    expect(html).toContain('Claims &lt;b&gt;Viewer&lt;/b&gt;');
    expect(html).not.toContain('name="patient"');
    expect(csrfOf(html)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a sign-in without the CSRF token (403), without asking the portal', async () => {
    const { client, path } = await signInPage();
    const before = attempts.length;
    const res = await client.post(`${path}/login`, { email: 'ann@member.example', password: 'right password 42' });
    expect(res.status).toBe(403);
    expect(attempts).toHaveLength(before);
  });

  it('shows the form again with a message for wrong credentials, keeping the email and never the password', async () => {
    const { client, path, html } = await signInPage();
    const res = await client.post(`${path}/login`, {
      csrf: csrfOf(html),
      email: 'ann@member.example',
      password: 'wrong <password>',
    });
    expect(res.status).toBe(401);
    const again = await res.text();
    expect(again).toContain('The email or password is wrong.');
    expect(again).toContain('value="ann@member.example"');
    expect(again).not.toContain('wrong &lt;password&gt;');
    expect(csrfOf(again)).toBe(csrfOf(html));
    // The form still works after an error.
    const retry = await client.post(`${path}/login`, {
      csrf: csrfOf(again),
      email: 'ann@member.example',
      password: 'right password 42',
    });
    expect(retry.status).toBe(303);
  });

  it("says to wait when rate limited (429 with Retry-After), and shows the sign-in function's own error", async () => {
    const limited = await signInPage();
    const res = await limited.client.post(`${limited.path}/login`, {
      csrf: csrfOf(limited.html),
      email: 'slow@member.example',
      password: 'anything at all',
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('300');
    expect(await res.text()).toContain('Too many attempts. Try again in 5 minutes.');
    const pending = await signInPage();
    const answer = await pending.client.post(`${pending.path}/login`, {
      csrf: csrfOf(pending.html),
      email: 'pending@member.example',
      password: 'anything at all',
    });
    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain('Set your password first.');
  });

  it('asks for both fields (400), and answers an unexpected failure with a page that has no stack trace', async () => {
    const { client, path, html } = await signInPage();
    const empty = await client.post(`${path}/login`, { csrf: csrfOf(html), email: '', password: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Enter your email and password.');
    const boom = await client.post(`${path}/login`, {
      csrf: csrfOf(html),
      email: 'boom@member.example',
      password: 'anything at all',
    });
    expect(boom.status).toBe(500);
    const text = await boom.text();
    expect(text).toContain('Something went wrong');
    expect(text).not.toContain('/srv/portal.ts');
  });

  it('signs the member in as the account signIn names, then consent, then a code for that patient', async () => {
    const { client, path, html, verifier } = await signInPage();
    const res = await client.post(`${path}/login`, {
      csrf: csrfOf(html),
      email: 'ann@member.example',
      password: 'right password 42',
    });
    expect(res.status).toBe(303);
    expect(attempts.at(-1)).toEqual({ email: 'ann@member.example', ip: expect.any(String) as string });
    const consent = await follow(client, res);
    const consentHtml = await consent.res.text();
    expect(consentHtml).toContain('name="decision" value="allow"');
    const allowed = await client.post(`${new URL(consent.res.url).pathname}/consent`, {
      csrf: csrfOf(consentHtml),
      decision: 'allow',
      type: ['Patient'],
    });
    const { location } = await follow(client, allowed);
    const token = await fetch(`${h.origin}/auth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: location?.searchParams.get('code') ?? '',
        redirect_uri: APP.redirectUris[0] ?? '',
        client_id: APP.clientId,
        code_verifier: verifier,
      }),
    });
    expect(token.status).toBe(200);
    expect(((await token.json()) as { patient: string }).patient).toBe('pat1');
  });

  it('an EHR launch naming a patient still asks the member to sign in', async () => {
    const launch = h.launch({ clientId: APP.clientId, patientId: 'pat-ehr', skipConsent: false });
    const { html } = await signInPage({ launch, scope: 'launch openid patient/Patient.read' });
    expect(html).toContain('name="password"');
  });
});

describe('createInteractionRouter', () => {
  it('needs listPatients or signIn, one of them', () => {
    expect(() => createInteractionRouter({ auth: h.auth })).toThrow(/listPatients .* or signIn/);
  });
});
