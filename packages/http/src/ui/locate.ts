import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the web UI's build is when the host does not say (`uiDir`): the `dist` folder of the `@plan-api/ui`
 * package, found through module resolution, or beside this package in the workspace when the package
 * cannot be resolved (it exports no `package.json`, or is not installed).
 */
export function defaultUiDir(): string {
  try {
    const manifest = createRequire(import.meta.url).resolve('@plan-api/ui/package.json');
    return join(dirname(manifest), 'dist');
  } catch {
    return fileURLToPath(new URL('../../../ui/dist', import.meta.url));
  }
}
