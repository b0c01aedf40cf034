import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rewriteTerminologyLocation, TERMINOLOGY_URL_GLOBAL, terminologyLocationPlugin } from './terminology.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const SOURCE_FILE = join(ROOT, 'packages', 'synthetic', 'src', 'terminology.ts');
const SOURCE = readFileSync(SOURCE_FILE, 'utf8');

describe('rewriteTerminologyLocation', () => {
  it('finds the location expression in packages/synthetic as it is today and reads the global instead', () => {
    const rewritten = rewriteTerminologyLocation(SOURCE);
    expect(rewritten).toContain(`new URL(globalThis.${TERMINOLOGY_URL_GLOBAL})`);
    expect(rewritten).not.toContain('import.meta.url');
    expect(rewritten.split('\n').length).toBe(SOURCE.split('\n').length);
  });

  it('also matches the expression after the TypeScript transform changed its quotes', () => {
    const code = 'return fileURLToPath(new URL("../../../resources/terminology/", import.meta.url));';
    expect(rewriteTerminologyLocation(code)).toBe(
      `return fileURLToPath(new URL(globalThis.${TERMINOLOGY_URL_GLOBAL}));`,
    );
  });

  it('fails the build when the expression is gone or repeated', () => {
    expect(() => rewriteTerminologyLocation('export const dir = "elsewhere";')).toThrow(/found 0/);
    const twice = "new URL('../../../resources/terminology/', import.meta.url);\n".repeat(2);
    expect(() => rewriteTerminologyLocation(twice)).toThrow(/found 2/);
  });

  it('yields code that resolves the folder the server entry sets', () => {
    const expression = rewriteTerminologyLocation("new URL('../../../resources/terminology/', import.meta.url)");
    const dir = join(ROOT, 'resources', 'terminology');
    const url = new Function('globalThis', `return ${expression};`)({
      [TERMINOLOGY_URL_GLOBAL]: `${pathToFileURL(dir).href}/`,
    }) as URL;
    expect(fileURLToPath(url)).toBe(`${dir}/`);
  });
});

describe('terminologyLocationPlugin', () => {
  it('rewrites only packages/synthetic/src/terminology.ts', () => {
    const plugin = terminologyLocationPlugin({ required: true });
    plugin.buildStart();
    expect(plugin.transform(SOURCE, '/repo/packages/other/src/terminology.ts')).toBeUndefined();
    expect(plugin.transform(SOURCE, SOURCE_FILE)?.code).toContain(TERMINOLOGY_URL_GLOBAL);
    expect(() => plugin.buildEnd()).not.toThrow();
  });

  it('fails a build that never bundled the terminology module', () => {
    const plugin = terminologyLocationPlugin({ required: true });
    plugin.buildStart();
    expect(() => plugin.buildEnd()).toThrow('was not bundled');
    expect(() => plugin.buildEnd(new Error('another error first'))).not.toThrow();
  });
});
