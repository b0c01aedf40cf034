import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request the fake plan server received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query. */
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The parsed JSON body (undefined when there was none). */
  body: unknown;
}

/** An answer of the fake plan server; `hang` never answers (timeouts). */
export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

export interface FakePlanServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  /** The API key it accepts. */
  apiKey: string;
  received: ReceivedRequest[];
  /** The production status `GET /api/apps/{id}` answers for the app (set it to play the reviewer). */
  statuses: Map<string, Record<string, unknown>>;
  /** Answers a request before the default routes do (return undefined to let them answer). */
  override: ((req: ReceivedRequest) => FakeAnswer | undefined) | undefined;
  close(): Promise<void>;
}

export const FAKE_VENDOR = { name: 'Vera Vendor', email: 'vera@vendor.example', organizationName: 'Vendor Co' };

/**
 * A node:http server on 127.0.0.1 that answers like the plan server's JSON API for a connected sandbox:
 * `GET /api/session` (a vendor account for its key, else 401), `POST /api/production-requests` (201 with the app
 * view, a pending request) and `GET /api/apps/{id}`. It records every request.
 */
export async function startFakePlanServer(apiKey = 'pak_' + 'k'.repeat(43)): Promise<FakePlanServer> {
  const received: ReceivedRequest[] = [];
  const statuses = new Map<string, Record<string, unknown>>();
  const hanging = new Set<ServerResponse>();
  let appCount = 0;
  const fake: FakePlanServer = {
    url: '',
    apiKey,
    received,
    statuses,
    override: undefined,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const defaultAnswer = (req: ReceivedRequest): FakeAnswer => {
    if (req.authorization !== `Bearer ${apiKey}`) {
      return { status: 401, body: { error: 'unauthorized', message: 'The API key is unknown or was revoked.' } };
    }
    if (req.method === 'GET' && req.url === '/api/session') {
      return {
        status: 200,
        body: {
          kind: 'vendor',
          account: {
            id: 'acct-1',
            kind: 'vendor',
            status: 'active',
            createdAt: '2025-01-01T00:00:00Z',
            ...FAKE_VENDOR,
          },
        },
      };
    }
    if (req.method === 'POST' && req.url === '/api/production-requests') {
      const app = (req.body as { app: Record<string, unknown> }).app;
      const id = `remote-app-${++appCount}`;
      const status = {
        state: 'pending',
        requestId: `req-${appCount}`,
        version: 1,
        requestedAt: '2025-02-01T10:00:00.000Z',
      };
      statuses.set(id, status);
      const { clientSecret: _secret, ...view } = app;
      return { status: 201, body: { app: { ...view, id, ownerId: 'acct-1', productionRequest: status } } };
    }
    const appPath = /^\/api\/apps\/([^/?]+)$/.exec(req.url);
    if (req.method === 'GET' && appPath) {
      const id = decodeURIComponent(appPath[1] ?? '');
      const status = statuses.get(id);
      if (!status) return { status: 404, body: { error: 'not_found', message: `No app ${id}.` } };
      return { status: 200, body: { id, name: 'App', productionRequest: status } };
    }
    return { status: 404, body: { error: 'not_found', message: `There is no ${req.method} ${req.url} route.` } };
  };

  const handle = async (message: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of message) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const req: ReceivedRequest = {
      method: message.method ?? '',
      url: message.url ?? '',
      authorization: message.headers.authorization,
      contentType: message.headers['content-type'],
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    received.push(req);
    const answer = fake.override?.(req) ?? defaultAnswer(req);
    if (answer === 'hang') {
      hanging.add(res);
      return;
    }
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  };

  const server = createServer((message, res) => {
    handle(message, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake plan server: no port');
  fake.url = `http://127.0.0.1:${address.port}`;
  return fake;
}

/** A local URL nothing listens on (a port that was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}
