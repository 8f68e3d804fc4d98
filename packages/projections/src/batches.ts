/**
 * Groups an async stream into batches of what has arrived while the consumer was busy: when the
 * source is quiet every batch is one item (no waiting for a batch to fill), under load a batch is
 * everything that queued up during the previous one, up to `max`. At most `2 × max` items are read
 * ahead, so a consumer far behind its source does not pull the whole backlog into memory.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, max: number): AsyncGenerator<T[]> {
  const queue: T[] = [];
  let done = false;
  let failure: unknown;
  let wakeConsumer: (() => void) | undefined;
  let wakePump: (() => void) | undefined;
  const pump = (async () => {
    try {
      for await (const item of source) {
        queue.push(item);
        wakeConsumer?.();
        if (queue.length >= 2 * max) await new Promise<void>((resolve) => (wakePump = resolve));
      }
    } catch (error) {
      failure = error;
    } finally {
      done = true;
      wakeConsumer?.();
    }
  })();
  for (;;) {
    if (queue.length === 0) {
      if (done) break;
      await new Promise<void>((resolve) => (wakeConsumer = resolve));
      wakeConsumer = undefined;
      continue;
    }
    const batch = queue.splice(0, max);
    wakePump?.();
    wakePump = undefined;
    yield batch;
  }
  await pump;
  if (failure !== undefined) throw failure;
}
