/**
 * The application menu as plain data (structurally an Electron `MenuItemConstructorOptions[]`), built from the
 * actions the main process provides, so its shape can be tested without Electron.
 */

/** The Electron roles this menu uses (each one a member of Electron's own role union). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu'
  | 'help';

export interface MenuItem {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  submenu?: MenuItem[];
  click?: () => void;
}

/** What the menu's own items do. */
export interface MenuActions {
  openDataFolder(): void;
  /** Asks for confirmation, then deletes the data dir and restarts the server. */
  resetSandbox(): void;
  openApiDocs(): void;
  showLogs(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools only when running from source. */
  isPackaged: boolean;
  actions: MenuActions;
}

const separator: MenuItem = { type: 'separator' };

/**
 * File (Open Data Folder, Reset Sandbox…, Quit), Edit, View, Help (API Documentation, Show Logs Folder, About).
 * On macOS, About and Quit live in the application menu as the platform expects (File gets Close Window), and
 * there is a Window menu.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItem[] {
  const { actions, appName } = options;
  const mac = options.platform === 'darwin';
  const about: MenuItem = { label: `About ${appName}`, click: () => actions.showAbout() };

  const file: MenuItem = {
    label: 'File',
    submenu: [
      { label: 'Open Data Folder', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openDataFolder() },
      { label: 'Reset Sandbox…', click: () => actions.resetSandbox() },
      separator,
      mac ? { role: 'close' } : { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  const edit: MenuItem = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItem = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } satisfies MenuItem]),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItem = {
    label: 'Help',
    role: 'help',
    submenu: [
      { label: 'API Documentation', ...(mac ? {} : { accelerator: 'F1' }), click: () => actions.openApiDocs() },
      { label: 'Show Logs Folder', click: () => actions.showLogs() },
      ...(mac ? [] : [separator, about]),
    ],
  };

  if (!mac) return [file, edit, view, help];
  const appMenu: MenuItem = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  return [appMenu, file, edit, view, { label: 'Window', role: 'windowMenu' }, help];
}

/** The About box's text: what this is, its version and where its files are. */
export function aboutDetail(info: {
  version: string;
  versions: { electron?: string; chrome?: string; node?: string };
  dataDir: string;
  logFile: string;
  serverUrl: string | undefined;
}): string {
  return [
    `Version ${info.version}`,
    `Electron ${info.versions.electron ?? '?'} · Chromium ${info.versions.chrome ?? '?'} · Node.js ${info.versions.node ?? '?'}`,
    '',
    `Sandbox server: ${info.serverUrl ?? 'not running'}`,
    `Data folder: ${info.dataDir}`,
    `Log file: ${info.logFile}`,
    '',
    'An offline SMART on FHIR developer sandbox with synthetic data only.',
  ].join('\n');
}
