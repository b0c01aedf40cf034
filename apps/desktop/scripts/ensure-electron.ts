/**
 * Runs before `electron-vite dev`/`preview` (`pnpm desktop`): installs the Electron binary when it is missing.
 * The workspace never lets Electron's postinstall download it (pnpm-workspace.yaml `allowBuilds: electron: false`),
 * so that installs work offline and in CI, where only `electron-vite build` runs; a machine that runs the app
 * fetches it once, here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const installed = (): boolean => existsSync(join(electronDir, 'path.txt'));

if (!installed()) {
  console.log('Electron is not installed yet: downloading it once (node_modules/electron/install.js)...');
  const env = { ...process.env };
  // install.js does nothing at all when this is set (as .ci/run does).
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', env });
  if (result.status !== 0 || !installed()) {
    console.error(
      'Could not install Electron. It needs access to https://github.com/electron/electron/releases (or set ' +
        'ELECTRON_MIRROR); see https://www.electronjs.org/docs/latest/tutorial/installation.',
    );
    process.exit(1);
  }
}
