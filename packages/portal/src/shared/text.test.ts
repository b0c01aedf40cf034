import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacters, lineField, optionalMultilineField } from './text.ts';

const UNSAFE = 'must not contain control or text-direction characters';

/** The first message of a failed parse, or the parsed value. */
function parse(
  schema: { safeParse(value: unknown): { success: boolean; data?: unknown; error?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value) as
    { success: true; data: unknown } | { success: false; error: { issues: { message: string }[] } };
  return result.success ? result.data : `error: ${result.error.issues[0]?.message}`;
}

describe('unsafe text', () => {
  it.each([
    ['left-to-right mark', 'Wallet\u200E'],
    ['right-to-left mark', '\u200FWallet'],
    ['Arabic letter mark', 'Wallet\u061C'],
    ['left-to-right embedding', '\u202AWallet'],
    ['right-to-left override', 'Health \u202Etellaw'],
    ['pop directional formatting', 'Wallet\u202C'],
    ['left-to-right isolate', '\u2066Wallet'],
    ['first strong isolate', '\u2068Wallet\u2069'],
    ['line separator', 'Wallet\u2028App'],
    ['paragraph separator', 'Wallet\u2029App'],
    ['lone high surrogate', 'Wallet\uD83D'],
    ['lone low surrogate', '\uDE00Wallet'],
    ['C1 control', 'Wallet\u0085'],
    ['delete', 'Wallet\u007F'],
    ['escape', 'Wallet\u001B[31m'],
  ])('refuses a %s, in one line and in many', (_, value) => {
    expect(hasUnsafeCharacters(value)).toBe(true);
    expect(hasUnsafeCharacters(value, { multiline: true })).toBe(true);
    expect(parse(lineField('Name', 100), value)).toBe(
      `error: Name ${UNSAFE} (such as line breaks or right-to-left overrides).`,
    );
    expect(parse(optionalMultilineField('Description', 100), value)).toBe(
      `error: Description ${UNSAFE} (line breaks and tabs are fine).`,
    );
  });

  it('accepts emoji (paired surrogates) and every script', () => {
    for (const value of ['Wallet 😀', 'محفظة الصحة', 'Gesundheit — 日本', 'Zoë Ñ']) {
      expect(hasUnsafeCharacters(value), value).toBe(false);
      expect(parse(lineField('Name', 100), value)).toBe(value);
    }
  });

  it('line breaks and tabs only where text is multi-line', () => {
    expect(parse(lineField('Name', 100), 'Health\nWallet')).toContain(UNSAFE);
    expect(parse(lineField('Name', 100), 'Health\tWallet')).toContain(UNSAFE);
    expect(parse(optionalMultilineField('Description', 100), 'One.\r\n\tTwo.')).toBe('One.\r\n\tTwo.');
  });

  it('is checked after NFKC normalization, and the value is kept in NFC', () => {
    // "e" + combining acute (5 characters) is stored as one "é", and counted so.
    expect(parse(lineField('Name', 100), 'Cafe\u0301')).toBe('Caf\u00E9');
    expect(parse(lineField('Name', 4), 'Cafe\u0301')).toBe('Caf\u00E9');
  });
});
