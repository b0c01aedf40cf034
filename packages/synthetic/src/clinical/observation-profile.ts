/**
 * Which US Core Observation profile an observation follows, decided by its category and LOINC code, and the
 * codings a profile insists on beyond the timeline's own (pulse oximetry carries both of its LOINC codes).
 */
import type { Coding } from 'fhir/r4';
import type { ObservationEntry } from '../model.ts';
import { SYSTEM } from './codes.ts';
import { PROFILE } from './profiles.ts';

const loinc = (code: string, display: string): Coding => ({ system: SYSTEM.loinc, code, display });

const PULSE_OX = loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry');
const O2_SAT = loinc('2708-6', 'Oxygen saturation in Arterial blood');

/** Vital-sign LOINC codes with their specific US Core profile. */
const VITALS: Readonly<Record<string, string>> = {
  '85354-9': PROFILE.bloodPressure,
  '39156-5': PROFILE.bmi,
  '29463-7': PROFILE.bodyWeight,
  '8302-2': PROFILE.bodyHeight,
  '8867-4': PROFILE.heartRate,
  '9279-1': PROFILE.respiratoryRate,
  '8310-5': PROFILE.bodyTemperature,
  '59408-5': PROFILE.pulseOximetry,
  '2708-6': PROFILE.pulseOximetry,
  '59576-9': PROFILE.bmiForAge,
  '77606-2': PROFILE.weightForHeight,
  '9843-4': PROFILE.headCircumference,
  '8289-1': PROFILE.headCircumferencePercentile,
};

/** Social-history LOINC codes with their own profile; other social history is a simple observation. */
const SOCIAL: Readonly<Record<string, string>> = {
  '72166-2': PROFILE.smoking,
  '82810-3': PROFILE.pregnancyStatus,
  '86645-9': PROFILE.pregnancyIntent,
  '76690-7': PROFILE.sexualOrientation,
};

/** The profile an observation claims. */
export function observationProfile(entry: ObservationEntry): string {
  const isLoinc = entry.code.system === SYSTEM.loinc;
  switch (entry.category) {
    case 'laboratory':
      return PROFILE.lab;
    case 'vital-signs':
      return (isLoinc ? VITALS[entry.code.code] : undefined) ?? PROFILE.vitalSigns;
    case 'social-history':
      return (isLoinc ? SOCIAL[entry.code.code] : undefined) ?? PROFILE.simple;
    case 'survey':
      return PROFILE.screening;
    case 'exam':
      return PROFILE.clinicalResult;
  }
}

/** The codings of an observation's code: its own, plus the ones its profile fixes. */
export function observationCodings(entry: ObservationEntry, profile: string): Coding[] {
  const own: Coding = { system: entry.code.system, code: entry.code.code, display: entry.code.display };
  if (profile !== PROFILE.pulseOximetry) return [own];
  return [PULSE_OX, O2_SAT];
}
