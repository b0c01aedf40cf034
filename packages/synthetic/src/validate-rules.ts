import type { Resource } from 'fhir/r4';
import { SUPPORTED_PROFILES } from '@plan-api/fhir';
import type { ValidationIssue } from './validate-walk.ts';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The rules every synthetic resource follows beyond base R4 (see DESIGN.md, "Data"): an id of the R4 id
 * pattern (medplum does not check it), `meta.lastUpdated`, and `meta.profile` claiming only profiles the
 * server supports for that type, spelled exactly as profiles.ts spells them (certification suites compare
 * the strings).
 */
export function projectRuleIssues(resource: Resource): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const type = resource.resourceType;
  if (resource.id === undefined) issues.push({ path: `${type}.id`, message: 'missing id' });
  else if (!ID.test(resource.id))
    issues.push({ path: `${type}.id`, message: `id "${resource.id}" is not [A-Za-z0-9-.]{1,64}` });
  if (!resource.meta?.lastUpdated)
    issues.push({ path: `${type}.meta.lastUpdated`, message: 'missing meta.lastUpdated' });
  const profiles = resource.meta?.profile ?? [];
  if (profiles.length === 0) issues.push({ path: `${type}.meta.profile`, message: 'claims no profile' });
  const known = SUPPORTED_PROFILES[type] ?? [];
  profiles.forEach((p, i) => {
    if (!known.includes(p)) {
      issues.push({
        path: `${type}.meta.profile[${i}]`,
        message: `${p} is not a profile the server supports for ${type}`,
      });
    }
  });
  return issues;
}
