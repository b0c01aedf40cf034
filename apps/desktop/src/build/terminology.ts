/**
 * packages/synthetic finds resources/terminology relative to its own source file (three folders up from
 * `import.meta.url`, then resources/terminology). Bundled into the desktop's server entry, that
 * file no longer exists: `import.meta.url` is the bundle's, which sits elsewhere in the repository during
 * development and inside app.asar once packaged, where the terminology is an extra resource beside it. So the
 * desktop build rewrites that one expression to read the folder the main process chose (paths.ts), set by the
 * server entry before the sandbox starts. The build fails when the expression is not found, so a change in
 * packages/synthetic cannot silently ship a desktop app without terminology.
 */

/** The global the server entry sets (a `file:` URL ending in `/`) before anything reads the terminology. */
export const TERMINOLOGY_URL_GLOBAL = '__planApiTerminologyUrl';

/** The module whose default location is rewritten. */
export const TERMINOLOGY_MODULE = /[\\/]packages[\\/]synthetic[\\/]src[\\/]terminology\.ts$/;

const LOCATION = /new URL\(\s*(['"`])\.\.\/\.\.\/\.\.\/resources\/terminology\/\1\s*,\s*import\.meta\.url\s*\)/g;

/**
 * The terminology module's code with its default location read from {@link TERMINOLOGY_URL_GLOBAL} instead
 * (`new URL(undefined)` throws, so a server entry that forgot to set it fails at once). Throws unless the
 * expression occurs exactly once.
 */
export function rewriteTerminologyLocation(code: string): string {
  const found = code.match(LOCATION)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `packages/synthetic/src/terminology.ts should locate resources/terminology with ` +
        `new URL('../../../resources/terminology/', import.meta.url) exactly once; found ${found}. ` +
        `Update apps/desktop/src/build/terminology.ts to match how it finds the folder now.`,
    );
  }
  return code.replace(LOCATION, `new URL(globalThis.${TERMINOLOGY_URL_GLOBAL})`);
}

/** The part of a Vite/Rolldown plugin this needs (kept structural: vite is electron-vite's dependency, not ours). */
export interface TerminologyPlugin {
  name: string;
  enforce: 'pre';
  buildStart(): void;
  transform(code: string, id: string): { code: string; map: null } | undefined;
  buildEnd(error?: Error): void;
}

/**
 * The Vite plugin that applies {@link rewriteTerminologyLocation} to packages/synthetic's terminology module,
 * and fails the build if that module was never bundled (then nothing would read the folder set at run time).
 */
export function terminologyLocationPlugin(options: { required: boolean }): TerminologyPlugin {
  let rewritten = false;
  return {
    name: 'plan-api:terminology-location',
    enforce: 'pre',
    buildStart() {
      rewritten = false;
    },
    transform(code, id) {
      if (!TERMINOLOGY_MODULE.test(id.split('?')[0] ?? id)) return undefined;
      rewritten = true;
      return { code: rewriteTerminologyLocation(code), map: null };
    },
    buildEnd(error) {
      if (!error && options.required && !rewritten) {
        throw new Error('packages/synthetic/src/terminology.ts was not bundled: the terminology rewrite did not run.');
      }
    },
  };
}
