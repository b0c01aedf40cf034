import { describe, expect, it } from 'vitest';
import { formatInstant, textTable, wrap } from './format.ts';

describe('formatInstant', () => {
  it('writes an instant in UTC to the minute, the same on every machine', () => {
    expect(formatInstant('2026-07-01T12:34:56.789Z')).toBe('2026-07-01 12:34 UTC');
    expect(formatInstant('2026-07-01T08:00:00-04:00')).toBe('2026-07-01 12:00 UTC');
  });

  it('leaves a value that is not an instant as it is', () => {
    expect(formatInstant('soon')).toBe('soon');
  });
});

describe('textTable', () => {
  it('aligns the values, indents continuation lines under the value and leaves out empty rows', () => {
    expect(
      textTable([
        ['App', 'Wallet'],
        ['Client ID', 'abc'],
        ['Notes', 'one\ntwo'],
        ['Empty', ''],
        ['Missing', undefined],
      ]),
    ).toBe(['  App:       Wallet', '  Client ID: abc', '  Notes:     one', '             two'].join('\n'));
  });
});

describe('wrap', () => {
  it('breaks a paragraph on spaces so no line is longer than the width', () => {
    const text = 'The plan reviewers check the registration and answer at this address when it is approved.';
    const lines = wrap(text, 30).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines.join(' ')).toBe(text);
  });

  it('puts a word longer than the width on a line of its own', () => {
    expect(wrap('see https://example.com/a/very/long/path now', 10)).toBe(
      'see\nhttps://example.com/a/very/long/path\nnow',
    );
  });
});
