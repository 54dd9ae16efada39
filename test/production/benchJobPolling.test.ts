import { pollUntilEnded, studioPollDelay } from '../../bench/production/jobPolling';

/**
 * The production benchmark follows its job as the studio does, so the product is not charged for a client far more
 * eager than its own. The job here ends once the client has waited as long as the benchmark's production runs
 * (about 40 s); no real time passes.
 */
async function pollsForJobLasting(jobMs: number): Promise<{ polls: number; waits: number[] }> {
  let waitedMs = 0;
  const waits: number[] = [];
  const { polls } = await pollUntilEnded(
    async () => ({ status: waitedMs >= jobMs ? 'succeeded' : 'running' }),
    undefined,
    async (ms) => {
      waits.push(ms);
      waitedMs += ms;
    },
  );
  return { polls, waits };
}

describe('the production benchmark polls its job like the studio', () => {
  it('backs off from 0.75 s after the first read to at most 5 s, as the studio does after each update', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(studioPollDelay)).toEqual([
      500, 750, 1125, 1688, 2531, 3797, 5000, 5000, 5000,
    ]);
  });

  it('reads a 40 s job about a dozen times instead of 160', async () => {
    const { polls, waits } = await pollsForJobLasting(40_000);
    expect(waits[0]).toBe(750);
    expect(polls).toBe(13);
  });

  it('stops at the first read that finds the job ended, whatever the ending', async () => {
    for (const status of ['succeeded', 'failed', 'cancelled']) {
      let reads = 0;
      const result = await pollUntilEnded(
        async () => ({ status: ++reads === 3 ? status : 'running' }),
        undefined,
        async () => undefined,
      );
      expect(result).toEqual({ job: { status }, polls: 3 });
    }
  });
});
