/**
 * Runs `work` over `items` with at most `overall` at once and at most `perHost` at once per host
 * (issue #15: an import of 1,000 links to one site must not open 1,000 requests to it). Results
 * come back in the order of `items`. Pure scheduling: the work does the I/O.
 */
export async function runPerHost<T, R>(
  items: readonly T[],
  hostOf: (item: T) => string,
  work: (item: T) => Promise<R>,
  { overall, perHost }: { overall: number; perHost: number },
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const waiting = items.map((_, i) => i);
  const busy = new Map<string, number>();
  let running = 0;
  return new Promise((resolve, reject) => {
    const next = () => {
      if (!waiting.length && !running) return resolve(results);
      while (running < overall) {
        const at = waiting.findIndex((i) => (busy.get(hostOf(items[i]!)) ?? 0) < perHost);
        if (at < 0) return;
        const index = waiting.splice(at, 1)[0]!;
        const host = hostOf(items[index]!);
        busy.set(host, (busy.get(host) ?? 0) + 1);
        running++;
        work(items[index]!).then((result) => {
          results[index] = result;
          busy.set(host, busy.get(host)! - 1);
          running--;
          next();
        }, reject);
      }
    };
    next();
  });
}
