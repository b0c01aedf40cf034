import type { Rng } from '../rng.ts';
import { SYSTEMS, type Code } from './codes.ts';
import { domainOf } from './names.ts';
import { areaCodeOf, type Place } from './places.ts';

/** One insurance product the plan sells (an InsurancePlan). */
export interface ProductInfo {
  name: string;
  alias: string;
  type: Code;
  /** Indices of the networks the product uses. */
  networks: number[];
  /** Plan-Net InsurancePlanTypeCS tiers offered under the product. */
  tiers: Code[];
  /** HIOS-style plan id (5-digit issuer, state, product number). */
  hiosId: string;
}

/** The health plan's identity: name, web domain, phone, networks and products. */
export interface PlanInfo {
  brand: string;
  name: string;
  domain: string;
  phone: string;
  home: Place;
  networks: string[];
  products: ProductInfo[];
}

const BRANDS = [
  'Lakeshore',
  'Riverbend',
  'Crestline',
  'Harborview',
  'Silverleaf',
  'Brightwater',
  'Northfield',
  'Maplewood',
  'Stonebridge',
  'Clearwater',
  'Redbud',
  'Hillcrest',
];
const NETWORK_TIERS = ['Preferred Provider Network', 'Select Network', 'Value Network', 'Premier Network'];

const product = (code: string, display: string): Code => [SYSTEMS.productType, code, display];
const tier = (code: string, display: string): Code => [SYSTEMS.planType, code, display];
const PLATINUM = tier('platinum', 'Platinum-QHP');
const GOLD = tier('gold', 'Gold-QHP');
const SILVER = tier('silver', 'Silver-QHP');
const BRONZE = tier('bronze', 'Bronze-QHP');
const HIGH_DEDUCTIBLE = tier('highdeductible', 'High Deductible');

/** The products in the order a plan adds them; networks are indices (clamped to what exists). */
const PRODUCTS: readonly { alias: string; type: Code; networks: number[]; tiers: Code[] }[] = [
  { alias: 'Choice PPO', type: product('commppo', 'Commercial PPO'), networks: [0, 1, 2, 3], tiers: [PLATINUM, GOLD] },
  { alias: 'Select HMO', type: product('commhmo', 'Commercial HMO'), networks: [1], tiers: [GOLD, SILVER] },
  { alias: 'Essential EPO', type: product('commepo', 'Commercial EPO'), networks: [2, 1], tiers: [SILVER, BRONZE] },
  { alias: 'Flex POS', type: product('commpos', 'Commercial POS'), networks: [0, 1], tiers: [GOLD] },
  { alias: 'Saver HDHP', type: product('commhdhp', 'Commercial HDHP'), networks: [0], tiers: [HIGH_DEDUCTIBLE] },
  { alias: 'Premier PPO', type: product('commppo', 'Commercial PPO'), networks: [3, 0], tiers: [PLATINUM] },
];

/** Picks the plan's brand and lays out its networks and products. */
export function planBrand(rng: Rng, home: Place, networkCount: number, productCount: number): PlanInfo {
  const brand = rng.pick(BRANDS);
  const name = `${brand} Health Plan`;
  const issuer = String(rng.int(10000, 99999));
  const networks = NETWORK_TIERS.slice(0, networkCount).map((t) => `${brand} ${t}`);
  const products = PRODUCTS.slice(0, productCount).map((p, i) => {
    const nets = [...new Set(p.networks.map((n) => (n < networkCount ? n : n % networkCount)))];
    return {
      name: `${brand} ${p.alias}`,
      alias: p.alias,
      type: p.type,
      networks: nets,
      tiers: p.tiers,
      hiosId: `${issuer}${home.state}${String(i + 1).padStart(3, '0')}`,
    };
  });
  const phone = `(${areaCodeOf(home)}) ${rng.int(200, 989)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
  return { brand, name, domain: domainOf(name), phone, home, networks, products };
}
