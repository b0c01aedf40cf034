import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

const at = () => new Date('2026-12-06T10:00:00.000Z');

describe('createLogger', () => {
  it('writes one JSON object per line: time, level, message, details (errors with name, message and code)', () => {
    const lines: string[] = [];
    const log = createLogger('json', (line) => lines.push(line), at);
    log.info('started', { port: 4020 });
    log.error('failed', { error: Object.assign(new Error('boom'), { code: 'ECONNREFUSED' }) });
    log.request({ id: 'r1', method: 'GET', path: '/api/apps', status: 200, durationMs: 3.25 });
    const [started, failed, request] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(started).toEqual({ time: '2026-12-06T10:00:00.000Z', level: 'info', msg: 'started', port: 4020 });
    expect(failed).toMatchObject({
      level: 'error',
      msg: 'failed',
      error: { name: 'Error', message: 'boom', code: 'ECONNREFUSED' },
    });
    expect(request).toEqual({
      time: '2026-12-06T10:00:00.000Z',
      level: 'info',
      msg: 'request',
      id: 'r1',
      method: 'GET',
      path: '/api/apps',
      status: 200,
      durationMs: 3.25,
    });
  });

  it('writes readable lines for a person at a terminal', () => {
    const lines: string[] = [];
    const log = createLogger('text', (line) => lines.push(line), at);
    log.request({ id: 'r1', method: 'POST', path: '/api/session', status: 401, durationMs: 12 });
    log.error('SMTP is down');
    expect(lines).toEqual([
      '2026-12-06T10:00:00.000Z POST /api/session 401 12 ms r1',
      '2026-12-06T10:00:00.000Z ERROR SMTP is down',
    ]);
  });
});
