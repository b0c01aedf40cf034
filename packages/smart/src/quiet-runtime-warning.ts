/**
 * Imported first by the processes' entry points (`pnpm sandbox`, `pnpm server`, the desktop's server process),
 * before anything loads oidc-provider. oidc-provider 9 prints "Unsupported runtime. Use Node.js v22.x LTS" on
 * Node.js 20 and under Electron, which this project supports and tests (README: Node.js 20.19+); that one line is
 * dropped, every other warning passes as it is.
 */
const UNSUPPORTED_RUNTIME = 'oidc-provider WARNING: Unsupported runtime.';

const warn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
  if (typeof args[0] === 'string' && args[0].includes(UNSUPPORTED_RUNTIME)) return;
  warn(...args);
};
