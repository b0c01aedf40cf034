/**
 * The layering of DESIGN.md, checked over the shipped source of every workspace package (tests, `src/testing`
 * and `src/e2e` are test support and may reach further):
 *
 *   apps -> {sandbox, http} -> {smart, portal, synthetic, mail} -> store(-postgres) -> fhir
 *
 * - a package imports only the workspace packages its layer allows (and never an app);
 * - the web UI imports only types (and constants) from other packages;
 * - each guarded third-party library is imported by its owner package only.
 *
 * Prints every violation with its file and exits 1 when there is one (`pnpm test` runs it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Workspace packages each package may import at run time (apps may import any package, no app). */
const ALLOWED: Record<string, readonly string[]> = {
  fhir: [],
  store: ['fhir'],
  'store-postgres': ['store', 'fhir'],
  synthetic: ['fhir'],
  mail: ['store', 'fhir'],
  smart: ['store', 'fhir'],
  // The portal hands its sources to the authorization server: it may name smart's port types (type-only).
  portal: ['store', 'fhir', 'smart'],
  http: ['smart', 'portal', 'synthetic', 'mail', 'store', 'fhir'],
  sandbox: ['http', 'smart', 'portal', 'synthetic', 'mail', 'store', 'store-postgres', 'fhir'],
  ui: ['portal'],
};

/** Imports of these workspace packages must be type-only from these packages. */
const TYPE_ONLY: Record<string, readonly string[]> = { portal: ['smart'], ui: ['portal'] };

/** Third-party libraries with one owner (DESIGN.md "Layout"); anyone else importing them is a violation. */
const OWNERS: Record<string, string> = {
  'oidc-provider': 'packages/smart',
  nodemailer: 'packages/mail',
  lowdb: 'packages/store',
  pg: 'packages/store-postgres',
  electron: 'apps/desktop',
  express: 'packages/http',
};

const TEST_CODE = /(\.test\.tsx?$)|([\\/]src[\\/](testing|e2e)[\\/])/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'out') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name) && !TEST_CODE.test(path)) out.push(path);
  }
  return out;
}

/** Every `import ... from 'x'` / `export ... from 'x'` / `import('x')` of a file, with whether it is type-only. */
function importsOf(code: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: m[3]!, typeOnly: m[2] !== undefined });
  }
  for (const m of code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push({ specifier: m[1]!, typeOnly: false });
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: m[1]!, typeOnly: false });
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const violations: string[] = [];
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(join(ROOT, group))) {
    const dir = join(ROOT, group, name, 'src');
    let files: string[];
    try {
      files = sourceFiles(dir);
    } catch {
      continue;
    }
    const self = `${group}/${name}`;
    for (const file of files) {
      const where = relative(ROOT, file);
      for (const { specifier, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        const pkg = packageName(specifier);
        if (pkg.startsWith('@plan-api/')) {
          const target = pkg.slice('@plan-api/'.length);
          if (group === 'apps') continue;
          const allowed = ALLOWED[name];
          if (allowed === undefined)
            violations.push(`${where}: packages/${name} has no layer in scripts/check-layers.ts`);
          else if (!allowed.includes(target))
            violations.push(`${where}: packages/${name} may not import @plan-api/${target} (layering)`);
          else if (TYPE_ONLY[name]?.includes(target) && !typeOnly)
            violations.push(`${where}: packages/${name} may import only types from @plan-api/${target}`);
          continue;
        }
        const owner = OWNERS[pkg];
        if (owner !== undefined && owner !== self) violations.push(`${where}: only ${owner} imports ${pkg}`);
      }
    }
  }
}

if (violations.length > 0) {
  console.error(`Layering violations (DESIGN.md "Layout and dependency direction"):\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log('Layering holds: apps -> {sandbox, http} -> {smart, portal, synthetic, mail} -> store -> fhir.');
