import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  accessHistoryQueryString,
  galleryQueryString,
  getGalleryApp,
  getMyData,
  listAccessHistory,
  listConnectedApps,
  listGallery,
  registerMember,
  revokeConnectedApp,
} from './member.ts';

/** Stubs fetch with one answer and returns the recorded calls as [url, method, body, accept]. */
function answer(status: number, body?: unknown) {
  const calls: [string, string, unknown, string][] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push([
      url,
      init.method ?? 'GET',
      init.body === undefined ? undefined : JSON.parse(String(init.body)),
      headers.Accept ?? '',
    ]);
    return body === undefined
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the member portal query strings', () => {
  it('search the gallery only with a search text', () => {
    expect(galleryQueryString(undefined)).toBe('');
    expect(galleryQueryString('   ')).toBe('');
    expect(galleryQueryString(' blue button ')).toBe('?q=blue+button');
  });

  it('page and filter the access history', () => {
    expect(accessHistoryQueryString({})).toBe('');
    expect(accessHistoryQueryString({ clientId: 'app/1', cursor: 'c&2', limit: 25 })).toBe(
      '?clientId=app%2F1&cursor=c%262&limit=25',
    );
    expect(accessHistoryQueryString({ cursor: '', limit: 10 })).toBe('?limit=10');
  });
});

describe('the member portal client functions', () => {
  it('call the paths, methods and bodies of the JSON API', async () => {
    const calls = answer(200, { apps: [] });
    await listGallery('acme');
    await getGalleryApp('client/1');
    await registerMember({ memberId: 'M1', birthDate: '1980-01-02', email: 'pat@example.com' });
    await listConnectedApps();
    await revokeConnectedApp('grant/1');
    await listAccessHistory({ clientId: 'c1', cursor: 'next' });
    await getMyData();
    expect(calls.map(([url, method, body]) => [method, url, body])).toEqual([
      ['GET', '/api/gallery?q=acme', undefined],
      ['GET', '/api/gallery/client%2F1', undefined],
      ['POST', '/api/account/registrations', { memberId: 'M1', birthDate: '1980-01-02', email: 'pat@example.com' }],
      ['GET', '/api/account/connected-apps', undefined],
      ['DELETE', '/api/account/connected-apps/grant%2F1', undefined],
      ['GET', '/api/account/access-history?clientId=c1&cursor=next', undefined],
      ['GET', '/api/account/my-data', undefined],
    ]);
    expect(calls.at(-1)?.[3]).toBe('application/fhir+json, application/json');
  });

  it('reject with the API error of a failed call', async () => {
    answer(404, { error: 'not_found', message: 'No such app.' });
    await expect(getGalleryApp('gone')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});
