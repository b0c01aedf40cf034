// Members download only the member portal's code: the portal entry must not reach the developer sandbox's app,
// its pages or its API through any chain of imports. It shares the account pages (sign-in, passwords), the API's
// plumbing, the components, forms and FHIR summaries, and My Data's parts (shared React/Mantine chunks are fine).
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = resolve(SRC, 'portal/main.tsx');

/** The relative imports of a source file (static, dynamic and re-exports), resolved to files. */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (match) => match[1] ?? '',
  );
  return specifiers.map((specifier) => resolve(dirname(file), specifier));
}

/** Every source file the entry reaches, as paths relative to src/. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    if (/\.(tsx?)$/.test(file)) queue.push(...localImports(file));
  }
  return [...seen].map((file) => relative(SRC, file).replaceAll('\\', '/')).sort();
}

/**
 * What the portal shares with the sandbox's pages: the API's plumbing, the session area's frame, the account pages
 * and My Data's parts.
 */
const SHARED = [
  'api/client.ts',
  'api/keys.ts',
  'api/member.ts',
  'api/session.ts',
  'api/types.ts',
  'hosted/RequireSession.tsx',
  'hosted/SessionApp.tsx',
  'pages/auth/AuthCard.tsx',
  'pages/auth/CheckEmail.tsx',
  'pages/auth/ForgotPasswordPage.tsx',
  'pages/auth/SetPasswordPage.tsx',
  'pages/auth/SignInPage.tsx',
  'pages/auth/account-area.ts',
  'pages/auth/auth-model.ts',
  'pages/auth/link-token.ts',
  'pages/auth/next-path.ts',
  'pages/patients/RecordBrowser.tsx',
  'pages/patients/RecordGroupPanel.tsx',
  'pages/patients/RecordItemDetails.tsx',
  'pages/patients/TypeNav.tsx',
];

describe('the member portal entry', () => {
  it('reaches, of the api, hosted and pages folders, only the shared account and record parts', () => {
    const files = reachable(ENTRY).filter((file) => /^(api|hosted|pages)\//.test(file));
    expect(files).toEqual(SHARED);
  });

  it('reaches otherwise only its own code, shared components, forms, FHIR summaries, config and theme', () => {
    const other = reachable(ENTRY).filter((file) => !/^(api|hosted|pages|portal|components|forms|fhir)\//.test(file));
    expect(other).toEqual(['config-context.ts', 'config.ts', 'query-client.ts', 'theme.ts']);
  });

  it('never reaches the developer sandbox (app, routes, its pages, its API, the review area)', () => {
    const forbidden =
      /^(App|LocalApp|routes)\.tsx$|^api\/(index|apps|patients|launches|outbox|production|review|vendor)\.ts$|^hosted\/(HostedApp|VendorAccountArea|PublicLayout)\.tsx$|^pages\/(apps|launches|outbox|account|production|settings)\/|^pages\/patients\/(MyDataPage|PatientsPage|PatientCard|DeletePatientModal|InitializePatientModal)|^pages\/auth\/Enroll|^review\//;
    expect(reachable(ENTRY).filter((file) => forbidden.test(file))).toEqual([]);
  });
});
