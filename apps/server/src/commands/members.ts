import { createDirectory, generateMembers } from '@plan-api/synthetic';
import type { Directory, Terminology } from '@plan-api/synthetic';
import type { FhirStore, RecordStore, StoredRecord } from '@plan-api/store';
import type { ServerConfig } from '../config.ts';
import type { ServerLogger } from '../logger.ts';
import { patientName } from '../member-lookup.ts';
import { refusal } from './refusal.ts';
import { withCommandSession } from './session.ts';
import { parseCommand, UsageError } from './usage.ts';

const USAGE = [
  'pnpm server members synthetic --count N [--seed S]',
  'pnpm server members invite --patient ID --email E [--name N]',
].join('\n       ');

/** The most synthetic members one command makes (a demo, not a plan: load real members with `import`). */
const MAX_SYNTHETIC = 10_000;

/** The marker of the plan's synthetic directory, so members' claims point at providers that exist. */
interface PlanDirectoryMarker extends StoredRecord {
  seed: string;
  size: number;
  resources: number;
  loadedAt: string;
}

/**
 * The synthetic Plan-Net directory the synthetic members' claims refer to: loaded into the plan's FHIR store the
 * first time (a marker record says so), the same one afterwards.
 */
async function planDirectory(fhir: FhirStore, records: RecordStore, terminology: Terminology): Promise<Directory> {
  const meta = records.collection<PlanDirectoryMarker>('planMeta');
  const marker = await meta.get('directory');
  if (marker) return createDirectory({ seed: marker.seed, size: marker.size, terminology });
  const directory = createDirectory({ seed: 'plan', size: 2000, terminology });
  const resources = await fhir.bulkLoad(directory.resources());
  await meta.put({ id: 'directory', seed: 'plan', size: 2000, resources, loadedAt: new Date().toISOString() });
  console.log(`Loaded a synthetic provider directory for the members' claims: ${resources} resources.`);
  return directory;
}

function positiveCount(value: string | undefined): number {
  const count = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || count < 1 || count > MAX_SYNTHETIC) {
    throw new UsageError(`--count must be a whole number from 1 to ${MAX_SYNTHETIC}.\nUsage: ${USAGE}`);
  }
  return count;
}

/**
 * `pnpm server members synthetic --count N --seed S`: synthetic members (Patient, Coverage, EOBs, clinical data)
 * in the plan's FHIR store, for demos; prints each `Patient/<id>` to invite. The same seed gives the same members.
 * `pnpm server members invite --patient ID --email E`: a member account bound to that Patient, with a
 * set-password link mailed to it.
 */
export async function runMembers(config: ServerConfig, logger: ServerLogger, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'synthetic') {
    const { values } = parseCommand(rest, { count: { type: 'string' }, seed: { type: 'string' } }, USAGE);
    const count = positiveCount(values.count);
    const seed = values.seed ?? 'members';
    return withCommandSession(config, logger, async ({ stores, terminology }) => {
      const terms = terminology();
      const directory = await planDirectory(stores.fhir, stores.records, terms);
      const lines: string[] = [];
      let resources = 0;
      for (const member of generateMembers({ count, seed, directory: directory.handle, terminology: terms })) {
        resources += await stores.fhir.bulkLoad(member.resources);
        const person = member.timeline.person;
        lines.push(`Patient/${member.patientId}  ${person.given.join(' ')} ${person.family}  born ${person.birthDate}`);
      }
      console.log(
        `Loaded ${count} synthetic member${count === 1 ? '' : 's'} (${resources} resources, seed "${seed}"):`,
      );
      console.log(lines.join('\n'));
      console.log('Invite one: pnpm server members invite --patient <id> --email <address>');
      return 0;
    });
  }
  if (action === 'invite') {
    const { values } = parseCommand(
      rest,
      { patient: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
      USAGE,
    );
    if (values.patient === undefined || values.email === undefined) {
      throw new UsageError(`--patient and --email are required.\nUsage: ${USAGE}`);
    }
    const patientId = values.patient.replace(/^Patient\//, '');
    const email = values.email;
    return withCommandSession(config, logger, async ({ stores, accounts, publicUrl }) => {
      const stored = /^[A-Za-z0-9.-]{1,64}$/.test(patientId)
        ? await stores.fhir.read('Patient', patientId).catch(() => undefined)
        : undefined;
      if (!stored) {
        throw new UsageError(
          `There is no Patient/${patientId} in the plan's data. Load members first (pnpm server import FILE, or ` +
            'pnpm server members synthetic --count N) and use an id they print.',
        );
      }
      const name = values.name ?? (patientName(stored.json) || email);
      try {
        const account = await accounts.inviteAccount('member', { email, name, patientId });
        console.log(
          `Invited ${account.email} as the member of Patient/${patientId}: a set-password link was mailed ` +
            `(it works once, for 24 hours). Members sign in at ${publicUrl}/.`,
        );
        return 0;
      } catch (error) {
        throw refusal(error, 'No member was invited');
      }
    });
  }
  throw new UsageError(`Unknown members action "${action ?? ''}".\nUsage: ${USAGE}`);
}
