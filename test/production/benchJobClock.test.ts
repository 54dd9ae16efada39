import { jobEnd, lastCompletionSec } from '../../bench/production/jobClock';
import type { ActivitySpan } from '../../bench/production/regenerationBreakdown';

/**
 * The production benchmark times a job to its recorded end, not to the poll that noticed it: a client backing off
 * as the studio does sees the end up to 5 s late, which made a 4.6 s regeneration read as 6.2 s.
 */
const START = Date.parse('2026-12-05T21:00:00.000Z');

test('a run lasts until the job recorded its end; when the studio saw it is kept beside it', () => {
  const end = jobEnd(START, '2026-12-05T21:00:04.570Z', START + 6_200);
  expect(end).toEqual({ wallSec: 4.57, seenByStudioSec: 6.2, endAtMs: START + 4_570, recorded: true });
});

test('without a recorded end, the poll that saw the job ended stands in, and says so', () => {
  expect(jobEnd(START, null, START + 6_200)).toEqual({
    wallSec: 6.2,
    seenByStudioSec: 6.2,
    endAtMs: START + 6_200,
    recorded: false,
  });
  expect(jobEnd(START, 'not a date', START + 6_200).recorded).toBe(false);
});

test('a recorded end is never later than the poll that read it', () => {
  expect(jobEnd(START, '2026-12-05T21:00:07.000Z', START + 6_200).wallSec).toBe(6.2);
});

test("synthesis ends when the production's last synthesis activity completed, whichever started last", () => {
  const span = (name: string, startSec: number, durationSec: number): ActivitySpan => ({
    instanceId: 'chapter',
    name,
    startSec,
    durationSec,
  });
  const spans = [
    span('productionSynthesizeSegments', 1, 9),
    span('productionSynthesizeSegments', 8, 1.5),
    span('productionMasterChapter', 10, 4),
  ];
  expect(lastCompletionSec(spans, 'productionSynthesizeSegments')).toBe(10);
  expect(lastCompletionSec(spans, 'productionPackage')).toBeUndefined();
});
