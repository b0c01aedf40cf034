import type { TestSmtpServer } from '@plan-api/mail/testing';
import { ManagementClient } from '@plan-api/sandbox/testing';
import type { E2eSandbox, SmartConfiguration } from '@plan-api/sandbox/testing';

/** A vendor enrolled through the JSON API, as a vendor's script would do it. */
export interface TestVendor {
  email: string;
  accountId: string;
  /** The session cookie (`name=value`) of the browser that set the password. */
  cookie: string;
  /** An API key made on the account (what CI uses). */
  apiKey: string;
  /** The hosted sandbox as the e2e helpers of @plan-api/sandbox/testing drive it, with this vendor's API key. */
  sandbox: E2eSandbox;
}

const JSON_HEADERS = { 'content-type': 'application/json', 'x-requested-with': 'fetch' };

/** The password test vendors set (long, and without any test email's local part). */
export const TEST_PASSWORD = 'velvet thunder over quiet harbors 42';

/** The token of the newest set-password link mailed to `email`. */
export async function linkTokenFor(smtp: TestSmtpServer, email: string, after = 0): Promise<string> {
  const mail = await smtp.waitForMessage((m) => m.to.includes(email) && smtp.messages.indexOf(m) >= after, 15_000);
  const link = mail.links.find((l) => l.includes('#token='));
  if (link === undefined) throw new Error(`no set-password link in the mail to ${email}: ${mail.text}`);
  return decodeURIComponent(link.slice(link.indexOf('#token=') + '#token='.length));
}

/** The hosted sandbox's discovery and a management client with this API key. */
export async function hostedSandbox(url: string, apiKey: string): Promise<E2eSandbox> {
  const fhirBase = `${url}/sandbox/fhir`;
  const smart = (await (await fetch(`${fhirBase}/.well-known/smart-configuration`)).json()) as SmartConfiguration;
  return {
    origin: url,
    fhirBase,
    api: new ManagementClient(url, apiKey),
    managementToken: apiKey,
    smart,
    stop: () => Promise.resolve(),
  };
}

/** Enrolls a vendor through the JSON API, follows the mailed link, sets the password and makes an API key. */
export async function enrollVendor(
  url: string,
  smtp: TestSmtpServer,
  email: string,
  name: string,
): Promise<TestVendor> {
  const mailsBefore = smtp.messages.length;
  const enrolled = await fetch(`${url}/api/vendor-enrollments`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({
      name,
      email,
      organizationName: `${name} Apps`,
      organizationUrl: 'https://vendor.example',
      phone: '+1 555 0100',
      acceptTerms: true,
    }),
  });
  if (enrolled.status !== 202) throw new Error(`enrollment answered ${enrolled.status}: ${await enrolled.text()}`);
  const token = await linkTokenFor(smtp, email, mailsBefore);
  const completed = await fetch(`${url}/api/password-links`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ token, password: TEST_PASSWORD }),
  });
  if (completed.status !== 200)
    throw new Error(`password link answered ${completed.status}: ${await completed.text()}`);
  const cookie = (completed.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { account } = (await completed.json()) as { account: { id: string } };
  const keyRes = await fetch(`${url}/api/vendor/api-keys`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, cookie },
    body: JSON.stringify({ name: 'CI' }),
  });
  if (keyRes.status !== 201) throw new Error(`API key answered ${keyRes.status}: ${await keyRes.text()}`);
  const { key } = (await keyRes.json()) as { key: string };
  return { email, accountId: account.id, cookie, apiKey: key, sandbox: await hostedSandbox(url, key) };
}
