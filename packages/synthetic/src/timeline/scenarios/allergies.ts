import { SYSTEMS } from '../../terminology.ts';
import type { TimelineBuilder } from '../builder.ts';
import { addDays } from '../dates.ts';

const ALLERGIES = [
  { substance: '764146007', reaction: '126485001', criticality: 'high', weight: 10 },
  { substance: '256277009', reaction: '76067001', criticality: 'low', weight: 8 },
  { substance: '260147004', reaction: '76067001', criticality: 'low', weight: 5 },
  { substance: '264287008', reaction: '418290006', criticality: 'low', weight: 4 },
  { substance: '762952008', reaction: '39579001', criticality: 'high', weight: 3 },
  { substance: '111088007', reaction: '271807003', criticality: 'low', weight: 2 },
  { substance: '387207008', reaction: '126485001', criticality: 'low', weight: 2 },
] as const;

/** With probability `rate`, one or two allergies recorded some time before or during coverage. */
export function addAllergies(b: TimelineBuilder, rate: number): void {
  const r = b.rng.fork('allergies');
  if (!r.chance(rate)) return;
  const count = r.chance(0.25) ? 2 : 1;
  const picked = r.sample(ALLERGIES, count);
  picked.forEach((a, i) => {
    const recorded = addDays(b.coverageStart, r.int(0, 200));
    b.allergies.push({
      key: b.key(`allergy-${i}`),
      substance: b.code(SYSTEMS.snomed, a.substance),
      reaction: b.code(SYSTEMS.snomed, a.reaction),
      criticality: a.criticality,
      recorded: recorded > b.asOf ? b.asOf : recorded,
    });
  });
}

/** Whether the member is allergic to penicillin (amoxicillin is then never prescribed). */
export function penicillinAllergic(b: TimelineBuilder): boolean {
  return b.allergies.some((a) => a.substance.code === '764146007');
}
