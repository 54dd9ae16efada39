/**
 * The CPU this process has used since `start` (from `process.cpuUsage()`), in milliseconds: a budget of work that a
 * busy machine does not stretch, where jest's wall-clock budget grows with every other process sharing the cores.
 */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
