/**
 * National Provider Identifiers: 9 digits and a check digit computed with the Luhn formula over the
 * digits prefixed with 80840 (the ISO health-industry prefix), as CMS specifies.
 */

/** The Luhn check digit of an NPI's first nine digits. */
export function npiCheckDigit(base9: string): number {
  if (!/^\d{9}$/.test(base9)) throw new Error(`npiCheckDigit: expected 9 digits, got "${base9}"`);
  const digits = `80840${base9}`;
  let sum = 0;
  // Double every second digit counting from the right of the payload (the check digit's neighbour first).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether a 10-digit NPI has a valid check digit. */
export function isValidNpi(npi: string): boolean {
  return /^\d{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}

const SPACE = 100_000_000;
// Multiplying by a number coprime to 10^8 permutes [0, 10^8): distinct indices get distinct NPIs.
const STRIDE = 37_139_213;

/**
 * The NPI of the index-th provider of one series: a bijection of the index into 8 digits after the
 * series' first digit (practitioners and organizations use different series), so NPIs never repeat
 * within a directory of up to 10^8 providers and look unordered.
 */
export function npiFor(series: 1 | 2, index: number, offset: number): string {
  const body = (((index * STRIDE + offset) % SPACE) + SPACE) % SPACE;
  const base9 = `${series}${String(body).padStart(8, '0')}`;
  return `${base9}${npiCheckDigit(base9)}`;
}
