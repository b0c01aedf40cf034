import type { ServerStatus } from '../shared/api.ts';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const TITLES: Record<ServerStatus['state'], string> = {
  starting: 'Starting the sandbox…',
  ready: 'The sandbox is ready',
  restarting: 'The sandbox server stopped: restarting it',
  failed: 'The sandbox server could not be started',
  stopped: 'The sandbox is stopped',
};

/**
 * The page the window shows while the server is not serving the UI: starting, restarting after a crash (with
 * the attempt and the wait), or given up. Static HTML in a `data:` URL: no script runs in it (CSP `default-src
 * 'none'`), so the preload's API is useless there and the IPC handlers refuse its origin anyway.
 */
export function statusPageHtml(status: ServerStatus, logFile: string): string {
  const lines = [`<p>${escapeHtml(status.message)}</p>`];
  if (status.state === 'restarting' && status.retryInMs !== undefined) {
    const seconds = Math.max(1, Math.round(status.retryInMs / 1000));
    lines.push(
      `<p>Attempt ${status.attempt ?? 1}: trying again in ${seconds} s. This page is replaced by the sandbox once it is back.</p>`,
    );
  }
  if (status.state === 'failed' || status.state === 'restarting') {
    lines.push(`<p>What happened is in the log: <code>${escapeHtml(logFile)}</code> (Help → Show Logs Folder).</p>`);
  }
  if (status.state === 'failed') {
    lines.push(
      '<p>File → Reset Sandbox starts over with a fresh data folder; quitting and reopening the app tries again.</p>',
    );
  }
  const busy = status.state === 'starting' || status.state === 'restarting';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Plan API Sandbox</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;color:#1f2937;background:#f8fafc}
main{max-width:36rem;padding:2rem}h1{font-size:1.3rem;margin:0 0 1rem}code{font-size:.85em;word-break:break-all}
.busy h1::before{content:"";display:inline-block;width:.8em;height:.8em;margin-right:.5em;border:2px solid #0e7490;border-right-color:transparent;border-radius:50%;animation:spin 1s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
@media (prefers-color-scheme:dark){body{color:#e5e7eb;background:#111827}}
</style></head>
<body><main class="${busy ? 'busy' : 'done'}" role="status" aria-live="polite"><h1>${TITLES[status.state]}</h1>
${lines.join('\n')}
</main></body></html>`;
}

/** {@link statusPageHtml} as a URL the window can load. */
export function statusPageUrl(status: ServerStatus, logFile: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(statusPageHtml(status, logFile))}`;
}
