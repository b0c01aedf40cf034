import { describe, expect, it } from 'vitest';
import { classifyUiPage, externalUrl, isSandboxUrl, navigationDecision, windowOpenDecision } from './url-guard.ts';

const ORIGIN = 'http://127.0.0.1:51234';

describe('externalUrl', () => {
  it('accepts absolute http and https URLs and returns them normalized', () => {
    expect(externalUrl('https://example.com/docs?a=1#x')).toBe('https://example.com/docs?a=1#x');
    expect(externalUrl('http://localhost:3000/launch?iss=x&launch=y')).toBe(
      'http://localhost:3000/launch?iss=x&launch=y',
    );
    expect(externalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
  });

  it('refuses other schemes, relative URLs, credentials, non-strings and very long URLs', () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'vscode://open',
      'smb://server/share',
      '/relative/path',
      'example.com',
      'https://user:pass@example.com/',
      'https://evil.example@good.example/',
      `https://example.com/${'a'.repeat(9000)}`,
    ]) {
      expect(externalUrl(bad), bad).toBeUndefined();
    }
    expect(externalUrl(42)).toBeUndefined();
    expect(externalUrl(undefined)).toBeUndefined();
    expect(externalUrl({ href: 'https://example.com' })).toBeUndefined();
  });
});

describe('isSandboxUrl', () => {
  it('matches only the exact origin: scheme, host and port', () => {
    expect(isSandboxUrl(`${ORIGIN}/apps/1`, ORIGIN)).toBe(true);
    expect(isSandboxUrl('http://127.0.0.1:51235/apps', ORIGIN)).toBe(false);
    expect(isSandboxUrl('http://localhost:51234/apps', ORIGIN)).toBe(false);
    expect(isSandboxUrl('https://127.0.0.1:51234/apps', ORIGIN)).toBe(false);
    expect(isSandboxUrl('http://127.0.0.1:51234.evil.com/', ORIGIN)).toBe(false);
  });

  it('matches nothing while the server has no origin yet, nor garbage', () => {
    expect(isSandboxUrl(`${ORIGIN}/`, undefined)).toBe(false);
    expect(isSandboxUrl('not a url', ORIGIN)).toBe(false);
    expect(isSandboxUrl('data:text/html,x', 'data:text/html,x')).toBe(false);
  });
});

describe('navigationDecision and windowOpenDecision', () => {
  it('keeps the sandbox in the window, sends other web addresses to the browser and refuses the rest', () => {
    expect(navigationDecision(`${ORIGIN}/launches`, ORIGIN)).toBe('allow');
    expect(navigationDecision('https://hl7.org/fhir/', ORIGIN)).toBe('open-external');
    expect(navigationDecision('file:///home/me/.ssh/id_rsa', ORIGIN)).toBe('deny');
    expect(navigationDecision('javascript:alert(1)', ORIGIN)).toBe('deny');
  });

  it('never opens a new window: Launch App and same-origin links go to the system browser', () => {
    expect(windowOpenDecision('http://localhost:3000/launch?iss=x')).toBe('open-external');
    expect(windowOpenDecision(`${ORIGIN}/api/openapi.json`)).toBe('open-external');
    expect(windowOpenDecision('about:blank')).toBe('deny');
    expect(windowOpenDecision('file:///tmp/x.html')).toBe('deny');
  });
});

describe('classifyUiPage', () => {
  it('remembers sandbox pages and ignores the rest (the status page, other sites)', () => {
    expect(classifyUiPage(`${ORIGIN}/launches/7?tab=tokens`, ORIGIN)).toEqual({
      kind: 'place',
      url: `${ORIGIN}/launches/7?tab=tokens`,
    });
    expect(classifyUiPage('data:text/html,starting', ORIGIN)).toEqual({ kind: 'other' });
    expect(classifyUiPage('https://example.com/login', ORIGIN)).toEqual({ kind: 'other' });
    expect(classifyUiPage(`${ORIGIN}/apps`, undefined)).toEqual({ kind: 'other' });
  });

  it('recognises the sign-in page and keeps only a safe path to return to', () => {
    expect(classifyUiPage(`${ORIGIN}/login?next=%2Fpatients%3Fq%3Dx`, ORIGIN)).toEqual({
      kind: 'signed-out',
      next: '/patients?q=x',
    });
    expect(classifyUiPage(`${ORIGIN}/login`, ORIGIN)).toEqual({ kind: 'signed-out', next: '/' });
    for (const bad of ['//evil.example/', '/\\evil.example', 'https://evil.example/', '/login?next=/x']) {
      expect(classifyUiPage(`${ORIGIN}/login?next=${encodeURIComponent(bad)}`, ORIGIN)).toEqual({
        kind: 'signed-out',
        next: '/',
      });
    }
  });
});
