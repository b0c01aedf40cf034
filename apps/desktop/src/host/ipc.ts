import type { AppInfo, InvokeChannel } from '../shared/api.ts';
import { IPC } from '../shared/api.ts';
import { externalUrl, isSandboxUrl } from './url-guard.ts';

/** An IPC call that was refused: from a page other than the sandbox UI, or with arguments that are not allowed. */
export class IpcRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRefused';
  }
}

/** The OS things the handlers do, provided by the main process (Electron's shell) or by a test. */
export interface IpcDeps {
  appInfo(): AppInfo;
  /** The sandbox server's origin, undefined while it is not running. */
  serverOrigin(): string | undefined;
  openExternal(url: string): Promise<void>;
  /** Opens a folder in the system's file manager. */
  openFolder(path: string): Promise<void>;
  /** Shows a file, selected, in the system's file manager. */
  showFile(path: string): void;
}

/** One `invoke` handler: the calling frame's URL and the arguments as the renderer sent them (untrusted). */
export type IpcHandler = (senderUrl: string, args: readonly unknown[]) => Promise<unknown>;

function expectArgs(channel: string, args: readonly unknown[], count: number): void {
  if (args.length !== count) throw new IpcRefused(`${channel} takes ${count} argument(s), got ${args.length}.`);
}

/**
 * The main process's answers to `window.planApi`. Every call must come from the sandbox UI's origin (a page that
 * got into the window some other way gets nothing), and arguments are checked here, never trusted: openExternal
 * opens only http(s) URLs, the folders opened are the app's own, never one the page names.
 */
export function createIpcHandlers(deps: IpcDeps): Record<InvokeChannel, IpcHandler> {
  const guarded =
    (channel: InvokeChannel, count: number, handle: (args: readonly unknown[]) => Promise<unknown>): IpcHandler =>
    async (senderUrl, args) => {
      if (!isSandboxUrl(senderUrl, deps.serverOrigin())) {
        throw new IpcRefused(`${channel} is only answered to the sandbox UI.`);
      }
      expectArgs(channel, args, count);
      return handle(args);
    };

  return {
    [IPC.appInfo]: guarded(IPC.appInfo, 0, () => Promise.resolve(deps.appInfo())),
    [IPC.openExternal]: guarded(IPC.openExternal, 1, async ([url]) => {
      const safe = externalUrl(url);
      if (safe === undefined) throw new IpcRefused('openExternal opens only absolute http and https URLs.');
      await deps.openExternal(safe);
    }),
    [IPC.openDataFolder]: guarded(IPC.openDataFolder, 0, () => deps.openFolder(deps.appInfo().dataDir)),
    [IPC.showLogs]: guarded(IPC.showLogs, 0, () => {
      deps.showFile(deps.appInfo().logFile);
      return Promise.resolve();
    }),
  };
}
