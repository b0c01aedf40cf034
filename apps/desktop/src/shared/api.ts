/**
 * The contract between the Electron main process, the preload and the web UI: the one object the preload
 * exposes as `window.planApi`, and the IPC channels behind it. No Electron import: the renderer side (the web UI)
 * may import these types too.
 */

/** What the app tells the window about itself. */
export interface AppInfo {
  name: string;
  version: string;
  /** The sandbox's data folder (apps, patients, the FHIR store, keys). */
  dataDir: string;
  /** The log file of the desktop app (the server's output is logged there too). */
  logFile: string;
  /** The sandbox server's origin, e.g. `http://127.0.0.1:51234`; undefined while it is not running. */
  serverUrl: string | undefined;
}

/** Where the embedded sandbox server is in its life. */
export type ServerState = 'starting' | 'ready' | 'restarting' | 'failed' | 'stopped';

/** A change of the server's state, with a sentence for people. */
export interface ServerStatus {
  state: ServerState;
  message: string;
  /** Set when ready. */
  url?: string;
  /** Consecutive failed attempts so far (restarting, failed). */
  attempt?: number;
  /** When restarting: the wait before the next attempt. */
  retryInMs?: number;
}

/** `window.planApi`: everything the window may ask of the desktop app. */
export interface PlanApi {
  appInfo(): Promise<AppInfo>;
  /** Opens an http(s) URL in the system browser; anything else is refused. */
  openExternal(url: string): Promise<void>;
  openDataFolder(): Promise<void>;
  /** Shows the log file in the system's file manager. */
  showLogs(): Promise<void>;
  /** Calls `listener` on every server status change; returns the function that stops it. */
  onServerStatus(listener: (status: ServerStatus) => void): () => void;
}

/** The IPC channels: `invoke` ones answered by the main process, and the one event it sends. */
export const IPC = {
  appInfo: 'plan-api:app-info',
  openExternal: 'plan-api:open-external',
  openDataFolder: 'plan-api:open-data-folder',
  showLogs: 'plan-api:show-logs',
  serverStatus: 'plan-api:server-status',
} as const;

/** The channels the window may `invoke`. */
export type InvokeChannel = Exclude<(typeof IPC)[keyof typeof IPC], typeof IPC.serverStatus>;
