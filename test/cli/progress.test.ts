import type { JobView } from '../../core/api/jobs';
import { JobProgressDisplay } from '../../local/cli/progress';

function snapshot(phase: string, chaptersDone: number, segmentsDone: number): JobView {
  return {
    progress: {
      phase,
      chaptersDone,
      chaptersTotal: 3,
      segmentsDone,
      segmentsTotal: 30,
      etaSeconds: 90,
      costSoFarUsd: 0,
      message: '',
    },
  } as unknown as JobView;
}

test('in a log (no TTY) it prints a line per phase change and per finished chapter, not per poll', () => {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    const display = new JobProgressDisplay('Production');
    for (const [phase, chapters, segments] of [
      ['synthesizing', 0, 0],
      ['synthesizing', 0, 5],
      ['synthesizing', 1, 10],
      ['synthesizing', 1, 12],
      ['packaging', 3, 30],
    ] as const)
      display.update(snapshot(phase, chapters, segments));
    display.stop();
  } finally {
    log.mockRestore();
  }
  expect(lines).toEqual([
    '  Production: synthesizing (0/3 chapters, 0/30 segments) ETA 1m30s',
    '  Production: synthesizing (1/3 chapters, 10/30 segments) ETA 1m30s',
    '  Production: packaging (3/3 chapters, 30/30 segments) ETA 1m30s',
  ]);
});
