import { patientCompartmentTypes } from '../patients/member-resources.ts';
import type { MemberContext } from './context.ts';

// `patient/ExplanationOfBenefit.rs` (SMART v2: any of c r u d s, in that order) or `patient/Coverage.read` (v1);
// `user/` scopes the same: a member's app reads the member's own record either way.
const SCOPE = /^(?:patient|user)\/(\*|[A-Z][A-Za-z]{0,63})\.(read|\*|c?r?u?d?s?)$/;

/** Whether a scope's permissions let the app read (v1 `read` or `*`, v2 with `r` or `s`). */
function reads(permissions: string): boolean {
  return permissions === 'read' || permissions === '*' || /[rs]/.test(permissions);
}

/**
 * The resource types a grant's scopes let the app read, sorted: `patient/<Type>.rs` and `patient/<Type>.read`
 * (and their `user/` forms); `patient/*.rs` means every type of the patient compartment (and Patient). Other scopes
 * (openid, launch, system, write-only) name no data type.
 */
export function dataTypesOf(ctx: Pick<MemberContext, 'registry'>, scopes: readonly string[]): string[] {
  const types = new Set<string>();
  for (const scope of scopes) {
    const match = SCOPE.exec(scope);
    if (match === null || match[1] === undefined || match[2] === undefined || !reads(match[2])) continue;
    if (match[1] === '*') for (const type of ['Patient', ...patientCompartmentTypes(ctx.registry)]) types.add(type);
    else types.add(match[1]);
  }
  return [...types].sort();
}
