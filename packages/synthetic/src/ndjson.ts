import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Lines are gathered into chunks of about this many characters before a write: fewer, larger writes. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes each resource as one JSON line (NDJSON, as FHIR bulk data uses) to `out`, honouring backpressure:
 * when the stream's buffer is full it waits for 'drain', so a million-resource directory streams in
 * constant memory. Does not end the stream. Returns the number of resources written.
 */
export async function writeNdjson(
  resources: Iterable<object> | AsyncIterable<object>,
  out: Writable,
  options: { chunkChars?: number } = {},
): Promise<number> {
  const chunkChars = options.chunkChars ?? CHUNK_CHARS;
  // Without a listener, an 'error' between two writes (EPIPE) would crash the process instead of rejecting.
  let failure: Error | undefined;
  const onError = (err: Error): void => {
    failure ??= err;
  };
  out.on('error', onError);
  let count = 0;
  let chunk = '';
  const flush = async (): Promise<void> => {
    if (chunk === '') return;
    if (failure !== undefined || out.destroyed) throw failure ?? closedEarly();
    const text = chunk;
    chunk = '';
    if (!out.write(text)) await drained(out);
  };
  try {
    for await (const resource of resources) {
      chunk += `${JSON.stringify(resource)}\n`;
      count++;
      if (chunk.length >= chunkChars) await flush();
    }
    await flush();
  } finally {
    out.off('error', onError);
  }
  return count;
}

const closedEarly = (): Error => new Error('ndjson: the output closed before all resources were written');

/** Resolves on 'drain'; rejects if the stream errors or closes first (a closed pipe would otherwise hang). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed) {
      reject(out.errored ?? closedEarly());
      return;
    }
    const settle = (fn: () => void) => (): void => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
      fn();
    };
    const onDrain = settle(resolve);
    const onClose = settle(() => reject(out.errored ?? closedEarly()));
    const onError = (err: Error): void => settle(() => reject(err))();
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
  });
}

/** Ends the stream and waits until everything is flushed (for files: written and closed). */
export async function endStream(out: Writable): Promise<void> {
  if (out.writableFinished) return;
  const finished = once(out, 'finish');
  out.end();
  await finished;
}
