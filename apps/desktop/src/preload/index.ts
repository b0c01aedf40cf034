/**
 * The preload of the sandbox window: exposes exactly one object, `window.planApi` (the PlanApi of
 * shared/api.ts), and nothing else. Each method is one IPC call whose arguments the main process checks again.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, type AppInfo, type PlanApi, type ServerStatus } from '../shared/api.ts';

const planApi = {
  appInfo: () => ipcRenderer.invoke(IPC.appInfo) as Promise<AppInfo>,
  openExternal: async (url: string) => {
    await ipcRenderer.invoke(IPC.openExternal, String(url));
  },
  openDataFolder: async () => {
    await ipcRenderer.invoke(IPC.openDataFolder);
  },
  showLogs: async () => {
    await ipcRenderer.invoke(IPC.showLogs);
  },
  onServerStatus: (listener: (status: ServerStatus) => void) => {
    // The page gets the status only, never the IPC event (it would expose ipcRenderer through event.sender).
    const forward = (_event: IpcRendererEvent, status: ServerStatus): void => listener(status);
    ipcRenderer.on(IPC.serverStatus, forward);
    return () => {
      ipcRenderer.removeListener(IPC.serverStatus, forward);
    };
  },
} satisfies PlanApi;

contextBridge.exposeInMainWorld('planApi', planApi);
