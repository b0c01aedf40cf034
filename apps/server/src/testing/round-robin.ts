import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A load balancer stand-in: forwards each request to the next upstream in turn (the public URL of both). */
export interface RoundRobin {
  url: string;
  /** Which upstream answered each request, in order (`0`, `1`, ...). */
  served: number[];
  /** Switches the upstreams (once they are known: the proxy's URL is their public URL). */
  setUpstreams(urls: string[]): void;
  stop(): Promise<void>;
}

/** Starts the proxy on 127.0.0.1 and a free port. */
export async function startRoundRobin(): Promise<RoundRobin> {
  let upstreams: URL[] = [];
  let next = 0;
  const served: number[] = [];
  const server = createServer((req, res) => {
    if (upstreams.length === 0) {
      res.writeHead(503).end('no upstream');
      return;
    }
    const index = next++ % upstreams.length;
    served.push(index);
    const target = upstreams[index]!;
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: req.headers.host ?? target.host },
      },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      },
    );
    forwarded.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    setUpstreams(urls) {
      upstreams = urls.map((u) => new URL(u));
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
