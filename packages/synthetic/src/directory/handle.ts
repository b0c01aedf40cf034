import type { Coded, DirectoryHandle, DirectoryRef } from '../model.ts';
import { ORG_KIND_CODES, ORG_KINDS, type Code, type OrgKind } from './codes.ts';
import type { DirectoryContext, OrgCore } from './context.ts';
import { ids } from './ids.ts';

function index(pick: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(pick() * n));
}

function orgDirectoryRef(core: OrgCore): DirectoryRef {
  return { reference: `Organization/${ids.org(core.index)}`, display: core.name, npi: core.npi };
}

/**
 * The DirectoryHandle over a directory: practitioners and facilities are found by index arithmetic
 * (specialty and organization kind repeat in fixed patterns), so a member can be given a cardiologist
 * of a million-resource directory without generating anything else. Every reference it hands out is
 * to a resource the directory's stream emits.
 */
export function createHandle(ctx: DirectoryContext): DirectoryHandle {
  const slotsBySpecialty = new Map<string, number[]>();
  const { practitioners } = ctx.counts;
  ctx.cycle.forEach((s, slot) => {
    // A small directory has fewer practitioners than slots; every specialty still has its first slot.
    if (slot >= practitioners) return;
    const slots = slotsBySpecialty.get(s.code) ?? [];
    slots.push(slot);
    slotsBySpecialty.set(s.code, slots);
  });
  const cycleLength = ctx.cycle.length;

  return {
    plan: { reference: `Organization/${ids.payer}`, display: ctx.plan.name },
    insurancePlans: ctx.plan.products.map((p, i) => ({
      reference: `InsurancePlan/${ids.insurancePlan(i)}`,
      display: p.name,
    })),
    practitioner(pick, specialty) {
      let p: number;
      if (specialty === undefined) {
        p = index(pick, practitioners);
      } else {
        const slots = slotsBySpecialty.get(specialty);
        if (!slots) throw new Error(`The directory has no practitioners with NUCC specialty ${specialty}`);
        const slot = slots[index(pick, slots.length)] as number;
        // Practitioners slot, slot + L, slot + 2L, ... below the count all have this specialty.
        p = slot + cycleLength * index(pick, Math.floor((practitioners - 1 - slot) / cycleLength) + 1);
      }
      const core = ctx.practitionerCore(p);
      const topo = ctx.roleTopology(p);
      const org = ctx.orgCore(topo.org);
      const site = ctx.locationCore(topo.location, org);
      return {
        practitioner: {
          reference: `Practitioner/${ids.practitioner(p)}`,
          display: core.display,
          npi: core.npi,
          specialty: coded(ctx.nucc(core.specialty.code)),
        },
        organization: orgDirectoryRef(org),
        location: { reference: `Location/${ids.location(site.index)}`, display: site.name },
      };
    },
    facility(pick, kind) {
      if (!ORG_KINDS.includes(kind)) throw new Error(`Unknown facility kind ${String(kind)}`);
      const org = ctx.orgCore(ctx.layout.nthOfKind(kind as OrgKind, index(pick, ctx.layout.countOfKind(kind))));
      const site = ctx.locationCore(
        ctx.layout.locationOf(org.index, index(pick, ctx.layout.locationCount(org.index))),
        org,
      );
      return {
        organization: { ...orgDirectoryRef(org), specialty: coded(ctx.nucc(ORG_KIND_CODES[kind].taxonomy)) },
        location: { reference: `Location/${ids.location(site.index)}`, display: site.name },
      };
    },
  };
}

function coded([system, code, display]: Code): Coded {
  return { system, code, display };
}
