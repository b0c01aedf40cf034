/**
 * `pnpm synthetic members|directory ...`: writes synthetic FHIR resources as NDJSON to a file or stdout.
 * Run with `--help` for the options. Exit codes: 0 done, 1 failure, 2 usage error.
 */
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';
import type { Resource } from 'fhir/r4';
import { HELP, parseCommand, UsageError, type DirectoryCommand, type MembersCommand } from './cli-args.ts';
import { createDirectory } from './directory/index.ts';
import { generateMembers } from './member.ts';
import { endStream, writeNdjson } from './ndjson.ts';
import { loadTerminology, type Terminology } from './terminology.ts';

/**
 * The repository's resources/terminology: the CLI runs from source (`pnpm synthetic`), three folders below the
 * repository root. Library callers pass their own folder to loadTerminology.
 */
function repositoryTerminology(): Terminology {
  return loadTerminology(fileURLToPath(new URL('../../../resources/terminology', import.meta.url)));
}

function* memberResources(cmd: MembersCommand, counter: { members: number }): Generator<Resource> {
  const terminology = repositoryTerminology();
  const { handle } = createDirectory({ seed: cmd.seed, size: cmd.directorySize, asOf: cmd.asOf, terminology });
  const members = generateMembers({
    count: cmd.count,
    seed: cmd.seed,
    scenario: cmd.scenario,
    asOf: cmd.asOf,
    directory: handle,
    terminology,
  });
  for (const member of members) {
    counter.members++;
    yield* member.resources;
  }
}

function directoryResources(cmd: DirectoryCommand): Iterable<Resource> | AsyncIterable<Resource> {
  return createDirectory({
    seed: cmd.seed,
    size: cmd.size,
    asOf: cmd.asOf,
    terminology: repositoryTerminology(),
  }).resources();
}

/** Opens the output; a file is created (or truncated) and errors such as a missing folder surface here. */
async function openOutput(path: string | undefined): Promise<Writable> {
  if (path === undefined) return process.stdout;
  const file = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', reject);
  });
  return file;
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  let cmd;
  try {
    cmd = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`synthetic: ${err.message}\nRun "pnpm synthetic --help" for usage.\n`);
    return 2;
  }
  if (cmd.command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  const started = performance.now();
  const out = await openOutput(cmd.out);
  const counter = { members: 0 };
  const resources = cmd.command === 'members' ? memberResources(cmd, counter) : directoryResources(cmd);
  try {
    const written = await writeNdjson(resources, out);
    if (out !== process.stdout) await endStream(out);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const what = cmd.command === 'members' ? `${counter.members} members, ` : '';
    process.stderr.write(`synthetic: wrote ${what}${written} resources to ${cmd.out ?? 'stdout'} in ${seconds} s\n`);
    return 0;
  } catch (err) {
    // A reader that closes the pipe early (`| head`) is not a failure of ours.
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`synthetic: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
