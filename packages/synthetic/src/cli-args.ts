import { parseArgs } from 'node:util';
import { SCENARIOS, type ScenarioName } from './model.ts';

/** Directory size when `--size` / `--directory-size` is not given (the same for both commands, so they agree). */
export const DEFAULT_DIRECTORY_SIZE = 2000;

export interface MembersCommand {
  command: 'members';
  count: number;
  seed: string;
  scenario?: ScenarioName;
  asOf?: string;
  directorySize: number;
  /** A file path, or undefined for stdout. */
  out?: string;
}

export interface DirectoryCommand {
  command: 'directory';
  size: number;
  seed: string;
  asOf?: string;
  out?: string;
}

export type Command = MembersCommand | DirectoryCommand | { command: 'help' };

/** A mistake in the command line: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {}

export const HELP = `Usage:
  pnpm synthetic members   --count N --seed S [--scenario X] [--as-of YYYY-MM-DD] [--directory-size N] [--out FILE]
  pnpm synthetic directory --size N  --seed S [--as-of YYYY-MM-DD] [--out FILE]

Writes deterministic synthetic FHIR R4 resources as NDJSON (one resource per line): the same seed and
as-of date give byte-identical output.

members     Complete member records (Patient, Coverage, CARIN BB ExplanationOfBenefit, US Core clinical data).
            Members reference practitioners, organizations and locations of the provider directory; the
            members file holds only member resources. Generate the directory they point at with
            \`pnpm synthetic directory\` with the same --seed, --size (= --directory-size) and --as-of.
directory   The Plan-Net provider directory, streamed (a size of 1000000 runs in constant memory).

Options:
  --count N            members to generate (default 1)
  --size N             directory size in resources, roughly (default ${DEFAULT_DIRECTORY_SIZE})
  --directory-size N   size of the directory the members point at (default ${DEFAULT_DIRECTORY_SIZE})
  --seed S             any string (default "1")
  --scenario X         one of: ${SCENARIOS.join(', ')} (default: a mix)
  --as-of YYYY-MM-DD   the day the records end (default 2026-06-30); every date derives from it
  --out FILE           output file; "-" or absent writes to stdout
  -h, --help           this text

Exit codes: 0 done, 1 failure, 2 usage error.
`;

const OPTIONS = {
  count: { type: 'string' },
  size: { type: 'string' },
  'directory-size': { type: 'string' },
  seed: { type: 'string' },
  scenario: { type: 'string' },
  'as-of': { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ALLOWED: Record<'members' | 'directory', readonly string[]> = {
  members: ['count', 'seed', 'scenario', 'as-of', 'directory-size', 'out'],
  directory: ['size', 'seed', 'as-of', 'out'],
};

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${flag} must be a positive whole number, got "${value}"`);
  }
  return Number(value);
}

function asOfDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const valid =
    m !== null && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value && Number(m[1]) >= 1900;
  if (!valid) throw new UsageError(`--as-of must be a calendar date YYYY-MM-DD, got "${value}"`);
  return value;
}

function scenarioOf(value: string | undefined): ScenarioName | undefined {
  if (value === undefined) return undefined;
  const found = SCENARIOS.find((s) => s === value);
  if (!found) throw new UsageError(`unknown scenario "${value}"; valid scenarios: ${SCENARIOS.join(', ')}`);
  return found;
}

/** Parses the arguments after `synthetic` into a command; throws UsageError with a message for a person. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError('missing command: members or directory');
  if (command !== 'members' && command !== 'directory') {
    throw new UsageError(`unknown command "${command}"; commands: members, directory`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  for (const [flag, value] of Object.entries(values)) {
    if (value !== undefined && flag !== 'help' && !ALLOWED[command].includes(flag)) {
      throw new UsageError(`--${flag} does not apply to the ${command} command`);
    }
  }
  const seed = values.seed ?? '1';
  if (seed.trim() === '') throw new UsageError('--seed must not be empty');
  const out = values.out === undefined || values.out === '-' ? undefined : values.out;
  const asOf = asOfDate(values['as-of']);
  if (command === 'directory') {
    return { command, size: positiveInt('size', values.size, DEFAULT_DIRECTORY_SIZE), seed, asOf, out };
  }
  return {
    command,
    count: positiveInt('count', values.count, 1),
    seed,
    scenario: scenarioOf(values.scenario),
    asOf,
    directorySize: positiveInt('directory-size', values['directory-size'], DEFAULT_DIRECTORY_SIZE),
    out,
  };
}
