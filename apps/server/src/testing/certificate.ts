import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A self-signed certificate and its key, as PEM files in a test's folder. */
export interface TestCertificate {
  certPath: string;
  keyPath: string;
  /** The certificate's PEM text: the CA a client trusts to reach the server. */
  cert: string;
  key: string;
}

/**
 * Makes a self-signed RSA certificate for `localhost` and 127.0.0.1 (valid one day) with the system's `openssl`,
 * written to `dir` as `<name>.cert.pem` and `<name>.key.pem`.
 */
export async function selfSignedCertificate(dir: string, name = 'server'): Promise<TestCertificate> {
  const certPath = join(dir, `${name}.cert.pem`);
  const keyPath = join(dir, `${name}.key.pem`);
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  return { certPath, keyPath, cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') };
}
