import { describe, expect, it } from 'vitest';
import { urlProblem } from './urls.ts';

describe('urlProblem', () => {
  it.each([
    'https://app.example.com/callback',
    'https://app.example.com:8443/cb?x=1',
    'http://localhost:3000/callback',
    'http://127.0.0.1/cb',
    'http://[::1]:8080/cb',
  ])('accepts %s', (url) => {
    expect(urlProblem('Redirect URI', url)).toBeUndefined();
  });

  it.each([
    ['app.example.com/callback', 'must be an absolute URL'],
    ['/callback', 'must be an absolute URL'],
    ['http://app.example.com/callback', 'http is allowed only for localhost, 127.0.0.1 and [::1]'],
    ['http://localhost.evil.com/cb', 'http is allowed only for localhost'],
    ['https://*.example.com/callback', 'cannot contain wildcards'],
    ['https://app.example.com/cb#done', 'cannot contain a fragment'],
    ['https://user:pw@app.example.com/cb', 'must not contain a user name or password'],
    ['ftp://app.example.com/cb', 'the scheme "ftp:" is not allowed'],
    ['https://exa mple.com/cb', 'is not a valid URL'],
  ])('rejects %s saying it %s', (url, expected) => {
    expect(urlProblem('Redirect URI', url)).toContain(expected);
  });

  it('names the field it checks in the message', () => {
    expect(urlProblem('The logo URL', 'nope')).toMatch(/^The logo URL must be an absolute URL/);
  });
});
