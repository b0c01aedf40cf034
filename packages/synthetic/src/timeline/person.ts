import { en, en_US, Faker } from '@faker-js/faker';
import type { Coded, Person, Sex } from '../model.ts';
import type { Rng } from '../rng.ts';
import { SYSTEMS, type Place, type Terminology } from '../terminology.ts';
import { addDays, addYears } from './dates.ts';

/** Where and who: the ages and sex a scenario allows. */
export interface PersonSpec {
  minAge: number;
  maxAge: number;
  sex?: Sex;
}

/** A Faker drawing from an Rng, so names and streets follow the seed (never faker's global state). */
export function seededFaker(rng: Rng): Faker {
  return new Faker({ locale: [en_US, en], randomizer: { next: () => rng.next(), seed: () => undefined } });
}

/** The plan's home state: most members live there (the first place of us-places.json). */
export function homeState(places: readonly Place[]): string {
  const first = places[0];
  if (!first) throw new Error('timeline: no places');
  return first.state;
}

/** Real area codes of the cities' states; numbers use the 555-01xx range reserved for fiction. */
const AREA_CODES: Record<string, readonly string[]> = {
  OH: ['614', '216', '513', '419', '330', '937', '440', '740'],
  PA: ['412', '215', '717', '814'],
  MI: ['313', '734', '616', '517'],
  IN: ['317', '260', '812'],
  KY: ['502', '859'],
  WV: ['304'],
  IL: ['312', '217'],
  NY: ['716', '585'],
  TX: ['512', '713'],
  FL: ['813', '407'],
  NC: ['704', '919'],
  GA: ['404'],
  AZ: ['602'],
  CO: ['303'],
};

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** A plan member id: `M` and nine digits. */
export function memberNumber(rng: Rng): string {
  return `M${rng.int(1, 9)}${digits(rng, 8)}`;
}

function race(rng: Rng, terms: Terminology): { race: Coded; ethnicity: Coded } {
  const raceCode = rng.weighted([
    ['2106-3', 62],
    ['2054-5', 14],
    ['2028-9', 6],
    ['1002-5', 1],
    ['2076-8', 0.5],
  ] as const);
  const hispanic = rng.chance(raceCode === '2106-3' ? 0.2 : 0.04);
  return {
    race: terms.code(SYSTEMS.race, raceCode),
    ethnicity: terms.code(SYSTEMS.race, hispanic ? '2135-2' : '2186-5'),
  };
}

function maritalStatus(rng: Rng, age: number, terms: Terminology): Coded | undefined {
  if (age < 18) return undefined;
  const code =
    age < 30
      ? rng.weighted([
          ['S', 70],
          ['M', 28],
          ['D', 2],
        ] as const)
      : age < 70
        ? rng.weighted([
            ['M', 55],
            ['S', 22],
            ['D', 20],
            ['W', 3],
          ] as const)
        : rng.weighted([
            ['M', 48],
            ['W', 35],
            ['D', 12],
            ['S', 5],
          ] as const);
  return terms.code(SYSTEMS.maritalStatus, code);
}

/**
 * Makes the member: a name by sex and generation, a street address in a real city (mostly in the plan's
 * home state), phone, email, member and subscriber ids, language, marital status, race and ethnicity.
 */
export function buildPerson(rng: Rng, terms: Terminology, asOf: string, spec: PersonSpec): Person {
  const faker = seededFaker(rng.fork('faker'));
  const sex: Sex = spec.sex ?? (rng.chance(0.5) ? 'female' : 'male');
  const age = rng.int(spec.minAge, spec.maxAge);
  // A birthday anywhere in the year before the age ticks over keeps the age exact on asOf; a baby is at
  // least two weeks old, so it has had its newborn visit.
  const birthDate = addDays(addYears(asOf, -age - 1), rng.int(1, age === 0 ? 350 : 365));
  const first = faker.person.firstName(sex);
  const middle = rng.chance(0.6) ? [faker.person.middleName(sex)] : [];
  const family = faker.person.lastName();

  const home = homeState(terms.places);
  const local = terms.places.filter((p) => p.state === home);
  const place = rng.chance(0.8) && local.length > 0 ? rng.pick(local) : rng.pick(terms.places);
  const line = [`${faker.location.buildingNumber()} ${faker.location.street()}`];
  if (rng.chance(0.15)) line.push(faker.location.secondaryAddress());
  const area = rng.pick(AREA_CODES[place.state] ?? ['614']);

  const memberId = memberNumber(rng);
  const child = age < 18;
  const relationship = child ? 'child' : rng.chance(0.15) ? 'spouse' : 'self';
  const subscriberId = relationship === 'self' ? memberId : memberNumber(rng);
  const language = rng.weighted([
    ['en-US', 88],
    ['es-US', 9],
    ['zh', 2],
    ['vi', 1],
  ] as const);
  const { race: raceCoded, ethnicity } = race(rng, terms);
  const marital = maritalStatus(rng, age, terms);

  return {
    given: [first, ...middle],
    family,
    sex,
    birthDate,
    address: { line, city: place.city, state: place.state, postalCode: rng.pick(place.postalCodes) },
    phone: `(${area}) 555-01${digits(rng, 2)}`,
    email: faker.internet.exampleEmail({ firstName: first, lastName: family }).toLowerCase(),
    memberId,
    subscriberId,
    relationship,
    race: raceCoded,
    ethnicity,
    language: terms.code(SYSTEMS.language, language),
    ...(marital ? { maritalStatus: marital } : {}),
  };
}
