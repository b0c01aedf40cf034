import type { Resource } from 'fhir/r4';
import { renderClaims } from './claims/index.ts';
import { renderClinical } from './clinical/index.ts';
import { memberPatientId } from './ids.ts';
import {
  DEFAULT_AS_OF,
  type DirectoryHandle,
  type MemberOptions,
  type MemberTimeline,
  type ScenarioName,
} from './model.ts';
import type { Terminology } from './terminology.ts';
import { buildTimeline } from './timeline/index.ts';

/** One generated member: the Patient id, the timeline it was rendered from, and every resource of the record. */
export interface GeneratedMember {
  patientId: string;
  timeline: MemberTimeline;
  /** Patient first, then Coverage, ExplanationOfBenefit, and the US Core clinical resources. */
  resources: Resource[];
}

export type GenerateMemberOptions = MemberOptions & {
  /** Loaded code lists (loadTerminology of the host's terminology folder). */
  terminology: Terminology;
};

const ORDER: Record<string, number> = { Patient: 0, Coverage: 1, ExplanationOfBenefit: 2 };

/**
 * Generates one complete member record from a seed (and scenario, asOf, directory): the claims side
 * (Patient, Coverage, CARIN BB EOBs) and the clinical side (US Core) rendered from the same timeline.
 * The same options give byte-identical resources.
 */
export function generateMember(options: GenerateMemberOptions): GeneratedMember {
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const terminology = options.terminology;
  const patientId = memberPatientId(options.seed);
  const timeline = buildTimeline({ ...options, asOf, terminology });
  const claims = renderClaims(timeline, { patientId, asOf, plan: options.directory.plan });
  const clinical = renderClinical(timeline, { patientId, asOf });
  // A stable sort keeps each renderer's own order within a type.
  const ordered = [...claims].sort((a, b) => (ORDER[a.resourceType] ?? 3) - (ORDER[b.resourceType] ?? 3));
  return { patientId, timeline, resources: [...ordered, ...clinical] };
}

export interface GenerateMembersOptions {
  count: number;
  seed: string | number;
  /** Every member gets this scenario; absent, each member's scenario comes from its own seed. */
  scenario?: ScenarioName;
  asOf?: string;
  directory: DirectoryHandle;
  terminology: Terminology;
}

/**
 * The seed of the i-th member of a batch. Each member depends only on (seed, i), so member 7 is the same
 * whether 10 or 10,000 are generated. Patient ids are 32-bit hashes of these seeds: batches beyond tens of
 * thousands of members can repeat an id (see memberPatientId).
 */
export function memberSeed(seed: string | number, index: number): string {
  return `${seed}/member/${index}`;
}

/** Generates `count` members lazily, one at a time, so a large batch streams in constant memory. */
export function* generateMembers(options: GenerateMembersOptions): Generator<GeneratedMember> {
  const terminology = options.terminology;
  for (let i = 0; i < options.count; i++) {
    yield generateMember({
      seed: memberSeed(options.seed, i),
      scenario: options.scenario,
      asOf: options.asOf,
      directory: options.directory,
      terminology,
    });
  }
}
