/**
 * Like Promise.all, but a failure is reported only once every promise has ended (the first in argument order when
 * several fail), so nothing is still running, or still to publish, when the caller goes on to fail a job.
 */
export async function allEnded<T extends unknown[]>(...promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as T;
}
