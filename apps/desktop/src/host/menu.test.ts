import { describe, expect, it } from 'vitest';
import { aboutDetail, buildMenuTemplate, type MenuActions, type MenuItem } from './menu.ts';

function recordingActions(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = [];
  const actions: MenuActions = {
    openDataFolder: () => calls.push('openDataFolder'),
    resetSandbox: () => calls.push('resetSandbox'),
    openApiDocs: () => calls.push('openApiDocs'),
    showLogs: () => calls.push('showLogs'),
    showAbout: () => calls.push('showAbout'),
  };
  return { actions, calls };
}

const summary = (items: MenuItem[] | undefined): string[] =>
  (items ?? []).map((i) =>
    i.type === 'separator'
      ? '---'
      : [i.label, i.role && `(${i.role})`, i.accelerator && `[${i.accelerator}]`].filter(Boolean).join(' '),
  );

const menu = (template: MenuItem[], label: string): MenuItem[] | undefined =>
  template.find((item) => item.label === label)?.submenu;

describe('buildMenuTemplate', () => {
  it('on Linux and Windows: File with Quit, Help with About, no Window menu', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const template = buildMenuTemplate({
        platform,
        appName: 'Plan API Sandbox',
        isPackaged: true,
        ...recordingActions(),
      });
      expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
      expect(summary(menu(template, 'File'))).toEqual([
        'Open Data Folder [CmdOrCtrl+Shift+O]',
        'Reset Sandbox…',
        '---',
        'Quit (quit) [CmdOrCtrl+Q]',
      ]);
      expect(summary(menu(template, 'Help'))).toEqual([
        'API Documentation [F1]',
        'Show Logs Folder',
        '---',
        'About Plan API Sandbox',
      ]);
    }
  });

  it('on macOS: About and Quit in the application menu, Close Window in File, a Window menu', () => {
    const template = buildMenuTemplate({
      platform: 'darwin',
      appName: 'Plan API Sandbox',
      isPackaged: true,
      ...recordingActions(),
    });
    expect(template.map((item) => item.label)).toEqual(['Plan API Sandbox', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(summary(template[0]?.submenu)).toEqual([
      'About Plan API Sandbox',
      '---',
      '(services)',
      '---',
      '(hide)',
      '(hideOthers)',
      '(unhide)',
      '---',
      '(quit)',
    ]);
    expect(summary(menu(template, 'File'))).toEqual([
      'Open Data Folder [CmdOrCtrl+Shift+O]',
      'Reset Sandbox…',
      '---',
      '(close)',
    ]);
    expect(summary(menu(template, 'Help'))).toEqual(['API Documentation', 'Show Logs Folder']);
    expect(template.find((item) => item.label === 'Window')?.role).toBe('windowMenu');
  });

  it('has the standard Edit roles (copy and paste need them on macOS) and zoom in View', () => {
    const template = buildMenuTemplate({ platform: 'darwin', appName: 'X', isPackaged: true, ...recordingActions() });
    expect(summary(menu(template, 'Edit'))).toEqual([
      '(undo)',
      '(redo)',
      '---',
      '(cut)',
      '(copy)',
      '(paste)',
      '(selectAll)',
    ]);
    expect(summary(menu(template, 'View'))).toEqual([
      '(reload)',
      '(forceReload)',
      '---',
      '(resetZoom)',
      '(zoomIn)',
      '(zoomOut)',
      '---',
      '(togglefullscreen)',
    ]);
  });

  it('offers developer tools only when running from source', () => {
    const dev = buildMenuTemplate({ platform: 'linux', appName: 'X', isPackaged: false, ...recordingActions() });
    expect(summary(menu(dev, 'View'))).toContain('(toggleDevTools)');
  });

  it('calls the matching action for each item of its own', () => {
    const { actions, calls } = recordingActions();
    const template = buildMenuTemplate({ platform: 'linux', appName: 'X', isPackaged: true, actions });
    const click = (menuLabel: string, itemLabel: string): void =>
      menu(template, menuLabel)
        ?.find((item) => item.label === itemLabel)
        ?.click?.();
    click('File', 'Open Data Folder');
    click('File', 'Reset Sandbox…');
    click('Help', 'API Documentation');
    click('Help', 'Show Logs Folder');
    click('Help', 'About X');
    expect(calls).toEqual(['openDataFolder', 'resetSandbox', 'openApiDocs', 'showLogs', 'showAbout']);
  });
});

describe('aboutDetail', () => {
  it('says the version, the runtime versions, and where the data and the log are', () => {
    const text = aboutDetail({
      version: '0.1.0',
      versions: { electron: '38.8.6', chrome: '140.0', node: '22.19.0' },
      dataDir: '/u/sandbox-data',
      logFile: '/u/logs/main.log',
      serverUrl: 'http://127.0.0.1:5000',
    });
    expect(text).toContain('Version 0.1.0');
    expect(text).toContain('Electron 38.8.6 · Chromium 140.0 · Node.js 22.19.0');
    expect(text).toContain('Sandbox server: http://127.0.0.1:5000');
    expect(text).toContain('Data folder: /u/sandbox-data');
    expect(text).toContain('Log file: /u/logs/main.log');
    expect(aboutDetail({ version: '1', versions: {}, dataDir: 'd', logFile: 'l', serverUrl: undefined })).toContain(
      'Sandbox server: not running',
    );
  });
});
