import { join, resolve } from 'node:path';

/** Where the desktop app keeps everything, under Electron's per-user `userData` folder. */
export interface DesktopPaths {
  userData: string;
  /** The sandbox's data dir (what PLAN_API_DATA_DIR is for `pnpm sandbox`): deleted by Reset Sandbox. */
  dataDir: string;
  logsDir: string;
  /** The desktop app's log (the server's output included). */
  logFile: string;
  /** Window size, position and maximized state. */
  windowStateFile: string;
  /** The port the server last listened on. */
  serverStateFile: string;
}

/**
 * The userData layout. The data dir is a folder of its own, so Reset Sandbox can delete it without touching the
 * logs, the window state or Electron's own files (cookies, caches) that live beside it.
 */
export function desktopPaths(userData: string): DesktopPaths {
  const logsDir = join(userData, 'logs');
  return {
    userData,
    dataDir: join(userData, 'sandbox-data'),
    logsDir,
    logFile: join(logsDir, 'main.log'),
    windowStateFile: join(userData, 'window-state.json'),
    serverStateFile: join(userData, 'server.json'),
  };
}

/** The files the server reads at run time that are not bundled into it. */
export interface BundledResources {
  /** The built web UI (index.html and assets/). */
  uiDir: string;
  /** resources/terminology (read by the synthetic data generator). */
  terminologyDir: string;
}

/**
 * Where the web UI build and the terminology are. Packaged, electron-builder copies them beside app.asar
 * (`extraResources` in electron-builder.yml: `ui/`, `terminology/`), because the server reads them as plain
 * files. In development the app runs from apps/desktop of this repository, two levels below its root.
 */
export function bundledResources(options: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): BundledResources {
  if (options.isPackaged) {
    return { uiDir: join(options.resourcesPath, 'ui'), terminologyDir: join(options.resourcesPath, 'terminology') };
  }
  const root = resolve(options.appPath, '..', '..');
  return { uiDir: join(root, 'packages', 'ui', 'dist'), terminologyDir: join(root, 'resources', 'terminology') };
}
