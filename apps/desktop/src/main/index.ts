/**
 * The Electron main process. Kept thin: the logic is in ../host (plain modules, tested without Electron).
 */
import { app, dialog } from 'electron';
import { startDesktop } from './desktop.ts';

// One copy at a time: a second one would start a second server on the same data dir (lowdb allows one process
// per folder). The second copy quits; the first one brings its window forward ('second-instance').
if (app.requestSingleInstanceLock()) {
  startDesktop().catch((error: unknown) => {
    dialog.showErrorBox(
      'Plan API Sandbox',
      `The app could not start: ${error instanceof Error ? error.stack : String(error)}`,
    );
    app.exit(1);
  });
} else {
  app.quit();
}
