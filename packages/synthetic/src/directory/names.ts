import type { Rng } from '../rng.ts';
import type { OrgKind } from './codes.ts';
import { COMMON_FIRST, COMMON_SURNAMES, FAKER_FIRST, FAKER_SURNAMES } from './names-data.ts';

/** A surname: three in four from the common US surnames, the rest from faker's list. */
export function surname(rng: Rng): string {
  return rng.chance(0.75) || FAKER_SURNAMES.length === 0 ? rng.pick(COMMON_SURNAMES) : rng.pick(FAKER_SURNAMES);
}

/** A first name of the given sex: four in five common ones, the rest from faker's list. */
export function firstName(rng: Rng, sex: 'female' | 'male'): string {
  const tail = FAKER_FIRST[sex];
  return rng.chance(0.8) || tail.length === 0 ? rng.pick(COMMON_FIRST[sex]) : rng.pick(tail);
}

const SAINTS = ['Joseph', 'Mary', 'Luke', 'Francis', 'Vincent', 'Elizabeth', 'Anthony', 'John', 'Catherine', 'Ann'];
const STREETS = [
  'Main',
  'Oak',
  'Maple',
  'Elm',
  'Washington',
  'Park',
  'Lake',
  'Hill',
  'Church',
  'High',
  'Market',
  'Broad',
  'Franklin',
  'Jefferson',
  'Lincoln',
  'Madison',
  'Walnut',
  'Cedar',
  'Pine',
  'Chestnut',
  'Spring',
  'River',
  'Mill',
  'Union',
  'Center',
  'Sycamore',
  'Dogwood',
  'Ridge',
  'Meadow',
  'Highland',
  'Forest',
  'Grant',
  'Jackson',
  'Kenwood',
  'Fairview',
  'Riverside',
  'Summit',
  'Woodland',
  'Harrison',
  'Prospect',
];
const NUMBERED = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '10th', '12th', '15th'];
const SUFFIXES = ['St', 'St', 'St', 'Ave', 'Ave', 'Rd', 'Rd', 'Blvd', 'Dr', 'Pkwy'];
const DIRECTIONS = ['N', 'S', 'E', 'W'];

/** A plausible US street line: "1420 W Maple Ave", sometimes with a suite. */
export function streetLine(rng: Rng, withSuite: boolean): { line: string; street: string } {
  const numbered = rng.chance(0.2);
  const street = numbered
    ? `${rng.pick(NUMBERED)} ${rng.pick(['St', 'Ave'])}`
    : `${rng.pick(STREETS)} ${rng.pick(SUFFIXES)}`;
  const direction = rng.chance(0.25) ? `${rng.pick(DIRECTIONS)} ` : '';
  let line = `${rng.int(100, 9899)} ${direction}${street}`;
  if (withSuite && rng.chance(0.6)) line += `, Suite ${rng.int(1, 5)}${rng.int(0, 3)}${rng.int(0, 9)}`;
  return { line, street };
}

/** A provider organization's name for its kind, from surnames, saints and its city. */
export function orgName(rng: Rng, kind: OrgKind, city: string): string {
  const family = (): string => surname(rng);
  switch (kind) {
    case 'hospital':
      return rng.pick([
        () => `${city} General Hospital`,
        () => `${city} Regional Medical Center`,
        () => `St. ${rng.pick(SAINTS)} Hospital`,
        () => `${family()} Memorial Hospital`,
        () => `Mercy Medical Center ${city}`,
        () => `${city} Community Hospital`,
      ])();
    case 'clinic':
      return rng.pick([
        () => `${family()} Medical Group`,
        () => `${city} Family Health Center`,
        () => `${city} Primary Care Associates`,
        () => `${family()} & ${family()} Medical Associates`,
        () => `${family()} Family Practice`,
        () => `${city} Internal Medicine & Pediatrics`,
        () => `${family()} Health Partners`,
        () => `${rng.pick(['North', 'South', 'East', 'West'])} ${city} Medical Clinic`,
      ])();
    case 'pharmacy':
      return rng.pick([
        () => `${family()} Pharmacy`,
        () => `${city} Community Pharmacy`,
        () => `${family()} Family Pharmacy`,
        () => `${family()}'s Drug Store`,
        () => `${city} Apothecary`,
        () => `Hometown Pharmacy of ${city}`,
      ])();
    case 'lab':
      return rng.pick([
        () => `${city} Clinical Laboratory`,
        () => `${family()} Diagnostics`,
        () => `${city} Pathology Associates`,
        () => `${family()} Medical Laboratory`,
      ])();
    case 'dental':
      return rng.pick([
        () => `${family()} Family Dentistry`,
        () => `${city} Dental Care`,
        () => `${family()} Dental Group`,
        () => `${city} Dental Associates`,
        () => `${family()} & ${family()} DDS`,
      ])();
  }
}

/** A web domain for an organization name (under example.org, so no real site is implied). */
export function domainOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 40);
  return `${slug || 'provider'}.example.org`;
}

/** A US phone number in national format, e.g. "(614) 555-0142". */
export function phone(rng: Rng, areaCode: string): string {
  return `(${areaCode}) ${rng.int(200, 989)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}
