import type { Money, Period, Quantity, Range, Ratio } from 'fhir/r4';

const LOCALE = 'en-US';

// FHIR dates and dateTimes are shown as written (the wall clock of the source), never shifted into the
// viewer's zone: a date-only "2021-09-17" must not turn into Sep 16 west of UTC.
const FHIR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

const monthYear = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'short', year: 'numeric' });
const dayOnly = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', timeStyle: 'short' });
const dayTime = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' });

/** Intl may put narrow no-break spaces before AM/PM; plain spaces keep text searchable and predictable. */
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/**
 * Formats a FHIR date or dateTime for people: "1964", "Mar 1964", "Mar 11, 1964", "Sep 17, 2021, 11:30 AM"
 * (times in UTC get a "UTC" suffix). Returns undefined for no value and the input itself when it is not a
 * FHIR date.
 */
export function formatDate(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const m = FHIR_DATE.exec(value);
  if (m === null) return value;
  const [, y, mo, d, h, mi, zone] = m;
  const year = Number(y);
  if (mo === undefined) return String(year);
  const month = Number(mo) - 1;
  if (d === undefined) return plainSpaces(monthYear.format(new Date(Date.UTC(year, month, 1))));
  if (h === undefined || mi === undefined)
    return plainSpaces(dayOnly.format(new Date(Date.UTC(year, month, Number(d)))));
  const text = plainSpaces(dayTime.format(new Date(Date.UTC(year, month, Number(d), Number(h), Number(mi)))));
  return zone === 'Z' ? `${text} UTC` : text;
}

/** The time of a dateTime alone ("11:45 AM"), as written. */
function formatTime(value: string): string | undefined {
  const m = FHIR_DATE.exec(value);
  if (m?.[4] === undefined || m[5] === undefined) return undefined;
  return plainSpaces(timeOnly.format(new Date(Date.UTC(2000, 0, 1, Number(m[4]), Number(m[5])))));
}

/**
 * Formats a Period: one date when start and end agree, "start – end" (the end's time alone when both fall on
 * the same day: "Sep 17, 2021, 11:30 AM – 11:45 AM"), "since start" or "until end".
 */
export function formatPeriod(period: Period | undefined): string | undefined {
  if (period === undefined) return undefined;
  const start = formatDate(period.start);
  const end = formatDate(period.end);
  if (start !== undefined && end !== undefined) {
    if (start === end) return start;
    const sameDay = period.start?.slice(0, 10) === period.end?.slice(0, 10) && (period.end?.length ?? 0) > 10;
    const endTime = sameDay && period.end !== undefined ? formatTime(period.end) : undefined;
    return `${start} – ${endTime ?? end}`;
  }
  if (start !== undefined) return `since ${start}`;
  if (end !== undefined) return `until ${end}`;
  return undefined;
}

/** Formats a number with grouping and up to six decimals, as written ("1,118.39", "154.8"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 }).format(value);
}

/** Formats Money in its currency ("$1,118.39"); without a currency, the bare amount with two decimals. */
export function formatMoney(money: Money | undefined): string | undefined {
  if (money?.value === undefined) return undefined;
  if (money.currency === undefined) {
    return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(money.value);
  }
  try {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency: money.currency }).format(money.value);
  } catch {
    // An unknown currency code (RangeError) still deserves its amount.
    return `${formatNumber(money.value)} ${money.currency}`;
  }
}

/** Formats a Quantity with its comparator and unit ("154.8 cm", "7.6%", "< 7%"). */
export function formatQuantity(quantity: Quantity | undefined): string | undefined {
  if (quantity?.value === undefined) return undefined;
  const unit = quantity.unit ?? quantity.code;
  const number = formatNumber(quantity.value);
  const amount = unit === undefined || unit === '' ? number : unit === '%' ? `${number}%` : `${number} ${unit}`;
  return quantity.comparator === undefined ? amount : `${quantity.comparator} ${amount}`;
}

/** Formats a Range ("4–5.6%", "≥ 4%", "≤ 5.6%"). */
export function formatRange(range: Range | undefined): string | undefined {
  if (range === undefined) return undefined;
  const low = formatQuantity(range.low);
  const high = formatQuantity(range.high);
  if (low !== undefined && high !== undefined) {
    const sameUnit = (range.low?.unit ?? range.low?.code) === (range.high?.unit ?? range.high?.code);
    const bareLow = sameUnit && range.low?.value !== undefined ? formatNumber(range.low.value) : low;
    return `${bareLow}–${high}`;
  }
  if (low !== undefined) return `≥ ${low}`;
  if (high !== undefined) return `≤ ${high}`;
  return undefined;
}

/** Formats a Ratio ("1 mg / 5 mL"). */
export function formatRatio(ratio: Ratio | undefined): string | undefined {
  const numerator = formatQuantity(ratio?.numerator);
  const denominator = formatQuantity(ratio?.denominator);
  if (numerator === undefined) return undefined;
  return denominator === undefined ? numerator : `${numerator} / ${denominator}`;
}

/** Joins the defined, non-empty parts with a separator (" · " by default). */
export function joinParts(parts: readonly (string | undefined | false)[], separator = ' · '): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(separator);
}

/** Singular or plural by count ("1 line", "3 lines"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
