import { describe, expect, it } from 'vitest';
import { statusPageHtml, statusPageUrl } from './status-page.ts';

describe('statusPageHtml', () => {
  it('says the server stopped, when it will be tried again, and where the log is', () => {
    const html = statusPageHtml(
      {
        state: 'restarting',
        message: 'The sandbox server stopped unexpectedly (exit code 1).',
        attempt: 2,
        retryInMs: 1000,
      },
      '/u/logs/main.log',
    );
    expect(html).toContain('<h1>The sandbox server stopped: restarting it</h1>');
    expect(html).toContain('The sandbox server stopped unexpectedly (exit code 1).');
    expect(html).toContain('Attempt 2: trying again in 1 s.');
    expect(html).toContain('<code>/u/logs/main.log</code>');
  });

  it('tells what to do when it gave up', () => {
    const html = statusPageHtml({ state: 'failed', message: 'Gave up.', attempt: 6 }, 'l');
    expect(html).toContain('could not be started');
    expect(html).toContain('File → Reset Sandbox');
  });

  it('escapes what it shows and allows no script', () => {
    const html = statusPageHtml({ state: 'failed', message: '<img src=x onerror=alert(1)>' }, '"/tmp/<b>"');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('&#34;/tmp/&#60;b&#62;&#34;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script/i);
  });

  it('is loadable as a data URL that decodes back to the page', () => {
    const url = statusPageUrl({ state: 'starting', message: 'Starting the sandbox server…' }, 'l');
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(
      statusPageHtml({ state: 'starting', message: 'Starting the sandbox server…' }, 'l'),
    );
  });
});
