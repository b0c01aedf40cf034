import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../host/logger.ts';
import { loadWindowState, MIN_WINDOW, saveWindowState, windowStateOf } from '../host/window-state.ts';

/**
 * The one window: sandboxed, context-isolated, no Node in the page, web security on; its size, position and
 * maximized state come back from the last run (checked against the displays there are now).
 */
export async function createMainWindow(options: {
  title: string;
  preload: string;
  stateFile: string;
  logger: Logger;
}): Promise<BrowserWindow> {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = await loadWindowState(options.stateFile, workAreas);
  const win = new BrowserWindow({
    title: options.title,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    backgroundColor: '#f8fafc',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    saveWindowState(options.stateFile, windowStateOf(win.getNormalBounds(), win.isMaximized())).catch(
      (error: unknown) => options.logger.warn('Could not save the window state', error),
    );
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', save);
  return win;
}
