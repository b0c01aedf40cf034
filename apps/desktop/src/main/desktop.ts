import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, ipcMain, Menu, shell, type BrowserWindow } from 'electron';
import { createIpcHandlers } from '../host/ipc.ts';
import { createFileLogger, type Logger } from '../host/logger.ts';
import { aboutDetail, buildMenuTemplate } from '../host/menu.ts';
import { bundledResources, desktopPaths, type DesktopPaths } from '../host/paths.ts';
import { rememberPort } from '../host/port.ts';
import { prepareServerStart } from '../host/server-config.ts';
import { createServerHost, type ServerHost } from '../host/server-host.ts';
import { signIn } from '../host/sign-in.ts';
import { statusPageUrl } from '../host/status-page.ts';
import { classifyUiPage, isSandboxUrl } from '../host/url-guard.ts';
import { IPC, type AppInfo, type ServerStatus } from '../shared/api.ts';
import { installGuards } from './guards.ts';
import { utilityFork } from './utility.ts';
import { createMainWindow } from './window.ts';

const PRODUCT = 'Plan API Sandbox';

/** What the window shows: the sandbox UI (signed in), or the status page while the server is not serving it. */
function createDisplay(win: BrowserWindow, host: ServerHost, paths: DesktopPaths, logger: Logger) {
  let generation = 0;
  let token: string | undefined;
  /** The UI page last shown, reopened after a restart (a crash must not lose the person's place). */
  let lastUiUrl: string | undefined;
  let lastAutoSignIn = 0;

  const load = async (url: string): Promise<void> => {
    const mine = ++generation;
    try {
      await win.loadURL(url);
    } catch (error) {
      // A newer load replaced this one (ERR_ABORTED): nothing went wrong.
      if (mine === generation)
        logger.warn(`Could not load ${url.startsWith('data:') ? 'the status page' : url}`, error);
    }
  };

  const showUi = async (origin: string, path?: string): Promise<void> => {
    if (token === undefined || win.isDestroyed()) return;
    try {
      await win.webContents.session.cookies.set(await signIn(origin, token));
    } catch (error) {
      logger.error('Could not sign the window in', error);
    }
    const target = path !== undefined ? new URL(path, origin).href : lastUiUrl;
    await load(target !== undefined && isSandboxUrl(target, origin) ? target : `${origin}/`);
  };

  const remember = (url: string): void => {
    const origin = host.url;
    const page = classifyUiPage(url, origin);
    if (page.kind === 'place') lastUiUrl = page.url;
    // The session ran out (the sandbox showed its sign-in page): sign in again, at most every 10 s.
    if (page.kind !== 'signed-out' || origin === undefined || Date.now() - lastAutoSignIn < 10_000) return;
    lastAutoSignIn = Date.now();
    void showUi(origin, page.next);
  };
  win.webContents.on('did-navigate', (_event, url) => remember(url));
  win.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
    if (isMainFrame) remember(url);
  });

  return {
    setToken(value: string): void {
      token = value;
    },
    forgetPlace(): void {
      lastUiUrl = undefined;
    },
    async show(status: ServerStatus): Promise<void> {
      if (win.isDestroyed()) return;
      win.webContents.send(IPC.serverStatus, status);
      if (status.state === 'ready' && status.url !== undefined) await showUi(status.url);
      else await load(statusPageUrl(status, paths.logFile));
    },
  };
}

/** Starts the desktop app: log, server host, window, IPC, menu, and a clean stop on quit. */
export async function startDesktop(): Promise<void> {
  await app.whenReady();
  const paths = desktopPaths(app.getPath('userData'));
  const logger = createFileLogger({
    file: paths.logFile,
    ...(app.isPackaged ? {} : { echo: (line) => console.log(line) }),
  });
  logger.info(`${PRODUCT} ${app.getVersion()} starting`, {
    electron: process.versions.electron,
    userData: paths.userData,
  });
  process.on('uncaughtException', (error) => logger.error('Uncaught exception in the main process', error));
  const resources = bundledResources({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });

  // The host's callbacks run only once host.start() is called, after `display` exists (below).
  const host = createServerHost({
    fork: utilityFork(join(import.meta.dirname, 'server.js'), logger),
    prepare: async (attempt) => {
      const config = await prepareServerStart({ paths, resources }, attempt);
      display.setToken(config.token);
      return config;
    },
    onReady: (url) => rememberPort(paths.serverStateFile, Number(new URL(url).port)),
    onStatus: (status) => {
      logger.info(`Server: ${status.state}`, status);
      void display.show(status);
    },
    onLog: (level, message, details) => logger[level](message, details),
  });
  installGuards({ sandboxOrigin: () => host.url, logger });

  const win = await createMainWindow({
    title: PRODUCT,
    preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'),
    stateFile: paths.windowStateFile,
    logger,
  });
  const display = createDisplay(win, host, paths, logger);
  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  const appInfo = (): AppInfo => ({
    name: PRODUCT,
    version: app.getVersion(),
    dataDir: paths.dataDir,
    logFile: paths.logFile,
    serverUrl: host.url,
  });
  const handlers = createIpcHandlers({
    appInfo,
    serverOrigin: () => host.url,
    openExternal: (url) => shell.openExternal(url),
    openFolder: async (path) => {
      const error = await shell.openPath(path);
      if (error !== '') throw new Error(error);
    },
    showFile: (path) => shell.showItemInFolder(path),
  });
  for (const [channel, handle] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handle(event.senderFrame?.url ?? '', args));
  }

  const failed = (what: string) => (error: unknown) => {
    logger.error(what, error);
    if (!win.isDestroyed())
      dialog.showErrorBox(PRODUCT, `${what}: ${error instanceof Error ? error.message : String(error)}`);
  };
  let resetting = false;
  const menu = buildMenuTemplate({
    platform: process.platform,
    appName: PRODUCT,
    isPackaged: app.isPackaged,
    actions: {
      openDataFolder: () => {
        shell.openPath(paths.dataDir).then((error) => {
          if (error !== '') failed('Could not open the data folder')(new Error(error));
        }, failed('Could not open the data folder'));
      },
      resetSandbox: () => {
        if (resetting) return;
        resetting = true;
        resetSandbox(win, host, paths, logger, () => display.forgetPlace())
          .catch(failed('Reset Sandbox failed'))
          .finally(() => {
            resetting = false;
          });
      },
      openApiDocs: () => {
        if (host.url === undefined) failed('API documentation')(new Error('The sandbox server is not running.'));
        else shell.openExternal(`${host.url}/api/openapi.json`).catch(failed('Could not open the API documentation'));
      },
      showLogs: () => shell.showItemInFolder(paths.logFile),
      showAbout: () => {
        void dialog.showMessageBox(win, {
          type: 'info',
          title: `About ${PRODUCT}`,
          message: PRODUCT,
          detail: aboutDetail({ ...appInfo(), versions: process.versions }),
          buttons: ['OK'],
        });
      },
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));

  let quitting = false;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Stop the server cleanly first (its stores flush their writes), then quit for real.
    event.preventDefault();
    quitting = true;
    host
      .stop()
      .catch((error: unknown) => logger.error('The server did not stop cleanly', error))
      .finally(() => {
        logger.info(`${PRODUCT} quit`);
        app.quit();
      });
  });

  host.start().catch((error: unknown) => logger.error('The sandbox server did not start', error));
}

/** File → Reset Sandbox: confirm, stop the server, delete the data dir, start again (a new token is made). */
async function resetSandbox(
  win: BrowserWindow,
  host: ServerHost,
  paths: DesktopPaths,
  logger: Logger,
  forgetPlace: () => void,
): Promise<void> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    title: 'Reset Sandbox',
    message: 'Delete everything in the sandbox and start over?',
    detail:
      `Every app, patient, launch and consent is deleted, the synthetic provider directory is made again, and a new ` +
      `management token replaces the old one.\n\nData folder: ${paths.dataDir}`,
    buttons: ['Cancel', 'Reset Sandbox'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response !== 1) return;
  logger.warn('Resetting the sandbox: deleting the data folder', { dataDir: paths.dataDir });
  forgetPlace();
  await host.restart(() => rm(paths.dataDir, { recursive: true, force: true }));
}
