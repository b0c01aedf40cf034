/**
 * The data sets of the PostgreSQL benchmarks, each in a schema of its own that later runs reuse: a
 * Plan-Net directory imported from the synthetic CLI's NDJSON by the streamed importer (in a child
 * process whose memory is measured), and synthetic members loaded with bulkLoad.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createDirectory, generateMembers } from '@plan-api/synthetic';
import { datasetMarker, dropSchema, markLoaded, openBenchStores } from './postgres-common.ts';
import type { ImportChildReport } from './import-postgres-child.ts';
import { repoTerminology } from './paths.ts';

export const SEED = 'bench';
const DATA_DIR = fileURLToPath(new URL('./results/data/', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The schema of the directory of `size` resources. */
export const directorySchema = (size: number): string => `bench_directory_${size}`;

function run(args: string[], onLine?: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      for (const line of chunk.split('\n')) if (line.trim() !== '') onLine?.(line);
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`bench: ${args[0]} exited with ${code}`)),
    );
  });
}

/** The NDJSON file of the directory (written by `pnpm synthetic directory` the first time). */
export async function directoryFile(size: number): Promise<string> {
  const file = `${DATA_DIR}directory-${size}-${SEED}.ndjson`;
  if (existsSync(file)) return file;
  await mkdir(DATA_DIR, { recursive: true });
  console.log(`writing ${file} with pnpm synthetic directory --size ${size}`);
  await run([
    'packages/synthetic/src/cli.ts',
    'directory',
    '--size',
    String(size),
    '--seed',
    SEED,
    '--out',
    `${file}.part`,
  ]);
  await rename(`${file}.part`, file);
  return file;
}

/** Imports the directory into its schema (dropping what was there) and reports the importer's figures. */
export async function importDirectory(size: number): Promise<ImportChildReport> {
  const schema = directorySchema(size);
  const file = await directoryFile(size);
  await dropSchema(schema);
  console.log(`importing ${file} into ${schema}`);
  const out = await run(['bench/import-postgres-child.ts', schema, file, `directory:${size}:seed=${SEED}`], (line) => {
    if (line.startsWith('progress ')) process.stdout.write(`\r${line}   `);
  });
  process.stdout.write('\n');
  const last = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ImportChildReport;
}

/** The directory's schema, imported when a previous run did not finish it. */
export async function ensureDirectory(size: number): Promise<string> {
  const schema = directorySchema(size);
  const marker = await datasetMarker(schema);
  if (marker?.dataset !== `directory:${size}:seed=${SEED}`) await importDirectory(size);
  return schema;
}

/** A schema with `count` synthetic members (and the directory they point at), loaded when missing. */
export async function ensureMembers(
  count: number,
  directorySize = 20_000,
): Promise<{ schema: string; patients: string[] }> {
  const schema = `bench_members_${count}`;
  const dataset = `members:${count}:directory=${directorySize}:seed=${SEED}`;
  const stores = (await datasetMarker(schema))?.dataset === dataset ? await openBenchStores(schema) : undefined;
  if (stores) {
    const found = await stores.pool.query<{ id: string }>(
      `SELECT id FROM "${schema}".resources WHERE rtype = 'Patient' ORDER BY id`,
    );
    await stores.close();
    return { schema, patients: found.rows.map((r) => r.id) };
  }
  await dropSchema(schema);
  const fresh = await openBenchStores(schema);
  const terminology = repoTerminology();
  const directory = createDirectory({ seed: SEED, size: directorySize, terminology });
  let resources = await fresh.fhir.bulkLoad(directory.resources());
  const patients: string[] = [];
  const started = performance.now();
  async function* members() {
    for (const member of generateMembers({ count, seed: SEED, directory: directory.handle, terminology })) {
      patients.push(member.patientId);
      if (patients.length % 100 === 0) process.stdout.write(`\rmembers ${patients.length}/${count}   `);
      yield* member.resources;
    }
  }
  resources += await fresh.fhir.bulkLoad(members());
  process.stdout.write(`\rloaded ${resources} resources in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  await markLoaded(fresh, dataset, resources);
  await fresh.close();
  return { schema, patients: patients.sort() };
}
