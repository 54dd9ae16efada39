/** Job progress arithmetic for production: ETA from the observed rate. Pure. */

/**
 * Seconds left at the rate observed since `startedAt`; null until there is a rate to go by (nothing done yet, or a
 * few milliseconds in). Rounded up to whole seconds.
 */
export function etaSeconds(done: number, total: number, startedAtMs: number, nowMs: number): number | null {
  const elapsedMs = nowMs - startedAtMs;
  if (done <= 0 || total <= 0 || elapsedMs < 1000) return null;
  const remaining = Math.max(0, total - done);
  return Math.ceil(((elapsedMs / done) * remaining) / 1000);
}

/** `items` in consecutive groups of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  const step = Math.max(1, Math.floor(size));
  for (let i = 0; i < items.length; i += step) groups.push(items.slice(i, i + step));
  return groups;
}
