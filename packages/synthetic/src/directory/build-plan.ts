import type {
  Address,
  Endpoint,
  Extension,
  InsurancePlan,
  Location,
  Money,
  Organization,
  Quantity,
  Reference,
} from 'fhir/r4';
import type { Rng } from '../rng.ts';
import {
  CONNECTION_FHIR,
  EXTENSIONS,
  NETWORK_TYPE,
  PAYER_TYPE,
  PAYLOAD_NA,
  PHYSICAL_AREA,
  SYSTEMS,
  coding,
  concept,
  type Code,
} from './codes.ts';
import type { DirectoryContext } from './context.ts';
import { directoryIdentifier, EIN, ID_TYPES, meta, ref } from './helpers.ts';
import { ids } from './ids.ts';
import { STATE_NAMES } from './places.ts';

function payerAddress(ctx: DirectoryContext): Address {
  const rng = ctx.rng('payer-address', 0);
  const { home } = ctx.plan;
  return {
    use: 'work',
    type: 'both',
    line: [`${rng.int(100, 999)} ${rng.pick(['Broad', 'High', 'Main', 'Market'])} St`, `Suite ${rng.int(2, 9)}00`],
    city: home.city,
    state: home.state,
    postalCode: rng.pick(home.postalCodes),
    country: 'US',
  };
}

const planEndpointRef = (ctx: DirectoryContext): Reference =>
  ref('Endpoint', ids.planEndpoint, `${ctx.plan.name} Provider Directory API`);

/** The health plan (payer) Organization. */
export function buildPayer(ctx: DirectoryContext): Organization {
  const rng = ctx.rng('payer', 0);
  const { plan } = ctx;
  return {
    resourceType: 'Organization',
    id: ids.payer,
    meta: meta('Organization', ctx.asOfEndMs, rng),
    identifier: [
      {
        use: 'official',
        type: concept(ID_TYPES.tax),
        system: EIN,
        value: `${rng.int(20, 99)}-${rng.int(1000000, 9999999)}`,
      },
      directoryIdentifier(plan.domain, 'organization', plan.brand.toUpperCase()),
    ],
    active: true,
    type: [concept(PAYER_TYPE)],
    name: plan.name,
    alias: [plan.brand],
    telecom: [
      { system: 'phone', value: plan.phone, use: 'work', rank: 1 },
      { system: 'url', value: `https://www.${plan.domain}`, use: 'work', rank: 2 },
    ],
    address: [payerAddress(ctx)],
    contact: [
      {
        purpose: concept(['http://terminology.hl7.org/CodeSystem/contactentity-type', 'PATINF', 'Patient']),
        name: { text: 'Member Services' },
        telecom: [{ system: 'phone', value: plan.phone, use: 'work' }],
      },
    ],
    endpoint: [planEndpointRef(ctx)],
  };
}

/** The plan's own Plan-Net provider directory API. */
export function buildPlanEndpoint(ctx: DirectoryContext): Endpoint {
  return {
    resourceType: 'Endpoint',
    id: ids.planEndpoint,
    meta: meta('Endpoint', ctx.asOfEndMs, ctx.rng('plan-endpoint', 0)),
    identifier: [directoryIdentifier(ctx.plan.domain, 'endpoint', 'DIRECTORY-API')],
    status: 'active',
    connectionType: coding(CONNECTION_FHIR),
    name: `${ctx.plan.name} Provider Directory API`,
    managingOrganization: ref('Organization', ids.payer, ctx.plan.name),
    contact: [{ system: 'email', value: `developers@${ctx.plan.domain}`, use: 'work', rank: 1 }],
    period: { start: `${Number(ctx.asOf.slice(0, 4)) - 3}-07-01` },
    payloadType: [concept(PAYLOAD_NA)],
    payloadMimeType: ['application/fhir+json'],
    address: `https://api.${ctx.plan.domain}/directory/fhir`,
  };
}

/** A provider network (plannet-Network), owned by the plan, covering every service area. */
export function buildNetwork(ctx: DirectoryContext, n: number): Organization {
  const rng = ctx.rng('network', n);
  const name = ctx.plan.networks[n] as string;
  return {
    resourceType: 'Organization',
    id: ids.network(n),
    meta: meta('Network', ctx.asOfEndMs, rng),
    extension: ctx.metros.map((_, a) => ({
      url: EXTENSIONS.locationReference,
      valueReference: ref('Location', ids.area(a), ctx.areaName(a)),
    })),
    identifier: [directoryIdentifier(ctx.plan.domain, 'network', `NET${String(n + 1).padStart(3, '0')}`)],
    active: true,
    type: [concept(NETWORK_TYPE)],
    name,
    address: [payerAddress(ctx)],
    partOf: ref('Organization', ids.payer, ctx.plan.name),
    contact: [
      {
        name: { text: 'Provider Network Services' },
        telecom: [{ system: 'phone', value: ctx.plan.phone, use: 'work' }],
      },
    ],
    endpoint: [planEndpointRef(ctx)],
  };
}

/** A GeoJSON box of about 25 km around a metro, the area's boundary (location-boundary-geojson). */
function boundary(latitude: number, longitude: number): Extension {
  const dLat = 25 / 111.32;
  const dLon = dLat / Math.cos((latitude * Math.PI) / 180);
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  const ring = [
    [longitude - dLon, latitude - dLat],
    [longitude + dLon, latitude - dLat],
    [longitude + dLon, latitude + dLat],
    [longitude - dLon, latitude + dLat],
    [longitude - dLon, latitude - dLat],
  ].map(([x, y]) => [round(x ?? 0), round(y ?? 0)]);
  const geojson = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
  return {
    url: EXTENSIONS.region,
    valueAttachment: { contentType: 'application/geo+json', data: Buffer.from(geojson).toString('base64') },
  };
}

/** A service area (one per metro): the coverage area of networks, plans and services. */
export function buildArea(ctx: DirectoryContext, a: number): Location {
  const rng = ctx.rng('area', a);
  const metro = ctx.metro(a);
  return {
    resourceType: 'Location',
    id: ids.area(a),
    meta: meta('Location', ctx.asOfEndMs, rng),
    extension: [boundary(metro.latitude, metro.longitude)],
    identifier: [directoryIdentifier(ctx.plan.domain, 'service-area', `SA${String(a + 1).padStart(3, '0')}`)],
    status: 'active',
    name: ctx.areaName(a),
    alias: [`${metro.city} metro area`],
    description: `${ctx.plan.name} service area around ${metro.city}, ${STATE_NAMES[metro.state] ?? metro.state}`,
    physicalType: concept(PHYSICAL_AREA),
    address: { use: 'work', type: 'physical', city: metro.city, state: metro.state, country: 'US' },
    position: { latitude: metro.latitude, longitude: metro.longitude },
    managingOrganization: ref('Organization', ids.payer, ctx.plan.name),
  };
}

const usd = (value: number): Money => ({ value, currency: 'USD' });
const usdQuantity = (value: number): Quantity => ({ value, unit: 'USD', system: 'urn:iso:std:iso:4217', code: 'USD' });
const benefitType = (code: string, display: string): Code => [SYSTEMS.benefitType, code, display];
const IN_NETWORK: Code = [SYSTEMS.applicability, 'in-network', 'In Network'];
const OUT_OF_NETWORK: Code = [SYSTEMS.applicability, 'out-of-network', 'Out of Network'];
const COPAY = benefitType('copay', 'Copayment per service');
const COPAY_PERCENT = benefitType('copay-percent', 'Copayment Percent per service');

/** Cost sharing of one tier: richer tiers have lower deductibles and copays. */
function tierCosts(rng: Rng, tierCode: string): { deductible: number; oopMax: number; pcp: number; rx: number } {
  const level = { platinum: 0, gold: 1, silver: 2, bronze: 3, highdeductible: 4 }[tierCode] ?? 2;
  const deductible = [250, 1000, 2500, 5000, 3200][level] as number;
  return {
    deductible: deductible + rng.int(0, 4) * 50,
    oopMax: [3000, 5500, 7500, 9100, 8050][level] as number,
    pcp: [10, 25, 35, 50, 0][level] as number,
    rx: [5, 10, 15, 20, 10][level] as number,
  };
}

/** An InsurancePlan (a product) with its networks, coverage areas and tiers' cost sharing. */
export function buildInsurancePlan(ctx: DirectoryContext, i: number): InsurancePlan {
  const rng = ctx.rng('insplan', i);
  const product = ctx.plan.products[i];
  if (!product) throw new Error(`No insurance product ${i}`);
  const year = ctx.asOf.slice(0, 4);
  const areas = ctx.metros.map((_, a) => ref('Location', ids.area(a), ctx.areaName(a)));
  const networks = product.networks.map((n) => ref('Organization', ids.network(n), ctx.plan.networks[n]));
  const payer = ref('Organization', ids.payer, ctx.plan.name);
  return {
    resourceType: 'InsurancePlan',
    id: ids.insurancePlan(i),
    meta: meta('InsurancePlan', ctx.asOfEndMs, rng),
    identifier: [{ ...directoryIdentifier(ctx.plan.domain, 'plan', product.hiosId), assigner: payer }],
    status: 'active',
    type: [concept(product.type)],
    name: product.name,
    alias: [product.alias],
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    ownedBy: payer,
    administeredBy: payer,
    coverageArea: areas,
    contact: [
      {
        name: { text: 'Member Services' },
        telecom: [
          { system: 'phone', value: ctx.plan.phone, use: 'work' },
          { system: 'url', value: `https://www.${ctx.plan.domain}/plans`, use: 'work' },
        ],
      },
    ],
    endpoint: [planEndpointRef(ctx)],
    network: networks,
    coverage: [
      {
        type: concept([SYSTEMS.insurancePlanType, 'medical', 'Medical']),
        benefit: [
          { type: concept(benefitType('medical-primarycare', 'Medical Primary Health Coverage')) },
          { type: concept(benefitType('pharmacy-dispense', 'Pharmacy Dispense Coverage')) },
        ],
      },
    ],
    plan: product.tiers.map((tier, t) => {
      const costs = tierCosts(rng, tier[1]);
      return {
        identifier: [
          directoryIdentifier(ctx.plan.domain, 'plan', `${product.hiosId}${String(t + 1).padStart(4, '0')}`),
        ],
        type: concept(tier),
        coverageArea: areas,
        network: networks,
        generalCost: [
          { type: { text: 'Annual deductible (individual)' }, cost: usd(costs.deductible) },
          { type: { text: 'Out-of-pocket maximum (individual)' }, cost: usd(costs.oopMax) },
        ],
        specificCost: [
          {
            category: concept([SYSTEMS.benefitCategory, '1', 'Medical Care']),
            benefit: [
              {
                type: concept(benefitType('medical-primarycare', 'Medical Primary Health Coverage')),
                cost: [
                  { type: concept(COPAY), applicability: concept(IN_NETWORK), value: usdQuantity(costs.pcp) },
                  {
                    type: concept(COPAY_PERCENT),
                    applicability: concept(OUT_OF_NETWORK),
                    value: { value: 40, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
                  },
                ],
              },
              {
                type: concept(benefitType('pharmacy-dispense', 'Pharmacy Dispense Coverage')),
                cost: [{ type: concept(COPAY), applicability: concept(IN_NETWORK), value: usdQuantity(costs.rx) }],
              },
            ],
          },
        ],
      };
    }),
  };
}
