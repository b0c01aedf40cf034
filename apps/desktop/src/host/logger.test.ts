import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, formatLogLine, MAX_LINE_CHARS } from './logger.ts';

const T = new Date('2026-06-30T12:00:00.000Z');

describe('formatLogLine', () => {
  it('writes the time, the level, the message and the details as JSON', () => {
    expect(formatLogLine(T, 'info', 'Server ready', { url: 'http://127.0.0.1:5000' })).toBe(
      '2026-06-30T12:00:00.000Z INFO  Server ready {"url":"http://127.0.0.1:5000"}',
    );
    expect(formatLogLine(T, 'warn', 'plain')).toBe('2026-06-30T12:00:00.000Z WARN  plain');
  });

  it('keeps an error stack, including errors nested in details', () => {
    const error = new Error('boom');
    expect(formatLogLine(T, 'error', 'failed', error)).toContain('Error: boom\n    at ');
    expect(formatLogLine(T, 'error', 'failed', { error })).toContain('"message":"boom"');
  });

  it('caps a huge entry', () => {
    const line = formatLogLine(T, 'info', 'big', 'x'.repeat(100_000));
    expect(line).toHaveLength(MAX_LINE_CHARS);
    expect(line.endsWith(' [truncated]')).toBe(true);
  });
});

describe('createFileLogger', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-api-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the log folder and appends one line per entry', async () => {
    const file = join(dir, 'logs', 'main.log');
    const logger = createFileLogger({ file, now: () => T });
    logger.info('one');
    logger.error('two', { code: 'EADDRINUSE' });
    expect(await readFile(file, 'utf8')).toBe(
      '2026-06-30T12:00:00.000Z INFO  one\n2026-06-30T12:00:00.000Z ERROR two {"code":"EADDRINUSE"}\n',
    );
    expect(logger.file).toBe(file);
  });

  it('rotates before the file would pass the cap and keeps only the newest generations', async () => {
    const file = join(dir, 'main.log');
    const logger = createFileLogger({ file, maxBytes: 200, keep: 2, now: () => T });
    for (let i = 0; i < 40; i++) logger.info(`entry ${String(i).padStart(2, '0')} ${'.'.repeat(20)}`);
    expect((await readdir(dir)).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of ['main.log', 'main.log.1', 'main.log.2']) {
      expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(200);
    }
    const current = await readFile(file, 'utf8');
    const previous = await readFile(`${file}.1`, 'utf8');
    expect(current).toContain('entry 39');
    expect(current.startsWith('2026')).toBe(true);
    // The newest rotated file holds the entries right before the current file's first one.
    const firstCurrent = Number(/entry (\d+)/.exec(current)?.[1]);
    expect(previous).toContain(`entry ${String(firstCurrent - 1).padStart(2, '0')}`);
    expect(await readFile(`${file}.2`, 'utf8')).not.toContain('entry 00');
  });

  it('counts a file left by an earlier run toward the cap', async () => {
    const file = join(dir, 'main.log');
    await writeFile(file, 'x'.repeat(190) + '\n');
    createFileLogger({ file, maxBytes: 200, keep: 1, now: () => T }).info('after restart');
    expect((await readFile(`${file}.1`, 'utf8')).length).toBe(191);
    expect(await readFile(file, 'utf8')).toBe('2026-06-30T12:00:00.000Z INFO  after restart\n');
  });

  it('does not throw when the log cannot be written', () => {
    // A directory where the file should be: appendFileSync fails with EISDIR.
    const logger = createFileLogger({ file: dir, now: () => T });
    const echoed: string[] = [];
    const withEcho = createFileLogger({ file: dir, now: () => T, echo: (line) => echoed.push(line) });
    expect(() => logger.error('lost')).not.toThrow();
    withEcho.warn('still shown');
    expect(echoed).toEqual(['2026-06-30T12:00:00.000Z WARN  still shown']);
  });
});
