/**
 * The job's batches running in one process share one stop watch: one poll of the job document per job, whatever the
 * number of batches, and each batch still learns of the stop.
 */
import { JobStopWatches } from '../../core/production/jobStopWatches';

const jobA = { tenantId: 't1', projectId: 'p1', jobId: 'j1' };
const jobB = { tenantId: 't1', projectId: 'p1', jobId: 'j2' };

function counting() {
  const polls: { jobId: string; controller: AbortController; ended: boolean }[] = [];
  const watches = new JobStopWatches((job, controller) => {
    const poll = { jobId: job.jobId, controller, ended: false };
    polls.push(poll);
    return () => void (poll.ended = true);
  });
  return { polls, watches };
}

describe('shared stop watches', () => {
  it('polls each job once however many batches watch it, and a stop reaches every batch of that job', () => {
    const { polls, watches } = counting();
    const [first, second, other] = [new AbortController(), new AbortController(), new AbortController()];
    watches.watch(jobA, first);
    watches.watch(jobA, second);
    watches.watch(jobB, other);
    expect(polls.map((poll) => poll.jobId)).toEqual(['j1', 'j2']);

    const reason = new Error('the job was stopped');
    polls[0]!.controller.abort(reason);
    expect(first.signal.reason).toBe(reason);
    expect(second.signal.reason).toBe(reason);
    expect(other.signal.aborted).toBe(false);
    // A batch that joins a stopped job's watch is stopped at once.
    const late = new AbortController();
    watches.watch(jobA, late);
    expect(late.signal.reason).toBe(reason);
  });

  it('ends the poll with its last watcher, and a later watcher starts a new one', () => {
    const { polls, watches } = counting();
    const endFirst = watches.watch(jobA, new AbortController());
    const endSecond = watches.watch(jobA, new AbortController());
    endFirst();
    endFirst();
    expect(polls[0]!.ended).toBe(false);
    endSecond();
    expect(polls[0]!.ended).toBe(true);

    const third = new AbortController();
    watches.watch(jobA, third);
    expect(polls).toHaveLength(2);
    // The ended poll's controller no longer reaches anyone.
    polls[0]!.controller.abort(new Error('late'));
    expect(third.signal.aborted).toBe(false);
  });
});
