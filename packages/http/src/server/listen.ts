import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';

/** How long in-flight requests get to finish on stop before their connections are cut (default). */
const STOP_GRACE_MS = 2000;

/** A PEM certificate (chain) and its private key, for a server that terminates TLS itself. */
export interface TlsCredentials {
  cert: string | Buffer;
  key: string | Buffer;
}

/** The only protocol versions a TLS listener accepts: TLS 1.2 and TLS 1.3. */
export const TLS_VERSIONS = { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' } as const;

/**
 * Checks that the certificate and key make a usable TLS context (PEM that parses, a key that matches the
 * certificate); throws the TLS library's error otherwise, before anything listens.
 */
export function checkTlsCredentials(credentials: TlsCredentials): void {
  createSecureContext({ ...credentials, ...TLS_VERSIONS });
}

/**
 * Listens on host:port (0 = any free port); resolves the server and the port actually bound. With `tls` it
 * terminates TLS itself (HTTPS, TLS 1.2 and 1.3 only).
 */
export function listen(
  handler: RequestListener,
  host: string,
  port: number,
  tls?: TlsCredentials,
): Promise<{ server: Server; port: number }> {
  // An https.Server is an http.Server behind TLS (the same request, close and connection methods).
  const server: Server = tls ? createTlsServer({ ...tls, ...TLS_VERSIONS }, handler) : createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port });
    });
  });
}

/**
 * Stops accepting connections, closes idle keep-alive ones now, lets requests in flight finish, and cuts what is
 * still open after `graceMs`.
 */
export function closeServer(server: Server, graceMs = STOP_GRACE_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close((err) => {
      clearTimeout(force);
      if (err) reject(err);
      else resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * `http://host:port` (`https://` when `secure`), with IPv6 literals bracketed and the wildcard address shown as
 * loopback.
 */
export function localUrl(host: string, port: number, secure = false): string {
  const shown = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '[::1]' : host;
  return `${secure ? 'https' : 'http'}://${shown.includes(':') && !shown.startsWith('[') ? `[${shown}]` : shown}:${port}`;
}
