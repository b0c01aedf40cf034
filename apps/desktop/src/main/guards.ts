import { app, session, shell } from 'electron';
import type { Logger } from '../host/logger.ts';
import { isSandboxUrl, navigationDecision, windowOpenDecision } from '../host/url-guard.ts';

/**
 * Applies the navigation rules (host/url-guard.ts) to every web contents the app ever creates: the window stays on
 * the sandbox's origin, http(s) elsewhere opens in the system browser, nothing opens a new Electron window or
 * attaches a <webview>, and web permissions are refused but clipboard writes from the sandbox UI (its copy
 * buttons).
 */
export function installGuards(options: { sandboxOrigin: () => string | undefined; logger: Logger }): void {
  const { logger } = options;
  const openExternal = (url: string): void => {
    shell.openExternal(url).catch((error: unknown) => logger.warn(`Could not open ${url} in the browser`, error));
  };
  const guard = (event: { preventDefault(): void }, url: string, what: string): void => {
    const decision = navigationDecision(url, options.sandboxOrigin());
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternal(url);
    else logger.warn(`Blocked a ${what} to ${url.slice(0, 200)}`);
  };

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-frame-navigate', (event) => guard(event, event.url, 'navigation'));
    contents.on('will-redirect', (event) => guard(event, event.url, 'redirect'));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (windowOpenDecision(url) === 'open-external') openExternal(url);
      else logger.warn(`Blocked a window.open of ${url.slice(0, 200)}`);
      return { action: 'deny' };
    });
  });

  const allowed = (permission: string, origin: string): boolean =>
    permission === 'clipboard-sanitized-write' && isSandboxUrl(origin, options.sandboxOrigin());
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin) => allowed(permission, origin));
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allowed(permission, contents.getURL())),
  );
}
