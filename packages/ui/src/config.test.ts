import { describe, expect, it } from 'vitest';
import {
  appHref,
  CONFIG_ELEMENT_ID,
  DEFAULT_CONFIG,
  normalizeBasePath,
  parseMemberOidc,
  parseRuntimeConfig,
  readRuntimeConfig,
} from './config.ts';

const HOSTED = '{"mode":"hosted","basePath":"/developer","planName":"Acme Health Plan"}';

describe('parseRuntimeConfig', () => {
  it('reads the config the production server injects', () => {
    expect(parseRuntimeConfig(HOSTED)).toEqual({
      mode: 'hosted',
      basePath: '/developer',
      planName: 'Acme Health Plan',
    });
  });

  it('reads the review area of the plan server', () => {
    expect(parseRuntimeConfig('{"mode":"review","basePath":"/review","planName":"Acme"}')).toEqual({
      mode: 'review',
      basePath: '/review',
      planName: 'Acme',
    });
  });

  it('reads the member portal, with its OpenID Connect button when the server has one', () => {
    expect(
      parseRuntimeConfig(
        '{"mode":"portal","basePath":"/","planName":"Acme","memberOidc":{"label":" Sign in with Acme ID "}}',
      ),
    ).toEqual({ mode: 'portal', basePath: '/', planName: 'Acme', memberOidc: { label: 'Sign in with Acme ID' } });
    expect(parseRuntimeConfig('{"mode":"portal","planName":"Acme"}')).toEqual({
      mode: 'portal',
      basePath: '/',
      planName: 'Acme',
    });
  });

  it('leaves the OpenID Connect button out when its config is wrong', () => {
    for (const value of [null, 'Sign in', [], {}, { label: 7 }, { label: '  ' }, { label: 'x'.repeat(81) }])
      expect(parseMemberOidc(value)).toBeUndefined();
    expect(parseRuntimeConfig('{"mode":"portal","memberOidc":{"label":""}}')).not.toHaveProperty('memberOidc');
    expect(parseMemberOidc({ label: 'Acme ID', extra: true })).toEqual({ label: 'Acme ID' });
  });

  it('gives the desktop sandbox defaults when the page has no config', () => {
    expect(parseRuntimeConfig(undefined)).toEqual({ mode: 'local', basePath: '/', planName: 'Plan API' });
    expect(parseRuntimeConfig(null)).toEqual(DEFAULT_CONFIG);
    expect(parseRuntimeConfig('  ')).toEqual(DEFAULT_CONFIG);
  });

  it('gives the defaults for text that is not a JSON object', () => {
    for (const text of ['{mode: hosted}', '[]', '"hosted"', 'null', '42'])
      expect(parseRuntimeConfig(text)).toEqual(DEFAULT_CONFIG);
  });

  it('falls back field by field when a field is missing or wrong', () => {
    expect(parseRuntimeConfig('{"mode":"hosted"}')).toEqual({ mode: 'hosted', basePath: '/', planName: 'Plan API' });
    expect(parseRuntimeConfig('{"mode":"admin","basePath":"/developer","planName":7}')).toEqual({
      mode: 'local',
      basePath: '/developer',
      planName: 'Plan API',
    });
    expect(parseRuntimeConfig(`{"planName":"${'x'.repeat(121)}"}`).planName).toBe('Plan API');
    expect(parseRuntimeConfig('{"planName":"  Acme  "}').planName).toBe('Acme');
  });

  it('does not share the defaults object (a caller may not change them for the next one)', () => {
    const config = parseRuntimeConfig(undefined);
    config.planName = 'Changed';
    expect(parseRuntimeConfig(undefined).planName).toBe('Plan API');
  });
});

describe('normalizeBasePath', () => {
  it('keeps one leading slash and no trailing slash', () => {
    expect(normalizeBasePath('/developer')).toBe('/developer');
    expect(normalizeBasePath('/developer/')).toBe('/developer');
    expect(normalizeBasePath('developer')).toBe('/developer');
    expect(normalizeBasePath('/a/b-c_d.e')).toBe('/a/b-c_d.e');
    expect(normalizeBasePath('/')).toBe('/');
    expect(normalizeBasePath('')).toBe('/');
  });

  it('refuses what is not a plain path on this site', () => {
    for (const value of ['//evil.example', 'https://evil.example/x', '/a/../b', '/a?b=c', '/a#b', '/a b', '/a//b'])
      expect(normalizeBasePath(value)).toBeUndefined();
  });

  it('falls back to / in the config when the base path is refused', () => {
    expect(parseRuntimeConfig('{"basePath":"//evil.example"}').basePath).toBe('/');
  });
});

describe('readRuntimeConfig', () => {
  it('reads the JSON script element of the page', () => {
    const doc = {
      getElementById: (id: string) => (id === CONFIG_ELEMENT_ID ? ({ textContent: HOSTED } as HTMLElement) : null),
    };
    expect(readRuntimeConfig(doc).mode).toBe('hosted');
    expect(readRuntimeConfig({ getElementById: () => null })).toEqual(DEFAULT_CONFIG);
  });
});

describe('appHref', () => {
  it('puts a path under the base path', () => {
    expect(appHref('/developer', '/sign-in')).toBe('/developer/sign-in');
    expect(appHref('/developer', 'sign-in')).toBe('/developer/sign-in');
    expect(appHref('/', '/sign-in')).toBe('/sign-in');
  });
});
