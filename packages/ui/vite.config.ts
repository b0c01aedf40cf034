import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The sandbox server (`pnpm sandbox`, default port 4011) serves the management API and the sign-in and OAuth pages;
// the dev server forwards them so the session cookie stays same-origin.
const SANDBOX = 'http://localhost:4011';

export default defineConfig({
  plugins: [react()],
  // Paths are root-relative: packages/http serves dist/ at `/` with an SPA fallback.
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
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
