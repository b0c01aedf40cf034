/** The shortest password accepted, in characters (code points after NFKC). */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest: enough for any passphrase, short enough that hashing it costs nothing extra. */
export const MAX_PASSWORD_LENGTH = 256;

// The most common passwords that are long enough to pass the length rule (breach corpora's top entries of 12+
// characters), lower-case; shorter common passwords already fail the length rule.
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '123123123123',
  '000000000000',
  '111111111111',
  'qwertyuiop12',
  'qwerty123456',
  'qwertyuiopasdfgh',
  'qwertyuiopasdfghjkl',
  'qazwsxedcrfv',
  'zaq12wsxcde3',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'asdfghjkl123',
  'abcdefghijkl',
  'abc123456789',
  'password1234',
  'password123!',
  'password12345',
  'passwordpassword',
  'p@ssw0rd1234',
  'p@ssword1234',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'changeme1234',
  'administrator',
  'football1234',
  'baseball1234',
  'monkey123456',
  'sunshine1234',
  'princess1234',
  'trustno1trustno1',
  'correcthorsebatterystaple',
]);

/**
 * What is wrong with a new password for the account with this (normalized) email, as a sentence for the
 * person choosing it, or undefined when it is acceptable: 12 to 256 characters after NFKC, not containing the
 * email or its local part (3+ characters, case-insensitive), not one character repeated, not a common password.
 */
export function passwordProblem(password: string, email: string, label = 'Password'): string | undefined {
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `${label} must be at least ${MIN_PASSWORD_LENGTH} characters long; it has ${length}.`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `${label} must be at most ${MAX_PASSWORD_LENGTH} characters long; it has ${length}.`;
  }
  const lower = normalized.toLowerCase();
  if (lower.includes(email)) return `${label} must not contain your email address.`;
  const local = email.slice(0, email.lastIndexOf('@'));
  if (local.length >= 3 && lower.includes(local)) {
    return `${label} must not contain the part of your email address before the "@" ("${local}").`;
  }
  if (new Set(normalized).size === 1) return `${label} must not be one character repeated.`;
  if (COMMON_PASSWORDS.has(lower)) return `${label} is one of the most common passwords; choose a less guessable one.`;
  return undefined;
}
