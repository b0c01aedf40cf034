import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { endStream, writeNdjson } from './ndjson.ts';

/** A Writable with a tiny buffer that completes each write only when the test lets it. */
function slowSink(): { sink: Writable; chunks: string[]; pending: () => number; release: () => void } {
  const chunks: string[] = [];
  const waiting: (() => void)[] = [];
  const sink = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _enc, callback) {
      chunks.push(chunk.toString());
      waiting.push(callback);
    },
  });
  return {
    sink,
    chunks,
    pending: () => waiting.length,
    release: () => {
      for (const cb of waiting.splice(0)) cb();
    },
  };
}

describe('writeNdjson', () => {
  it('writes one JSON document per line, in order', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    const resources = [
      { resourceType: 'Patient', id: 'a' },
      { resourceType: 'Patient', id: 'b', name: [{ text: 'x\ny' }] },
    ];
    expect(await writeNdjson(resources, sink)).toBe(2);
    await endStream(sink);
    const lines = chunks.join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(resources);
  });

  it('waits for drain when the stream is full instead of buffering everything', async () => {
    const { sink, chunks, pending, release } = slowSink();
    let produced = 0;
    function* many(): Generator<object> {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield { resourceType: 'Basic', id: `b-${i}` };
      }
    }
    const done = writeNdjson(many(), sink, { chunkChars: 1 });
    await new Promise((r) => setTimeout(r, 20));
    // With a 16-byte buffer the first write fills it: generation stops until the sink drains.
    expect(produced).toBe(1);
    expect(pending()).toBe(1);
    while (produced < 1000 || pending() > 0) {
      release();
      await new Promise((r) => setImmediate(r));
    }
    expect(await done).toBe(1000);
    expect(chunks.join('').split('\n')).toHaveLength(1001);
  });

  it('accepts an async iterable', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    async function* gen(): AsyncGenerator<object> {
      yield { a: 1 };
      yield { a: 2 };
    }
    expect(await writeNdjson(gen(), sink)).toBe(2);
    expect(chunks.join('')).toBe('{"a":1}\n{"a":2}\n');
  });

  it('rejects when the output is destroyed while waiting for drain', async () => {
    const { sink } = slowSink();
    const items = Array.from({ length: 10 }, (_, i) => ({ i }));
    const done = writeNdjson(items, sink, { chunkChars: 1 });
    await new Promise((r) => setTimeout(r, 10));
    sink.destroy(new Error('EPIPE'));
    await expect(done).rejects.toThrow('EPIPE');
  });

  it('rejects instead of crashing when a write fails between waits', async () => {
    const sink = new Writable({
      write(_chunk: Buffer, _enc, callback) {
        callback(new Error('EPIPE'));
      },
    });
    const items = Array.from({ length: 10 }, (_, i) => ({ i }));
    await expect(writeNdjson(items, sink, { chunkChars: 1 })).rejects.toThrow('EPIPE');
  });
});
