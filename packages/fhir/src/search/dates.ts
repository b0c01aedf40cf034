/** An inclusive millisecond range (both ends are instants that belong to the range). */
export interface DateRange {
  start: number;
  end: number;
}

// YYYY[-MM[-DD[Thh:mm[:ss[.f+]][zone]]]]; the zone is Z or ±hh:mm.
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Milliseconds since the epoch for a UTC wall time; valid for years 0001-9999 (Date.UTC maps 0-99 to 19xx). */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  d.setUTCFullYear(year);
  return d.getTime();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function zoneOffsetMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * The inclusive millisecond range a FHIR date, dateTime or instant literal stands for, by its
 * precision: `2024` is the whole year, `2024-02` all of February (29 days in a leap year),
 * `2024-02-03T10:15` that minute, `...:05.5` that tenth of a second. A value without a zone is read
 * as UTC (FHIR leaves it to the server; UTC keeps results independent of the host's zone). Digits
 * past milliseconds are truncated. Returns undefined for anything malformed or out of range.
 */
export function dateRange(literal: string): DateRange | undefined {
  const m = DATE_RE.exec(literal);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  if (year < 1) return undefined;
  if (mo === undefined) return { start: utc(year, 1, 1), end: utc(year + 1, 1, 1) - 1 };
  const month = Number(mo);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) {
    const start = utc(year, month, 1);
    return { start, end: start + daysInMonth(year, month) * 86_400_000 - 1 };
  }
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  if (h === undefined || mi === undefined) {
    const start = utc(year, month, day);
    return { start, end: start + 86_400_000 - 1 };
  }
  const hour = Number(h);
  const minute = Number(mi);
  // 24:00 is not a FHIR time; a leap second (60) is allowed by the FHIR regex and read as :59.
  if (hour > 23 || minute > 59) return undefined;
  const offset = zoneOffsetMs(zone);
  if (offset === undefined) return undefined;
  let width: number;
  let second = 0;
  let ms = 0;
  if (s === undefined) {
    width = 60_000;
  } else {
    second = Math.min(Number(s), 59);
    if (Number(s) > 60) return undefined;
    if (frac === undefined) {
      width = 1000;
    } else {
      const digits = Math.min(frac.length, 3);
      ms = Number(frac.slice(0, digits).padEnd(3, '0'));
      width = 10 ** (3 - digits);
    }
  }
  const start = utc(year, month, day, hour, minute, second, ms) - offset;
  return { start, end: start + width - 1 };
}
