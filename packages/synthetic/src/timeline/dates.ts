/** Calendar arithmetic on YYYY-MM-DD strings in UTC, so no result depends on the machine's time zone. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${date}`);
  return Math.floor(ms / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** The same calendar day `years` later (Feb 29 becomes Feb 28 in a common year). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The same day `months` later, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Whole years from `birthDate` to `on`. */
export function ageOn(birthDate: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5, 10) < birthDate.slice(5, 10)) age--;
  return age;
}

/** Whole months from `birthDate` to `on`. */
export function monthsOld(birthDate: string, on: string): number {
  let months =
    (Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4))) * 12 +
    Number(on.slice(5, 7)) -
    Number(birthDate.slice(5, 7));
  if (on.slice(8, 10) < birthDate.slice(8, 10)) months--;
  return months;
}

/** 0 = Sunday. */
export function weekday(date: string): number {
  return (dayNumber(date) + 4) % 7;
}

/** Moves a weekend date to the following Monday: clinics see members on weekdays. */
export function weekdayOnOrAfter(date: string): string {
  const wd = weekday(date);
  return wd === 6 ? addDays(date, 2) : wd === 0 ? addDays(date, 1) : date;
}

export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** Standard UTC offset in hours of the states in us-places.json (Arizona keeps standard time all year). */
const STANDARD_OFFSET: Record<string, number> = { IL: -6, TX: -6, CO: -7, AZ: -7 };

/** The nth Sunday of a month (n = 1 first). */
function nthSunday(year: number, month: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  return addDays(first, ((7 - weekday(first)) % 7) + (n - 1) * 7);
}

/** UTC offset like `-04:00` of local time on a date in a state (US daylight saving rules since 2007). */
export function utcOffset(state: string, date: string): string {
  const standard = STANDARD_OFFSET[state] ?? -5;
  const year = Number(date.slice(0, 4));
  const dst = state !== 'AZ' && date >= nthSunday(year, 3, 2) && date < nthSunday(year, 11, 1);
  const hours = standard + (dst ? 1 : 0);
  return `-${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

/** ISO dateTime with offset of a local time of day given in minutes after midnight. */
export function localDateTime(date: string, minutes: number, state: string): string {
  const day = addDays(date, Math.floor(minutes / 1440));
  const m = ((minutes % 1440) + 1440) % 1440;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:00${utcOffset(state, day)}`;
}
