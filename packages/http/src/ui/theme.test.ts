import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageCsp, themedPage } from './theme.ts';

describe('themed server pages', () => {
  it('the CSP allows exactly the inline stylesheet the page carries', () => {
    const html = themedPage('Title <x>', '<p>body</p>');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style.length).toBeGreaterThan(500);
    const hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
    expect(pageCsp()).toContain(`style-src ${hash}`);
    expect(pageCsp()).not.toContain('unsafe-inline');
    expect(html).toContain('<title>Title &lt;x&gt;</title>');
    expect(html).not.toMatch(/ style="/);
  });

  it("uses the web UI theme's font stack, its indigo primary color and 8 px radius", () => {
    const html = themedPage('t', '');
    expect(html).toContain('font-family:Inter,system-ui,-apple-system,');
    expect(html).toContain('#4c6ef5');
    expect(html).toContain('border-radius:8px');
  });

  it('form-action is left out for pages whose forms redirect to another origin', () => {
    expect(pageCsp()).toContain("form-action 'self'");
    expect(pageCsp({ formAction: false })).not.toContain('form-action');
    expect(pageCsp({ formAction: false })).toContain("frame-ancestors 'none'");
  });
});
