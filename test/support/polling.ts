/**
 * Waits between polls of something that finishes on its own (a job, a privacy job): short at first, since most such
 * waits in the tests end within a few hundred milliseconds, then growing to `capMs`, so a long wait costs the
 * platform no more requests than a fixed interval would. A fixed interval made every short wait last a whole one.
 */
export function pollBackoff(capMs: number, firstMs = 20): () => Promise<void> {
  let next = Math.min(firstMs, capMs);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, next));
    next = Math.min(next * 2, capMs);
  };
}
