import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The sandbox server (`pnpm sandbox`, default port 4011) serves the management API and the sign-in and OAuth pages;
// the dev server forwards them so the session cookie stays same-origin.
const SANDBOX = 'http://localhost:4011';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  plugins: [react()],
  // Paths are root-relative: the sandbox serves dist/ at `/`; the plan's server serves the same dist/assets/ at
  // `/assets/` and the pages (index.html for `/developer/...`, portal.html for `/`) with the runtime config.
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Two pages: the developer sandbox (index.html) and the member portal (portal.html). Code both use (React,
      // Mantine, the theme) lands in shared chunks; the portal's page never loads the developer app's code.
      input: { index: page('index.html'), portal: page('portal.html') },
      // Named for what it is (otherwise it takes the name of one of its modules, e.g. "theme").
      output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] } },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': SANDBOX,
      '/login': SANDBOX,
      '/logout': SANDBOX,
      '/fhir': SANDBOX,
      '/oauth': SANDBOX,
      '/interaction': SANDBOX,
      '/.well-known': SANDBOX,
    },
  },
});
