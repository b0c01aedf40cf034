/**
 * The security headers of the web UI's responses. The single-page app loads only its own scripts and styles,
 * talks only to its own origin, shows app logos from anywhere, and is never framed.
 */
import { createHash } from 'node:crypto';

/**
 * Inline `<script>` elements (no `src`) of an HTML document, e.g. a color-scheme snippet in index.html. Data blocks
 * (`type="application/json"`, the server's injected config) are not scripts: browsers never run them.
 */
function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    const data = /\btype\s*=\s*["']?application\/json/i.test(attributes);
    if (!data && !/\bsrc\s*=/i.test(attributes) && body.trim() !== '') scripts.push(body);
  }
  return scripts;
}

/**
 * The Content-Security-Policy of the app's index.html. Inline scripts the build put in the page are allowed by
 * their hashes (computed from the served file, so a rebuild cannot break the page); styles allow
 * `'unsafe-inline'` because Mantine sets CSS variables in `style` attributes and a `<style>` element.
 */
export function uiCsp(indexHtml: string): string {
  const hashes = inlineScripts(indexHtml).map(
    (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    ["script-src 'self'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https: http:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers every web UI response carries (the CSP is added to documents only). */
export const UI_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
