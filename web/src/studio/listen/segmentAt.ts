import type { TimelineSegment } from '../../api/listening';

/** The line being heard at `time` seconds into the chapter master, if the master places it. */
export function segmentAt(segments: TimelineSegment[], time: number): TimelineSegment | undefined {
  return segments.find(
    (segment) =>
      segment.startSec !== null && segment.endSec !== null && time >= segment.startSec && time < segment.endSec,
  );
}
