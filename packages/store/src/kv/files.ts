import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TextFile } from 'lowdb/node';
import { BatchedWriter, TextFiles } from '../lowdb/batched-writer.ts';

/**
 * The file name of one namespace or collection: readable, and unique per exact name even on
 * case-insensitive file systems (macOS, Windows), where `Session` and `session` would collide.
 */
export function dataFileName(prefix: string, name: string): string {
  const readable = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  return `${prefix}.${readable}.${hash}.json`;
}

/**
 * The texts of this adapter's data files in `dir` (those named `<prefix>.*.json`), after removing the
 * temp files of writes a killed process left behind (the real file still holds the last whole state).
 */
export async function readDataFiles(dir: string, prefix: string): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (name.startsWith(`.${prefix}.`) && name.endsWith('.json.tmp')) {
      await rm(join(dir, name), { force: true });
      continue;
    }
    if (!name.startsWith(`${prefix}.`) || !name.endsWith('.json')) continue;
    const path = join(dir, name);
    const text = await new TextFile(path).read();
    if (text !== null) files.push({ path, text });
  }
  return files;
}

/** Parses a data file; throws with its path when it is not JSON or not of the expected format. */
export function parseDataFile(text: string, path: string, format: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== format) {
    throw new Error(`${path} is not a ${format} file.`);
  }
  return data as Record<string, unknown>;
}

/**
 * A BatchedWriter for named data files: `render` gives a name's path and text, read synchronously at the
 * start of a flush so each file is a consistent snapshot.
 */
export function dataFileWriter(render: (name: string) => { path: string; text: string }): BatchedWriter {
  const files = new TextFiles();
  return new BatchedWriter(async (names) => {
    const outputs = names.map(render);
    await Promise.all(outputs.map(({ path, text }) => files.write(path, text)));
  });
}

/** The JSON text of a value, rejecting what JSON cannot hold (undefined, functions, symbols). */
export function toJsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`${what}: the value is not JSON-serializable.`);
  return text;
}
