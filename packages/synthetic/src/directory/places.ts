import type { Place } from '../terminology.ts';

export type { Place } from '../terminology.ts';

const EARTH_KM = 6371;

/** Great-circle distance in km. */
export function distanceKm(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/**
 * The metro areas a plan of `count` service areas covers: the first place is the plan's home market and
 * the rest are the places nearest to it, so a small directory is a regional plan and a large one reaches
 * every place in the list.
 */
export function selectMetros(places: readonly Place[], count: number): Place[] {
  const home = places[0];
  if (!home) throw new Error('selectMetros: no places');
  return places
    .map((place, i) => ({ place, i, d: distanceKm(home, place) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, count)
    .map((x) => x.place);
}

/** A two-letter state code's name, for service-area and licensing-board names. */
export const STATE_NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

const AREA_CODES: Readonly<Record<string, string>> = {
  'Columbus,OH': '614',
  'Cleveland,OH': '216',
  'Cincinnati,OH': '513',
  'Toledo,OH': '419',
  'Akron,OH': '330',
  'Dayton,OH': '937',
  'Canton,OH': '330',
  'Youngstown,OH': '330',
  'Lorain,OH': '440',
  'Hamilton,OH': '513',
  'Springfield,OH': '937',
  'Elyria,OH': '440',
  'Lakewood,OH': '216',
  'Cuyahoga Falls,OH': '330',
  'Mansfield,OH': '419',
  'Newark,OH': '740',
  'Mentor,OH': '440',
  'Dublin,OH': '614',
  'Westerville,OH': '614',
  'Delaware,OH': '740',
  'Lima,OH': '419',
  'Zanesville,OH': '740',
  'Athens,OH': '740',
  'Marion,OH': '740',
  'Findlay,OH': '419',
  'Sandusky,OH': '419',
  'Lancaster,OH': '740',
  'Wooster,OH': '330',
  'Chillicothe,OH': '740',
  'Pittsburgh,PA': '412',
  'Erie,PA': '814',
  'Philadelphia,PA': '215',
  'Harrisburg,PA': '717',
  'Detroit,MI': '313',
  'Ann Arbor,MI': '734',
  'Grand Rapids,MI': '616',
  'Lansing,MI': '517',
  'Indianapolis,IN': '317',
  'Fort Wayne,IN': '260',
  'Evansville,IN': '812',
  'Louisville,KY': '502',
  'Lexington,KY': '859',
  'Covington,KY': '859',
  'Charleston,WV': '304',
  'Morgantown,WV': '304',
  'Huntington,WV': '304',
  'Wheeling,WV': '304',
  'Chicago,IL': '312',
  'Springfield,IL': '217',
  'Buffalo,NY': '716',
  'Rochester,NY': '585',
  'Austin,TX': '512',
  'Houston,TX': '713',
  'Tampa,FL': '813',
  'Orlando,FL': '407',
  'Charlotte,NC': '704',
  'Raleigh,NC': '919',
  'Atlanta,GA': '404',
  'Phoenix,AZ': '602',
  'Denver,CO': '303',
};

/** The telephone area code of a place (a stable made-up one for places not in the table). */
export function areaCodeOf(place: Place): string {
  const known = AREA_CODES[`${place.city},${place.state}`];
  if (known) return known;
  let h = 7;
  for (const ch of `${place.city}${place.state}`) h = (h * 31 + ch.charCodeAt(0)) % 700;
  return String(201 + h);
}
