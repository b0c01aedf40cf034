import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, csrfOf, PageClient, standaloneAuthorize, startPages } from '../testing/interaction.ts';
import type { PagesHarness } from '../testing/interaction.ts';

let h: PagesHarness;
beforeAll(async () => {
  h = await startPages();
});
afterAll(async () => {
  await h.close();
});

/** Follows same-origin redirects until a page answers or the browser is sent back to the app. */
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

async function pickerFor(scope: string) {
  const client = new PageClient(h.origin);
  const { path, verifier } = standaloneAuthorize(h.fhirBase, scope);
  const { res } = await follow(client, await client.get(path));
  const url = new URL(res.url);
  return { client, res, html: await res.text(), path: url.pathname, verifier };
}

async function consentFor(scope: string) {
  const picker = await pickerFor(scope);
  const answer = await picker.client.post(`${picker.path}/login`, { csrf: csrfOf(picker.html), patient: 'pat1' });
  expect(answer.status).toBe(303);
  const { res } = await follow(picker.client, answer);
  return {
    client: picker.client,
    res,
    html: await res.text(),
    path: new URL(res.url).pathname,
    verifier: picker.verifier,
  };
}

describe('patient picker', () => {
  it("lists the sandbox's patients by name, escaped, in a form with a CSRF token", async () => {
    const { res, html } = await pickerFor('launch/patient openid patient/Patient.read');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(html).toContain('>Ann Smith</button>');
    expect(html).toContain('born 1970-02-03');
    expect(html).toContain('Bob &lt;Jones&gt;');
    expect(html).not.toContain('<Jones>');
    expect(csrfOf(html)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a POST without the CSRF token, or with another one', async () => {
    const { client, path } = await pickerFor('launch/patient openid patient/Patient.read');
    expect((await client.post(`${path}/login`, { patient: 'pat1' })).status).toBe(403);
    const forged = 'A'.repeat(43);
    expect((await client.post(`${path}/login`, { patient: 'pat1', csrf: forged })).status).toBe(403);
  });

  it('refuses a patient that is not listed', async () => {
    const { client, path, html } = await pickerFor('launch/patient openid patient/Patient.read');
    const res = await client.post(`${path}/login`, { patient: 'someone-else', csrf: csrfOf(html) });
    expect(res.status).toBe(400);
  });

  it('an unknown or expired interaction gets a page saying to start again', async () => {
    const res = await new PageClient(h.origin).get('/interaction/not-a-real-uid');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('start the launch again');
  });
});

describe('consent screen', () => {
  it("shows the app's logo, name, organization, policies, each permission and the offline notice", async () => {
    const { res, html } = await consentFor('launch/patient openid offline_access patient/*.read');
    expect(res.status).toBe(200);
    expect(html).toContain('<img class="logo" src="https://apps.example/logo.png"');
    expect(html).toContain('Claims &lt;b&gt;Viewer&lt;/b&gt;');
    expect(html).toContain('by Acme &amp; Sons');
    expect(html).toContain('<a href="https://apps.example/privacy"');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('See your name, birth date and contact details');
    expect(html).toContain('See your lab results, vital signs and other observations');
    for (const type of ['Patient', 'Observation', 'Coverage']) {
      expect(html).toContain(`name="type" value="${type}" checked`);
    }
    expect(html).toContain('id="offline-access"');
    expect(html).toMatch(/<button type="submit" name="decision" value="allow">Allow<\/button>/);
    expect(html).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/);
  });

  it('never repeats a near-identical bullet: one line per type, context scopes described once', async () => {
    const { html } = await consentFor(
      'launch/patient openid fhirUser profile offline_access patient/Observation.read patient/Observation.rs patient/*.read',
    );
    const bullets = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) =>
      (match[1] ?? '').replace(/<[^>]+>/g, '').trim(),
    );
    expect(new Set(bullets).size).toBe(bullets.length);
    expect(html.match(/lab results, vital signs and other observations/g)).toHaveLength(1);
    expect(html.match(/name="type" value="Observation"/g)).toHaveLength(1);
    expect(html.match(/member record/g)).toHaveLength(1);
    // The offline notice says it; no bullet repeats it.
    expect(html.match(/not using (the app|it)/g)).toHaveLength(1);
    expect(html).not.toContain('patient/*');
  });

  it('no offline notice when offline access is not asked', async () => {
    const { html } = await consentFor('launch/patient openid patient/Patient.read');
    expect(html).not.toContain('id="offline-access"');
  });

  it('unticked resource types are left out of the granted scope (303 after each form)', async () => {
    const { client, html, path, verifier } = await consentFor('launch/patient openid patient/*.read');
    const answer = await client.post(`${path}/consent`, {
      csrf: csrfOf(html),
      decision: 'allow',
      type: ['Patient', 'Coverage'],
    });
    expect(answer.status).toBe(303);
    const { location } = await follow(client, answer);
    expect(location?.searchParams.get('state')).toBe('state-123');
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
    const body = (await token.json()) as { scope: string; patient: string };
    expect(body.patient).toBe('pat1');
    expect(body.scope.split(' ').sort()).toEqual(
      ['launch/patient', 'openid', 'patient/Coverage.read', 'patient/Patient.read'].sort(),
    );
  });

  it('Deny sends the app access_denied with its state', async () => {
    const { client, html, path } = await consentFor('launch/patient openid patient/Patient.read');
    const answer = await client.post(`${path}/consent`, { csrf: csrfOf(html), decision: 'deny' });
    expect(answer.status).toBe(303);
    const { location } = await follow(client, answer);
    expect(location?.searchParams.get('error')).toBe('access_denied');
    expect(location?.searchParams.get('state')).toBe('state-123');
    expect(location?.searchParams.get('code')).toBeNull();
  });
});

describe('EHR launch', () => {
  it('signs in the patient of the launch without a picker and goes straight to consent', async () => {
    const launch = h.launch({ clientId: APP.clientId, patientId: 'pat-ehr', skipConsent: false });
    const client = new PageClient(h.origin);
    const { path } = standaloneAuthorize(h.fhirBase, 'launch openid patient/Patient.read', { launch });
    const { res } = await follow(client, await client.get(path));
    const html = await res.text();
    expect(html).toContain('name="decision" value="allow"');
    expect(html).not.toContain('name="patient"');
  });
});
