import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  apiRequest,
  errorFromResponse,
  isRateLimited,
  isSessionLost,
  isUnauthorized,
  parseRetryAfter,
} from './client.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('errorFromResponse', () => {
  it('maps the API error body to code, message and field errors', async () => {
    const error = await errorFromResponse(
      json(400, {
        error: 'validation_failed',
        message: 'Check the highlighted fields.',
        fields: { email: 'Enter an email address.', phone: 7 },
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Check the highlighted fields.' });
    // Only string messages are fields a form can show.
    expect(error.fields).toEqual({ email: 'Enter an email address.' });
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('keeps the wait of a 429 from Retry-After', async () => {
    const error = await errorFromResponse(
      json(429, { error: 'rate_limited', message: 'Too many attempts.' }, { 'Retry-After': '120' }),
    );
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 120 });
    expect(isRateLimited(error)).toBe(true);
  });

  it('names the status when the body is not an API error (a proxy page, an empty body)', async () => {
    const error = await errorFromResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error).toMatchObject({ status: 502, code: 'http_error', message: 'The sandbox answered 502 Bad Gateway.' });
    expect((await errorFromResponse(new Response(null, { status: 500 }))).message).toBe('The sandbox answered 500.');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:30 GMT', now)).toBe(90);
  });

  it('gives 0 for a date already past, and undefined when absent or unreadable', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('isSessionLost', () => {
  it('is a 401 other than a wrong email or password', () => {
    expect(isSessionLost(new ApiError(401, 'unauthorized', 'Sign in.'))).toBe(true);
    expect(isSessionLost(new ApiError(401, 'invalid_credentials', 'Email or password is wrong.'))).toBe(false);
    expect(isUnauthorized(new ApiError(401, 'invalid_credentials', 'Email or password is wrong.'))).toBe(true);
    expect(isSessionLost(new ApiError(403, 'forbidden', 'No.'))).toBe(false);
    expect(isSessionLost(new Error('401'))).toBe(false);
  });
});

describe('apiRequest', () => {
  it('sends JSON with X-Requested-With on changes, and answers undefined for 204', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiRequest('/session', { method: 'DELETE' })).resolves.toBeUndefined();
    await apiRequest('/vendor/password', { method: 'PUT', body: { currentPassword: 'a', newPassword: 'b' } });
    const [url, init] = fetchMock.mock.calls[1] ?? [];
    expect(url).toBe('/api/vendor/password');
    expect(init).toMatchObject({ method: 'PUT', credentials: 'same-origin' });
    expect(init?.headers).toMatchObject({ 'X-Requested-With': 'plan-api', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ currentPassword: 'a', newPassword: 'b' });
  });

  it('does not send X-Requested-With on reads', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => json(200, []));
    vi.stubGlobal('fetch', fetchMock);
    await apiRequest('/vendor/api-keys');
    expect(fetchMock.mock.calls[0]?.[1]?.headers).not.toHaveProperty('X-Requested-With');
  });

  it('rejects with the mapped ApiError of an error answer', async () => {
    vi.stubGlobal('fetch', async () =>
      json(401, { error: 'invalid_credentials', message: 'Email or password is wrong.' }),
    );
    await expect(apiRequest('/session', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 401,
      code: 'invalid_credentials',
    });
  });

  it('turns a network failure into status 0, and lets an abort through as it is', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiRequest('/session')).rejects.toMatchObject({ status: 0, code: 'network_error' });
    vi.stubGlobal('fetch', async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(apiRequest('/session')).rejects.toMatchObject({ name: 'AbortError' });
  });
});
