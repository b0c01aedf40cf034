import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { ifNoneMatchHas } from './respond.ts';

/**
 * What cached answers depend on: the data behind a FHIR base. `current()` changes whenever the data may have
 * changed (a write in this process, or a notice from another process sharing the database), and is undefined
 * while that cannot be known (e.g. the change feed is reconnecting): then nothing is served from or stored in
 * the cache.
 */
export interface DataVersion {
  current(): string | undefined;
}

export interface ResponseCacheOptions {
  version: DataVersion;
  /** Where the cached FHIR base is mounted on the server, e.g. `/directory/fhir`. */
  mountPath: string;
  /** Most answers kept (default 5,000) and most body bytes kept (default 64 MiB); the least recently used go. */
  maxEntries?: number;
  maxBytes?: number;
  /** Bodies larger than this are not cached (default 4 MiB). */
  maxEntryBytes?: number;
}

export interface ResponseCacheStats {
  hits: number;
  notModified: number;
  stored: number;
  entries: number;
  bytes: number;
}

/**
 * Answers of a read-only, public FHIR base (the Provider Directory), kept by normalized request and data
 * version: a repeated read or search is answered from memory, with the headers it was first sent with, an
 * ETag, and 304 to a matching `If-None-Match`. A write anywhere in the data moves the version on, and every
 * older answer is then stale (dropped when next asked for).
 *
 * `middleware` goes at the top of the base's router: it stores successful GET answers (and turns a miss whose
 * `If-None-Match` matches the new answer into a 304). `serve` goes in front of the whole application, in the
 * node:http request listener: a fresh hit is answered there, without entering Express at all, so the
 * directory's hot queries cost what a static file server would. Never use it for a base whose answers depend
 * on who asks (the Patient Access API).
 */
export interface ResponseCache {
  middleware: RequestHandler;
  /**
   * Answers `req` from the cache when it holds a fresh answer (calling `before` first, e.g. to log the request);
   * false, with nothing written, otherwise.
   */
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    before?: (req: IncomingMessage, res: ServerResponse) => void,
  ): boolean;
  stats(): ResponseCacheStats;
}

interface Entry {
  version: string;
  etag: string;
  headers: [string, string | number | string[]][];
  body: Buffer;
}

/** Response headers that describe one connection, request or moment, not the answer. */
const NOT_REPLAYED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'date',
  'content-length',
  'x-request-id',
]);

/**
 * The cache key of a request: what can change the answer. The query's parameters are sorted by name (their
 * order does not change a FHIR search; repeated names keep their order); Host and the forwarded headers count
 * because the base URL in the answer may come from them; Accept because it picks the format.
 */
function keyOf(url: string, h: IncomingHttpHeaders): string {
  const q = url.indexOf('?');
  let target = url;
  if (q >= 0) {
    const params = [...new URLSearchParams(url.slice(q + 1))].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    target = `${url.slice(0, q)}?${new URLSearchParams(params).toString()}`;
  }
  return `${h.host ?? ''}\n${String(h['x-forwarded-host'] ?? '')}\n${String(h['x-forwarded-proto'] ?? '')}\n${h.accept ?? ''}\n${target}`;
}

/** The start of a searchset Bundle up to its own id and timestamp, which every answer makes anew. */
const BUNDLE_STAMP = /^\{"resourceType":"Bundle","id":"[^"]*","meta":\{"lastUpdated":"[^"]*"\},/;

/**
 * A weak ETag for an answer that has none of its own (a search): a digest of its bytes without the Bundle's own
 * id and timestamp, so the same matches made again (after an unrelated write, or by another process) keep it.
 */
function digestEtag(body: Buffer): string {
  const stamp = BUNDLE_STAMP.exec(body.subarray(0, 200).toString('latin1'));
  const meaning = stamp ? body.subarray(stamp[0].length) : body;
  return `W/"${createHash('sha256').update(meaning).digest('base64url').slice(0, 27)}"`;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const maxEntries = options.maxEntries ?? 5000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
  const prefix = `${options.mountPath.replace(/\/+$/, '')}/`;
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const counts = { hits: 0, notModified: 0, stored: 0 };

  const drop = (key: string, entry: Entry): void => {
    entries.delete(key);
    bytes -= entry.body.length;
  };
  const put = (key: string, entry: Entry): void => {
    const old = entries.get(key);
    if (old) drop(key, old);
    entries.set(key, entry);
    bytes += entry.body.length;
    counts.stored++;
    for (const [k, e] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      drop(k, e);
    }
  };
  /** The fresh entry for `key`; a stale one is dropped. */
  const fresh = (key: string, version: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version) {
      drop(key, entry);
      return undefined;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };
  const cacheable = (method: string | undefined, url: string): boolean =>
    (method === 'GET' || method === 'HEAD') && url.startsWith(prefix);

  const serve: ResponseCache['serve'] = (req, res, before) => {
    const url = req.url ?? '';
    if (!cacheable(req.method, url)) return false;
    const version = options.version.current();
    if (version === undefined) return false;
    const entry = fresh(keyOf(url, req.headers), version);
    if (!entry) return false;
    before?.(req, res);
    const notModified = ifNoneMatchHas(req.headers['if-none-match'], entry.etag);
    if (notModified) {
      counts.notModified++;
      res.statusCode = 304;
      res.setHeader('ETag', entry.etag);
      res.end();
    } else {
      counts.hits++;
      res.statusCode = 200;
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      res.setHeader('Content-Length', entry.body.length);
      if (req.method === 'HEAD') res.end();
      else res.end(entry.body);
    }
    return true;
  };

  const middleware: RequestHandler = (req, res, next) => {
    // Express has cut the mount path from req.url; the key is made from the URL the server received.
    const version = options.version.current();
    if (version === undefined || !cacheable(req.method, req.originalUrl)) {
      next();
      return;
    }
    const key = keyOf(req.originalUrl, req.headers);
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    // The answer is stamped with the version seen when the request came in: a write during the request makes
    // it stale at once.
    (res as { end: (...args: unknown[]) => ServerResponse }).end = (...args: unknown[]) => {
      const [body] = args;
      if (res.statusCode === 200 && !res.headersSent && Buffer.isBuffer(body) && body.length <= maxEntryBytes) {
        let etag = res.getHeader('etag');
        if (typeof etag !== 'string') {
          etag = digestEtag(body);
          res.setHeader('ETag', etag);
        }
        const headers = Object.entries(res.getHeaders()).filter(
          (pair): pair is [string, string | number | string[]] => pair[1] !== undefined && !NOT_REPLAYED.has(pair[0]),
        );
        if (req.method === 'GET') put(key, { version, etag, headers, body });
        if (ifNoneMatchHas(req.headers['if-none-match'], etag)) {
          counts.notModified++;
          res.statusCode = 304;
          return end();
        }
      }
      return end(...args);
    };
    next();
  };

  return {
    middleware,
    serve,
    stats: () => ({ ...counts, entries: entries.size, bytes }),
  };
}
