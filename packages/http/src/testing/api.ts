/**
 * Test support for the JSON API with several kinds of account: the real accounts portal (memory store, kept
 * mail, cheap scrypt), one session cookie per kind, vendor and reviewer routes in one createApi on a free port.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createAccountsPortal } from '@plan-api/portal';
import type { AccountKind, AccountsPortal, PortalMail } from '@plan-api/portal';
import { keepingMailer, memoryRateCounter } from '@plan-api/portal/testing';
import { createMemoryKeyValueStore, createMemoryRecordStore } from '@plan-api/store';
import { accountRouteSet } from '../api/accounts/index.ts';
import type { AccountsApi } from '../api/accounts/port.ts';
import { memberRouteSet } from '../api/members/index.ts';
import type { MemberApi } from '../api/members/port.ts';
import { SANDBOX_API } from '../api/openapi.ts';
import type { ManagementPortal } from '../api/ports.ts';
import type { ProductionRequestsPortal } from '../api/production/port.ts';
import { reviewRouteSet } from '../api/review/index.ts';
import type { ReviewApi } from '../api/review/port.ts';
import { createApi, managementRouteSet, productionRequestRouteSet } from '../api/router.ts';
import type { ApiRouteSet } from '../api/router.ts';
import { accountAuth } from '../session/account-auth.ts';
import { createSessions } from '../session/sessions.ts';
import type { Sessions } from '../session/sessions.ts';

/** A password the accounts portal accepts. */
export const TEST_PASSWORD = 'blue harbor lantern 42';

export interface KindsApiHarness {
  /** `http://127.0.0.1:<port>/api`. */
  base: string;
  accounts: AccountsPortal;
  sent: PortalMail[];
  sessions: Record<'vendor' | 'reviewer' | 'member', Sessions>;
  /** The token of the newest account link mailed to an address. */
  tokenFor(email: string): string;
  /** Enrolls a vendor and completes the link through the API: the vendor's session cookie. */
  signedInVendor(email: string): Promise<string>;
  /** Invites a reviewer and completes the link through the API: the reviewer's session cookie. */
  signedInReviewer(email: string): Promise<string>;
  /** Invites a member bound to a Patient and completes the link through the API: the member's session cookie. */
  signedInMember(email: string, patientId: string): Promise<string>;
  /** An API key of a signed-in vendor. */
  apiKey(vendorCookie: string): Promise<string>;
  close(): Promise<void>;
}

export interface KindsApiOptions {
  portal?: Partial<ManagementPortal>;
  production?: ProductionRequestsPortal;
  review?: ReviewApi;
  /** The member routes (gallery, connected apps, access history, My Data). */
  members?: MemberApi;
  /** Member self-registration in place of the accounts portal's own (null: none at all). */
  registerMember?: AccountsApi['registerMember'] | null;
}

/** The `name=value` of a Set-Cookie header, to send back as a Cookie. */
export function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

/**
 * Starts the API: vendor accounts at the root, reviewer accounts at /review, member accounts at /account,
 * management, production, review, members.
 */
export async function startKindsApi(options: KindsApiOptions = {}): Promise<KindsApiHarness> {
  const app = express();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = `${origin}/api`;
  const mailer = keepingMailer();
  const accounts = createAccountsPortal({
    records: createMemoryRecordStore(),
    mailer,
    counters: memoryRateCounter({ now: () => new Date() }),
    links: (kind, purpose, token) => `${origin}/${kind}/${purpose}#token=${encodeURIComponent(token)}`,
    pages: (kind, page) => `${origin}/${kind}/${page}`,
    passwordHashing: { N: 1024, r: 8, p: 1 },
  });
  const kv = createMemoryKeyValueStore();
  const sessionsOf = (kind: AccountKind) =>
    createSessions({ kv, secret: `${kind}-test-secret`, secure: false, name: `plan_api_${kind}` });
  const sessions = { vendor: sessionsOf('vendor'), reviewer: sessionsOf('reviewer'), member: sessionsOf('member') };
  const accountsApi: AccountsApi = { ...accounts };
  if (options.registerMember === null) delete accountsApi.registerMember;
  else if (options.registerMember !== undefined) accountsApi.registerMember = options.registerMember;
  const sets: ApiRouteSet[] = [
    accountRouteSet({ accounts, sessions: sessions.vendor, kind: 'vendor', publicOrigin: origin }),
    accountRouteSet({
      accounts,
      sessions: sessions.reviewer,
      kind: 'reviewer',
      publicOrigin: origin,
      prefix: '/review',
    }),
    accountRouteSet({ accounts: accountsApi, sessions: sessions.member, kind: 'member', publicOrigin: origin }),
    managementRouteSet(options.portal as ManagementPortal),
  ];
  if (options.production) sets.push(productionRequestRouteSet(options.production));
  if (options.review) sets.push(reviewRouteSet(options.review));
  if (options.members) sets.push(memberRouteSet(options.members));
  const auth = (kind: 'vendor' | 'reviewer' | 'member') =>
    accountAuth({
      sessions: sessions[kind],
      accounts,
      publicOrigin: origin,
      signInHint: `Sign in as a ${kind}.`,
      kind,
    });
  app.use(
    '/api',
    createApi({
      sets,
      authenticate: { vendor: auth('vendor'), reviewer: auth('reviewer'), member: auth('member') },
      serverUrl: base,
      description: SANDBOX_API,
      logger: { error: (message, details) => console.error(message, details) },
    }),
  );

  const tokenFor = (email: string): string => {
    const mail = mailer.sent.filter((m) => m.template === 'accountLink' && m.to === email).at(-1);
    if (mail?.template !== 'accountLink') throw new Error(`no link was mailed to ${email}`);
    return decodeURIComponent(new URL(mail.data.link).hash.replace(/^#token=/, ''));
  };
  const completeLink = async (path: string, email: string): Promise<string> => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'test' },
      body: JSON.stringify({ token: tokenFor(email), password: TEST_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return cookieOf(res);
  };
  return {
    base,
    accounts,
    sent: mailer.sent,
    sessions,
    tokenFor,
    async signedInVendor(email) {
      await accounts.enrollVendor(
        {
          name: 'Ada Vendor',
          email,
          organizationName: 'Wallet Inc.',
          organizationUrl: 'https://wallet.example',
          phone: '+1 555 010 0100',
          acceptTerms: true,
        },
        { ip: '203.0.113.7' },
      );
      return completeLink('/password-links', email);
    },
    async signedInReviewer(email) {
      await accounts.inviteAccount('reviewer', { name: 'Rae Viewer', email });
      return completeLink('/review/password-links', email);
    },
    async signedInMember(email, patientId) {
      await accounts.inviteAccount('member', { name: 'Mia Member', email, patientId });
      return completeLink('/account/password-links', email);
    },
    async apiKey(vendorCookie) {
      const res = await fetch(`${base}/vendor/api-keys`, {
        method: 'POST',
        headers: { cookie: vendorCookie, 'x-requested-with': 'test', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'ci' }),
      });
      const body = (await res.json()) as { key: string };
      return body.key;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
