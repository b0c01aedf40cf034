// Checks the forms run before sending: quick feedback beside the field. The server checks again and has the last word.

// The server's rule: one mailbox, no display name, no list.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

/** An address such as dev@app.example (one @, a dotted domain, no spaces or brackets). */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** An absolute http(s) URL with a host, as a website or policy link must be. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A phone number as people type it: digits with spaces, dots, dashes, brackets and a leading +; 7 to 15 digits. */
export function isPhoneNumber(value: string): boolean {
  const text = value.trim();
  if (!/^\+?[\d\s().-]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/**
 * Splits the API's field errors into those the form shows beside its inputs and the rest (for a summary alert).
 * `aliases` maps an API field to a differently named input (e.g. the API's `password` onto `newPassword`).
 */
export function splitFieldErrors<K extends string>(
  fields: Record<string, string>,
  known: readonly K[],
  aliases: Partial<Record<string, K>> = {},
): { fieldErrors: Partial<Record<K, string>>; unmatched: Record<string, string> } {
  const fieldErrors: Partial<Record<K, string>> = {};
  const unmatched: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const field = aliases[key] ?? (known as readonly string[]).find((name) => name === key);
    if (field === undefined) unmatched[key] = message;
    else
      fieldErrors[field as K] =
        fieldErrors[field as K] === undefined ? message : `${fieldErrors[field as K]} ${message}`;
  }
  return { fieldErrors, unmatched };
}

/** A wait for people: "30 seconds", "1 minute", "15 minutes", "2 hours" (rounded up, never "0 seconds"). */
export function formatWait(seconds: number): string {
  const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`;
  if (seconds < 60) return unit(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return unit(Math.ceil(seconds / 60), 'minute');
  return unit(Math.ceil(seconds / 3600), 'hour');
}
