import { tokenFromFile } from '@plan-api/sandbox';
import type { BundledResources, DesktopPaths } from './paths.ts';
import { choosePort } from './port.ts';
import type { ServerStartConfig } from './protocol.ts';

export interface DesktopServerSettings {
  paths: DesktopPaths;
  resources: BundledResources;
  /** Always loopback for the desktop app: the sandbox is for this machine only. */
  host?: string;
  /** Approximate size of the synthetic provider directory (the sandbox's default when absent). */
  directorySize?: number;
}

/**
 * The host's `prepare`: each attempt reads the management token from the data dir (made at the first start, and
 * again after Reset Sandbox deleted it) and picks the port (the remembered one if free). Resolves the settings
 * and the token, which the main process uses to sign the window in.
 */
export async function prepareServerStart(
  settings: DesktopServerSettings,
  attempt: { portTaken: boolean },
): Promise<ServerStartConfig> {
  const host = settings.host ?? '127.0.0.1';
  const { paths, resources } = settings;
  const token = await tokenFromFile(paths.dataDir);
  const port = await choosePort({ host, file: paths.serverStateFile, avoidRemembered: attempt.portTaken });
  return {
    host,
    port,
    dataDir: paths.dataDir,
    token: token.token,
    tokenHint: `in the file ${token.path} (the desktop app signs you in by itself)`,
    uiDir: resources.uiDir,
    terminologyDir: resources.terminologyDir,
    ...(settings.directorySize !== undefined ? { directorySize: settings.directorySize } : {}),
  };
}
