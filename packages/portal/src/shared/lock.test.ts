import { describe, expect, it } from 'vitest';
import { KeyedLock } from './lock.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedLock', () => {
  it('runs work of the same key one at a time, in call order', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(`${name} start`);
      await tick();
      order.push(`${name} end`);
      return name;
    };
    expect(await Promise.all([lock.run('k', job('a')), lock.run('k', job('b'))])).toEqual(['a', 'b']);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('lets different keys run side by side', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(`${name} start`);
      await tick();
      order.push(`${name} end`);
    };
    await Promise.all([lock.run('x', job('a')), lock.run('y', job('b'))]);
    expect(order.slice(0, 2)).toEqual(['a start', 'b start']);
  });

  it('a failure reaches its caller and does not block the next run', async () => {
    const lock = new KeyedLock();
    const failed = lock.run('k', () => Promise.reject(new Error('boom')));
    const next = lock.run('k', () => Promise.resolve('ok'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
