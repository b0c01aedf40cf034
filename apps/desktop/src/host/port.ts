import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

/** True when nothing listens on host:port (checked by binding it for a moment). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => done(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => done(true)));
  });
}

/** The port remembered in `file`, or undefined when there is none (or the file is not ours). */
export async function readRememberedPort(file: string): Promise<number | undefined> {
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as { port?: unknown };
    const port = state.port;
    return typeof port === 'number' && Number.isInteger(port) && port >= 1024 && port <= 65535 ? port : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `port` in `file` (written to a temporary file, then renamed: never half a file). */
export async function rememberPort(file: string, port: number): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ port })}\n`);
  await rename(temporary, file);
}

/**
 * The port to start the server on: the one it had last time when it is still free, else 0 (the server binds
 * any free port, and the host remembers the one it got).
 *
 * Why remember it: everything the sandbox issues is bound to its URL. Access and refresh tokens carry the
 * issuer `http://127.0.0.1:<port>/auth` and the audience `http://127.0.0.1:<port>/fhir`; the apps a vendor
 * registered, and the apps themselves, are configured with that FHIR base. A new port at every start would
 * invalidate every token and make the vendor reconfigure their app each time. Falling back to any free port
 * (rather than failing) keeps the app usable when something else took the port meanwhile.
 */
export async function choosePort(options: { host: string; file: string; avoidRemembered?: boolean }): Promise<number> {
  if (options.avoidRemembered) return 0;
  const remembered = await readRememberedPort(options.file);
  if (remembered === undefined) return 0;
  return (await isPortFree(options.host, remembered)) ? remembered : 0;
}
