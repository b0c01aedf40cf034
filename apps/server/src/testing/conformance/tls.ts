import { connect } from 'node:tls';

/** The TLS protocol versions a client can ask for. */
export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** The outcome of one handshake: the protocol agreed on, or why there was none. */
export type Handshake = { protocol: string } | { refused: string };

/**
 * Opens a TLS connection to the server of `url` offering exactly `version` and closes it once the handshake is
 * done. The client's own floor is lowered (OpenSSL security level 0) so that it really offers TLS 1.0 and 1.1:
 * a refusal is then the server's. The certificate is verified (the system's CAs, NODE_EXTRA_CA_CERTS, or `ca`).
 */
export function tlsHandshake(url: string, version: TlsVersion, ca?: string): Promise<Handshake> {
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port: port === '' ? 443 : Number(port),
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      minVersion: version,
      maxVersion: version,
      ciphers: 'DEFAULT@SECLEVEL=0',
      ...(ca !== undefined ? { ca } : {}),
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')));
    socket.once('secureConnect', () => {
      resolve({ protocol: socket.getProtocol() ?? 'unknown' });
      socket.end();
    });
    socket.once('error', (error) => resolve({ refused: error.message }));
  });
}
