/**
 * `Promise.all(items.map(fn))` with at most `limit` calls in flight, results in input
 * order. Reading or writing 25,000 files at once exhausts the process's file handles.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** How many files to read or write at once. */
export const FILE_CONCURRENCY = 64;
