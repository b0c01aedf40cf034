/**
 * Structured dosage from a plain-words sig ("Take 1 tablet by mouth twice daily"): the text stays as written,
 * and what can be read reliably (dose, frequency, route, as-needed) becomes Dosage elements.
 */
import type { Dosage, Quantity, Timing } from 'fhir/r4';
import type { Coded } from '../model.ts';
import { ORAL_ROUTE, SYSTEM, concept } from './codes.ts';

const GTS = 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation';
const SUBCUTANEOUS = { system: SYSTEM.snomed, code: '34206005', display: 'Subcutaneous route' };
const RESPIRATORY = { system: SYSTEM.snomed, code: '447694001', display: 'Respiratory tract route' };

/** Dose units as UCUM (annotations for countable forms). */
const DOSE_UNITS: readonly [RegExp, string, string][] = [
  [/^tab(let)?s?$/, 'tablet', '{tbl}'],
  [/^cap(sule)?s?$/, 'capsule', '{cap}'],
  [/^puffs?$/, 'puff', '{puff}'],
  [/^units?$/, 'unit', '[IU]'],
  [/^ml$/, 'mL', 'mL'],
  [/^drops?$/, 'drop', '[drp]'],
];

const FREQUENCIES: readonly [RegExp, Timing['repeat'], string?][] = [
  [/\b(four times (a )?day|four times daily|qid)\b/, { frequency: 4, period: 1, periodUnit: 'd' }, 'QID'],
  [/\b(three times (a )?day|three times daily|tid)\b/, { frequency: 3, period: 1, periodUnit: 'd' }, 'TID'],
  [/\b(twice (a )?day|twice daily|two times (a )?day|bid)\b/, { frequency: 2, period: 1, periodUnit: 'd' }, 'BID'],
  [/\b(once (a )?week|once weekly|weekly|every week)\b/, { frequency: 1, period: 1, periodUnit: 'wk' }],
  [/\b(once (a )?month|monthly|every month)\b/, { frequency: 1, period: 1, periodUnit: 'mo' }],
  [
    /\b(once (a )?day|once daily|daily|every day|each day|every morning|each morning|at bedtime|nightly)\b/,
    { frequency: 1, period: 1, periodUnit: 'd' },
    'QD',
  ],
];

/** The dose quantity of a sig, if it names one ("Take 2 tablets", "Inject 10 units"). */
export function sigDose(sig: string): Quantity | undefined {
  const m = /\b(\d+(?:\.\d+)?)\s+([a-z]+)\b/i.exec(sig);
  if (!m) return undefined;
  const word = (m[2] ?? '').toLowerCase();
  const unit = DOSE_UNITS.find(([re]) => re.test(word));
  if (!unit) return undefined;
  return { value: Number(m[1]), unit: unit[1], system: SYSTEM.ucum, code: unit[2] };
}

/** The timing of a sig, if its frequency is one of the common ones ("twice daily", "every 4 to 6 hours"). */
export function sigTiming(sig: string): Timing | undefined {
  const text = sig.toLowerCase();
  const days = /\bfor (\d+) days?\b/.exec(text);
  const bounds = days
    ? { boundsDuration: { value: Number(days[1]), unit: 'days', system: SYSTEM.ucum, code: 'd' } }
    : {};
  const hours = /\bevery (\d+)(?: to (\d+))? hours?\b/.exec(text);
  if (hours) {
    const max = hours[2] !== undefined ? { periodMax: Number(hours[2]) } : {};
    return { repeat: { ...bounds, frequency: 1, period: Number(hours[1]), ...max, periodUnit: 'h' } };
  }
  for (const [re, repeat, code] of FREQUENCIES) {
    if (re.test(text)) {
      const coded = code ? { code: { coding: [{ system: GTS, code, display: code }] } } : {};
      return { repeat: { ...bounds, ...repeat }, ...coded };
    }
  }
  return undefined;
}

function routeOf(text: string): Coded | undefined {
  if (/\binhale\b|\binhalation\b/.test(text)) return RESPIRATORY;
  if (/\b(subcutaneous(ly)?|inject)\b/.test(text)) return SUBCUTANEOUS;
  if (/\b(by mouth|orally|oral)\b/.test(text)) return ORAL_ROUTE;
  return undefined;
}

/** A Dosage from a sig: its text, and timing, dose, route and as-needed where the words say so. */
export function sigDosage(sig: string): Dosage {
  const text = sig.toLowerCase();
  // A tapering or loading sig ("2 tablets on day 1, then 1 tablet daily") has no single dose or frequency.
  const stepped = /\bthen\b/.test(text);
  const timing = stepped ? undefined : sigTiming(sig);
  const dose = stepped ? undefined : sigDose(sig);
  const route = routeOf(text);
  return {
    sequence: 1,
    text: sig,
    ...(timing ? { timing } : {}),
    ...(/\bas needed\b|\bprn\b/.test(text) ? { asNeededBoolean: true } : {}),
    ...(route ? { route: concept(route) } : {}),
    ...(dose ? { doseAndRate: [{ doseQuantity: dose }] } : {}),
  };
}
