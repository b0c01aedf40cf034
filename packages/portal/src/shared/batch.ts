/**
 * Gathers the items pushed during one turn of the event loop (and while the previous batch is still running) and
 * hands them to `run` together: work that is cheaper per item in bulk, such as logging each API request, stays off
 * the requests' path and costs less under load. Each push settles with its own item's result.
 */
export interface BatchQueue<I, O> {
  push(item: I): Promise<O>;
}

export function batchQueue<I, O>(run: (items: I[]) => Promise<PromiseSettledResult<O>[]>): BatchQueue<I, O> {
  type Waiting = { item: I; resolve: (value: O) => void; reject: (reason: unknown) => void };
  let waiting: Waiting[] = [];
  let scheduled = false;
  const flush = async (): Promise<void> => {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    try {
      const results = await run(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const result = results[i];
        if (result?.status === 'fulfilled') w.resolve(result.value);
        else w.reject(result?.reason ?? new Error('batchQueue: no result for an item'));
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  };
  return {
    push: (item) =>
      new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      }),
  };
}
