/**
 * @plan-api/synthetic: deterministic synthetic members (Patient, Coverage, CARIN BB ExplanationOfBenefit,
 * US Core clinical data) and a Plan-Net provider directory, from a seed, at any scale. The same seed and
 * asOf give byte-identical output.
 */
export * from './model.ts';
export { Rng, hash32 } from './rng.ts';
export { memberPatientId, memberResourceId } from './ids.ts';
export { loadTerminology, type Terminology } from './terminology.ts';
export { buildTimeline, scenarioForSeed } from './timeline/index.ts';
export { renderClinical, type ClinicalContext } from './clinical/index.ts';
export { renderClaims, type ClaimsRenderContext } from './claims/index.ts';
export { createDirectory, directoryCounts, type Directory, type DirectoryOptions } from './directory/index.ts';
export {
  generateMember,
  generateMembers,
  memberSeed,
  type GeneratedMember,
  type GenerateMemberOptions,
  type GenerateMembersOptions,
} from './member.ts';
export { endStream, writeNdjson } from './ndjson.ts';
export {
  syntheticPatients,
  type SyntheticPatient,
  type SyntheticPatients,
  type SyntheticPatientsOptions,
} from './patients.ts';
