import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file the generated management token is kept in. */
export const TOKEN_FILE = 'sandbox-token';

/**
 * The management token kept in `<dataDir>/sandbox-token`, made (256 random bits, mode 0600) when the
 * file does not exist yet. A file that others can read is tightened to 0600. Throws when the file is empty.
 */
export async function tokenFromFile(dataDir: string): Promise<{ token: string; path: string; created: boolean }> {
  const path = join(dataDir, TOKEN_FILE);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const made = randomBytes(32).toString('base64url');
  try {
    // 'wx': never overwrite a token another process wrote in the meantime.
    await writeFile(path, `${made}\n`, { mode: 0o600, flag: 'wx' });
    return { token: made, path, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const token = (await readFile(path, 'utf8')).trim();
  if (token === '') throw new EmptyTokenFileError(path);
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  return { token, path, created: false };
}

/** The token file exists but holds nothing. */
export class EmptyTokenFileError extends Error {
  constructor(readonly path: string) {
    super(`${path} is empty: delete it to have a new token made, or write one in it.`);
    this.name = 'EmptyTokenFileError';
  }
}
