/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A minimal standalone HTML page. */
export function htmlPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{background:#f2f2f2;padding:0 .25rem}</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}

/** The page of a refused sign-in: what to do to get a working link. */
export function signInRefusedPage(reason: string, tokenHint: string | undefined): string {
  const where = tokenHint
    ? `<p>The management token is ${escapeHtml(tokenHint)}.</p>`
    : '<p>The management token is the <code>PLAN_API_SANDBOX_TOKEN</code> the sandbox was started with.</p>';
  return htmlPage(
    'Sign in to the Plan API sandbox',
    `<h1>Sign in to the Plan API sandbox</h1>
<p>${escapeHtml(reason)}</p>
<p>When it starts, <code>pnpm sandbox</code> prints a sign-in link of the form
<code>/login?token=&lt;management token&gt;</code>: open that link (copy it from the terminal).</p>
${where}`,
  );
}

/** The page shown when too many sign-ins failed. */
export function tooManyAttemptsPage(): string {
  return htmlPage(
    'Too many sign-in attempts',
    `<h1>Too many sign-in attempts</h1>
<p>Too many sign-ins with a wrong token came from your address. Wait a minute, then open the sign-in link that
<code>pnpm sandbox</code> printed.</p>`,
  );
}
