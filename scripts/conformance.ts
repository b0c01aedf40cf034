/**
 * `pnpm conformance <base-url> [realm...]`: runs the public, unauthenticated certification checks
 * (apps/server/src/testing/conformance/public.conformance.ts) against a deployed Plan API server. `realm` is the
 * path of a SMART realm's FHIR base under the base URL (default: `fhir` and `sandbox/fhir`, the production server's
 * two realms; the headless sandbox has only `fhir`). `--directory PATH` sets the Provider Directory's (default
 * `directory/fhir`). A self-signed certificate is trusted with NODE_EXTRA_CA_CERTS=cert.pem. Exits 0 when every
 * check passes, 1 when one fails, 2 on bad arguments.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE =
  'Usage: pnpm conformance <base-url> [realm...] [--directory PATH]\n  e.g. pnpm conformance https://plan.example.org fhir sandbox/fhir';

function parse(argv: string[]): { base: string; realms: string[]; directory: string } | string {
  const positional: string[] = [];
  let directory = 'directory/fhir';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--directory') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) return '--directory needs a path, e.g. directory/fhir';
      directory = value;
    } else if (arg === '-h' || arg === '--help') return '';
    else if (arg.startsWith('-')) return `Unknown option ${arg}`;
    else positional.push(arg);
  }
  const [base, ...realms] = positional;
  if (base === undefined) return 'The base URL of the server is missing';
  if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol)) {
    return `The base URL must be an http or https URL such as https://plan.example.org; got "${base.slice(0, 80)}"`;
  }
  return { base, realms: realms.length > 0 ? realms : ['fhir', 'sandbox/fhir'], directory };
}

const parsed = parse(process.argv.slice(2));
if (typeof parsed === 'string') {
  if (parsed !== '') console.error(`pnpm conformance: ${parsed}.\n`);
  console.error(USAGE);
  process.exit(parsed === '' ? 0 : 2);
}
const child = spawn(
  join(ROOT, 'node_modules', '.bin', 'vitest'),
  ['run', '--config', join(ROOT, 'apps/server/src/testing/conformance/vitest.config.ts')],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      PLAN_API_CONFORMANCE_URL: parsed.base,
      PLAN_API_CONFORMANCE_REALMS: parsed.realms.join(','),
      PLAN_API_CONFORMANCE_DIRECTORY: parsed.directory,
    },
  },
);
child.once('exit', (code) => process.exit(code ?? 1));
