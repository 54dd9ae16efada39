/**
 * Prefer `cpuMsSince`: a wall-clock budget fails on a loaded machine although the code is linear.
 *
 * Lets jest enforce a test's time budget after a long synchronous step: await it after each step of a hostile-input
 * test. Jest's budget is a timer, and timers run in the order they fall due, so a step that overran fails here.
 * `setImmediate` does not do this: its callback runs before the timers phase that holds jest's budget, so a test
 * whose steps each yield that way passes however long it took (measured: a 1.5 s step under a 0.5 s budget passed).
 */
export const jestBudgetCheck = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The CPU this process has used since `start` (from `process.cpuUsage()`), in milliseconds: a budget of work that a
 * busy machine does not stretch, where jest's wall-clock budget grows with every other process sharing the cores.
 */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
