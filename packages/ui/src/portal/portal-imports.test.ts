// Members download only the member portal's code: the portal entry must not reach the developer sandbox's app,
// pages, API client or forms through any chain of imports (shared React/Mantine chunks are fine).
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

describe('the member portal entry', () => {
  it('reaches only its own code, the runtime config, the theme and the brand mark', () => {
    const files = reachable(ENTRY);
    expect(files.filter((file) => !file.startsWith('portal/'))).toEqual([
      'components/Brand.module.css',
      'components/Brand.tsx',
      'config.ts',
      'theme.ts',
    ]);
  });

  it('never reaches the developer sandbox (app, pages, API client, forms)', () => {
    const forbidden = /^(App|LocalApp|routes)\.tsx$|^(api|pages|hosted|forms)\//;
    expect(reachable(ENTRY).filter((file) => forbidden.test(file))).toEqual([]);
  });
});
