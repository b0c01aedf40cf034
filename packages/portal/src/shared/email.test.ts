import { describe, expect, it } from 'vitest';
import { emailField, normalizeEmail } from './email.ts';
import { hasUnsafeCharacters, lineField } from './text.ts';

/** The first message of a failed parse, or the parsed value. */
function parse(schema: ReturnType<typeof emailField> | ReturnType<typeof lineField>, value: unknown): string {
  const result = schema.safeParse(value);
  return result.success ? result.data : `error: ${result.error.issues[0]?.message}`;
}

describe('emailField', () => {
  it('normalizes: trimmed, NFKC, lower-cased', () => {
    expect(normalizeEmail('  Ada@Wallet.Example ')).toBe('ada@wallet.example');
    expect(parse(emailField(), '\uFF21da\uFF20wallet.example')).toBe('ada@wallet.example');
  });

  it.each([
    [undefined, 'Email is required.'],
    [42, 'Email must be a string.'],
    ['   ', 'Email is required.'],
    ['Ada <ada@wallet.example>', 'one email address'],
    ['ada@wallet.example, eve@evil.example', 'one email address'],
    ['ada@wallet.example\r\nBcc: eve@evil.example', 'control or text-direction characters'],
    ['ada@wallet', 'one email address'],
    ['ada@@wallet.example', 'one email address'],
    ['ada\u0000@wallet.example', 'control or text-direction characters'],
    [`${'a'.repeat(250)}@w.example`, 'at most 254 characters'],
  ])('refuses %j', (value, message) => {
    expect(parse(emailField(), value)).toContain(message);
  });
});

describe('lineField', () => {
  it('trims and keeps ordinary names, accents included', () => {
    expect(parse(lineField('Name', 10), '  José Ñ  ')).toBe('José Ñ');
  });

  it.each([
    ['Ada\nVendor', 'control or text-direction characters'],
    ['Ada\u0007', 'control or text-direction characters'],
    ['A \u202Egro', 'control or text-direction characters'],
    ['Ada \u2067x\u2069', 'control or text-direction characters'],
    ['', 'Name is required.'],
    ['x'.repeat(11), 'at most 10 characters'],
  ])('refuses %j', (value, message) => {
    expect(parse(lineField('Name', 10), value)).toContain(message);
  });

  it('hasUnsafeCharacters refuses a tab and accepts ordinary text in any script', () => {
    expect(hasUnsafeCharacters('a\tb')).toBe(true);
    expect(hasUnsafeCharacters('Wallet Inc. — 日本')).toBe(false);
  });
});
