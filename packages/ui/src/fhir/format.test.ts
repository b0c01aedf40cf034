import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMoney,
  formatPeriod,
  formatQuantity,
  formatRange,
  formatRatio,
  joinParts,
  plural,
} from './format.ts';

describe('formatDate', () => {
  it('formats a date-only value on its own calendar day, whatever the viewer zone', () => {
    expect(formatDate('2021-09-17')).toBe('Sep 17, 2021');
    expect(formatDate('2021-01-01')).toBe('Jan 1, 2021');
  });

  it('keeps partial dates partial', () => {
    expect(formatDate('1964')).toBe('1964');
    expect(formatDate('1964-03')).toBe('Mar 1964');
  });

  it('shows a dateTime at the wall-clock time it was recorded, without shifting zones', () => {
    expect(formatDate('2021-09-17T11:30:00-04:00')).toBe('Sep 17, 2021, 11:30 AM');
    expect(formatDate('2021-11-23T23:59:00+09:00')).toBe('Nov 23, 2021, 11:59 PM');
    expect(formatDate('2021-11-23T12:30:00.123-05:00')).toBe('Nov 23, 2021, 12:30 PM');
  });

  it('marks times written in UTC', () => {
    expect(formatDate('2021-10-13T11:57:08Z')).toBe('Oct 13, 2021, 11:57 AM UTC');
  });

  it('returns undefined for no value and anything unparseable unchanged', () => {
    expect(formatDate(undefined)).toBeUndefined();
    expect(formatDate('')).toBeUndefined();
    expect(formatDate('last Tuesday')).toBe('last Tuesday');
  });
});

describe('formatPeriod', () => {
  it('shows one date when start and end are the same day', () => {
    expect(formatPeriod({ start: '2021-09-17', end: '2021-09-17' })).toBe('Sep 17, 2021');
  });

  it('shows only the end time when a period starts and ends on the same day', () => {
    expect(formatPeriod({ start: '2021-09-17T11:30:00-04:00', end: '2021-09-17T11:45:00-04:00' })).toBe(
      'Sep 17, 2021, 11:30 AM – 11:45 AM',
    );
  });

  it('shows both dates of a longer period, and open periods with since / until', () => {
    expect(formatPeriod({ start: '2023-04-10', end: '2023-04-12' })).toBe('Apr 10, 2023 – Apr 12, 2023');
    expect(formatPeriod({ start: '2021-07-01' })).toBe('since Jul 1, 2021');
    expect(formatPeriod({ end: '2022-11-23' })).toBe('until Nov 23, 2022');
    expect(formatPeriod({})).toBeUndefined();
    expect(formatPeriod(undefined)).toBeUndefined();
  });
});

describe('formatMoney', () => {
  it('formats amounts in their currency with cents and grouping', () => {
    expect(formatMoney({ value: 1118.39, currency: 'USD' })).toBe('$1,118.39');
    expect(formatMoney({ value: 52, currency: 'USD' })).toBe('$52.00');
    expect(formatMoney({ value: 0, currency: 'USD' })).toBe('$0.00');
    expect(formatMoney({ value: 10, currency: 'EUR' })).toBe('€10.00');
  });

  it('shows an amount without a currency or with an unknown code rather than failing', () => {
    expect(formatMoney({ value: 23760 })).toBe('23,760.00');
    expect(formatMoney({ value: 5, currency: 'NOT-A-CURRENCY' })).toBe('5 NOT-A-CURRENCY');
    expect(formatMoney({ currency: 'USD' })).toBeUndefined();
  });
});

describe('formatQuantity, formatRange and formatRatio', () => {
  it('puts the unit after the value, percent without a space, and the comparator first', () => {
    expect(formatQuantity({ value: 154.8, unit: 'cm', system: 'http://unitsofmeasure.org', code: 'cm' })).toBe(
      '154.8 cm',
    );
    expect(formatQuantity({ value: 7.6, unit: '%' })).toBe('7.6%');
    expect(formatQuantity({ comparator: '<', value: 7, unit: '%' })).toBe('< 7%');
    expect(formatQuantity({ value: 60, code: '{tbl}' })).toBe('60 {tbl}');
    expect(formatQuantity({ value: 1 })).toBe('1');
    expect(formatQuantity({ unit: 'cm' })).toBeUndefined();
  });

  it('writes a range once with the shared unit, and open ranges with ≥ / ≤', () => {
    expect(formatRange({ low: { value: 4, unit: '%' }, high: { value: 5.6, unit: '%' } })).toBe('4–5.6%');
    expect(formatRange({ low: { value: 4, unit: '%' } })).toBe('≥ 4%');
    expect(formatRange({ high: { value: 200, unit: 'mg/dL' } })).toBe('≤ 200 mg/dL');
  });

  it('writes a ratio as numerator / denominator', () => {
    expect(formatRatio({ numerator: { value: 1, unit: 'mg' }, denominator: { value: 5, unit: 'mL' } })).toBe(
      '1 mg / 5 mL',
    );
  });
});

describe('joinParts and plural', () => {
  it('joins only the parts that are present', () => {
    expect(joinParts(['a', undefined, '', false, 'b'])).toBe('a · b');
    expect(joinParts(['a', 'b'], ', ')).toBe('a, b');
  });

  it('counts in the singular for one and in the plural otherwise', () => {
    expect(plural(1, 'line')).toBe('1 line');
    expect(plural(0, 'line')).toBe('0 lines');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
