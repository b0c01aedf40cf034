import { describe, expect, it } from 'vitest';
import { batchQueue } from './batch.ts';

describe('batchQueue', () => {
  it('hands the items pushed in one turn to one run, in order, and settles each push with its own result', async () => {
    const runs: number[][] = [];
    const queue = batchQueue<number, string>(async (items) => {
      runs.push(items);
      return items.map((n) =>
        n < 0 ? { status: 'rejected', reason: new Error(`bad ${n}`) } : { status: 'fulfilled', value: `#${n}` },
      );
    });
    const first = [queue.push(1), queue.push(-2), queue.push(3)];
    const settled = await Promise.allSettled(first);
    expect(runs).toEqual([[1, -2, 3]]);
    expect(settled[0]).toEqual({ status: 'fulfilled', value: '#1' });
    expect(settled[1]).toMatchObject({ status: 'rejected', reason: new Error('bad -2') });
    expect(settled[2]).toEqual({ status: 'fulfilled', value: '#3' });
    expect(await queue.push(4)).toBe('#4');
    expect(runs).toEqual([[1, -2, 3], [4]]);
  });

  it('rejects every push of a batch whose run fails', async () => {
    const queue = batchQueue<number, number>(() => Promise.reject(new Error('store down')));
    const settled = await Promise.allSettled([queue.push(1), queue.push(2)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
