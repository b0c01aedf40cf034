import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

/**
 * Main and preload only: the window shows the web UI served by the embedded sandbox server (packages/ui is built
 * by its own Vite config), so there is no renderer bundle.
 *
 * - main: two entries, the Electron main process and the server entry its utility process runs. Everything is
 *   bundled (no externals but Electron and Node built-ins), so the packaged app needs no node_modules.
 * - preload: CommonJS, as a sandboxed renderer's preload must be.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          server: resolve(import.meta.dirname, 'src/server/index.ts'),
        },
        onLog(level, log, handler) {
          // depd (an Express dependency) builds deprecation wrappers with eval; known and harmless.
          if (log.code === 'EVAL' && /[\\/]depd[\\/]/.test(log.id ?? '')) return;
          handler(level, log);
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
