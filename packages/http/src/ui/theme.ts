/**
 * The look of the server-rendered pages (sign-in, patient picker, consent) matched to the web UI's Mantine theme
 * (packages/ui/src/theme.ts): its font stack, indigo primary color, 8 px radius, filled and default buttons. One small
 * stylesheet, inlined in each page and allowed by its hash, so the pages need no asset route and no
 * `'unsafe-inline'`.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '@plan-api/fhir';

/** The web UI theme's font stacks (packages/ui/src/theme.ts: fontFamily, fontFamilyMonospace). */
const FONT = 'Inter,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif';
const MONO = 'ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace';

/** Mantine colors the pages use: indigo (the UI's primary color) and gray, yellow for notices. */
export const THEME_COLORS = {
  primary: '#4c6ef5',
  primaryHover: '#4263eb',
  primaryLight: '#edf2ff',
  text: '#212529',
  dimmed: '#868e96',
  border: '#dee2e6',
  inputBorder: '#ced4da',
  body: '#f8f9fa',
  noticeBg: '#fff9db',
  noticeText: '#e67700',
} as const;

const c = THEME_COLORS;

/** The shared stylesheet; element and attribute selectors, so the pages' markup stays plain. */
export const PAGE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:${FONT};font-size:1rem;line-height:1.55;color:${c.text};background:${c.body};-webkit-font-smoothing:antialiased}
a{color:${c.primary};text-decoration:none}a:hover{text-decoration:underline}
code{font-family:${MONO};font-size:.85em;background:#f1f3f5;padding:.1em .35em;border-radius:4px;overflow-wrap:anywhere}
h1,h2{font-weight:650}h1{font-size:1.5rem;line-height:1.3;margin:0}h2{font-size:1.0625rem;line-height:1.4;margin:1.5rem 0 .5rem}
p{margin:.5rem 0}
.topbar{display:flex;align-items:center;gap:.75rem;height:3.75rem;padding:0 1rem;background:#fff;border-bottom:1px solid ${c.border};font-weight:700;font-size:1.125rem}
.topbar svg{flex:none}
main{max-width:32rem;margin:2rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid ${c.border};border-radius:8px;padding:1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.05),0 1px 2px rgba(0,0,0,.1)}
@media (max-width:30em){main{margin:1rem auto;padding:0 .75rem}.card{padding:1rem}}
.dimmed,.born,.organization,.policies{color:${c.dimmed};font-size:.875rem}
.app{display:flex;align-items:center;gap:1rem;margin-bottom:1rem}
.app h1{overflow-wrap:anywhere}.app .organization{margin:.125rem 0 0}
img.logo{width:4rem;height:4rem;object-fit:contain;border-radius:8px;border:1px solid ${c.border};background:#fff;flex:none}
.initial{width:4rem;height:4rem;border-radius:8px;background:${c.primaryLight};color:${c.primary};display:flex;align-items:center;justify-content:center;font-size:1.75rem;font-weight:700;flex:none}
ul.policies{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:0 0 .5rem}
ul.general{margin:.25rem 0;padding-left:1.25rem}ul.general li{margin:.25rem 0}
.notice{background:${c.noticeBg};border-radius:8px;padding:.75rem 1rem;margin:1rem 0;font-size:.875rem}
.notice strong{color:${c.noticeText}}
fieldset{border:1px solid ${c.border};border-radius:8px;margin:1rem 0;padding:.75rem 1rem}
legend{padding:0 .375rem;font-size:.875rem;font-weight:600}
dl.error-details{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;font-size:.875rem;margin:1rem 0}dl.error-details dt{font-weight:600;color:${c.dimmed}}dl.error-details dd{margin:0;overflow-wrap:anywhere;font-family:${MONO}}
ul.types{list-style:none;margin:0;padding:0}ul.types li{display:flex;align-items:flex-start;gap:.75rem;padding:.5rem 0}
ul.types li+li{border-top:1px solid #f1f3f5}ul.types label{font-size:.9375rem;cursor:pointer}
input[type=checkbox]{flex:none;width:1.25rem;height:1.25rem;margin:.125rem 0 0;accent-color:${c.primary};cursor:pointer}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-height:2.25rem;padding:0 1.125rem;font:inherit;font-size:.875rem;font-weight:600;line-height:1;border-radius:8px;border:1px solid ${c.inputBorder};background:#fff;color:${c.text};cursor:pointer;text-decoration:none}
button:hover,.button:hover{background:${c.body};text-decoration:none}
button:focus-visible,a:focus-visible,input:focus-visible{outline:2px solid ${c.primary};outline-offset:2px}
button[value=allow],button.primary{background:${c.primary};border-color:transparent;color:#fff}
button[value=allow]:hover,button.primary:hover{background:${c.primaryHover}}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}.actions button{flex:1;min-height:2.625rem;font-size:1rem}
ul.patients{list-style:none;margin:1rem 0 0;padding:0}
ul.patients li{display:flex;align-items:center;gap:.5rem;border:1px solid ${c.border};border-radius:8px;margin:.5rem 0;padding-right:1rem}
ul.patients li:hover{border-color:${c.primary};background:${c.primaryLight}}
ul.patients button{flex:1;justify-content:flex-start;min-height:3rem;border:0;background:transparent;font-size:1rem;text-align:left}
ul.patients .born{white-space:nowrap}
label.field{display:block;font-size:.875rem;font-weight:600}
input[type=password],input[type=text],input[type=email]{width:100%;height:2.25rem;padding:0 .75rem;font:inherit;font-size:.875rem;border:1px solid ${c.inputBorder};border-radius:8px}
form.signin{display:flex;flex-direction:column;gap:.5rem;margin-top:1rem}form.signin button{align-self:flex-start}
`;

/** The CSP source that allows {@link PAGE_CSS} as an inline `<style>`. */
export const PAGE_CSS_SOURCE = `'sha256-${createHash('sha256').update(PAGE_CSS, 'utf8').digest('base64')}'`;

/** The web UI header's mark (a filled ThemeIcon holding Tabler's "api" icon), inline so no image route is needed. */
const MARK = `<svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="8" fill="${c.primary}"/><svg x="6" y="6" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M4 13h5"/><path d="M12 16v-8h3a2 2 0 0 1 2 2v1a2 2 0 0 1 -2 2h-3"/><path d="M20 8v8"/><path d="M9 16v-5.5a2.5 2.5 0 0 0 -5 0v5.5"/></svg></svg>`;

/** The web UI's favicon (a data: URL, allowed by the pages' `img-src`). */
const ICON = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${c.primary}"/><path d="M9 23V9h7.5a4.5 4.5 0 0 1 0 9H13v5z" fill="white"/></svg>`,
)}`;

/**
 * A standalone page in the web UI's style: the top bar with the mark and `brand`, then `bodyHtml` (already
 * escaped) in a centered card. Serve it with {@link pageCsp} so the inline stylesheet applies.
 */
export function themedPage(title: string, bodyHtml: string, brand = 'Plan API Sandbox'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${ICON}">
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="topbar">${MARK}<span>${escapeHtml(brand)}</span></header>
<main>
<div class="card">
${bodyHtml}
</div>
</main>
</body>
</html>
`;
}

/**
 * The Content-Security-Policy of a themed page: nothing but its own stylesheet and images (app logos are on
 * the vendor's site), forms to itself, never framed. `formAction` is off for pages whose forms end in a
 * redirect to another origin (the consent form redirects back to the app, which `form-action` would block).
 */
export function pageCsp(options: { formAction?: boolean } = {}): string {
  return [
    "default-src 'none'",
    `style-src ${PAGE_CSS_SOURCE}`,
    'img-src https: http: data:',
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ...(options.formAction === false ? [] : ["form-action 'self'"]),
  ].join('; ');
}
