/**
 * The quiet stretches of a master known from how mastering laid it out: room tone before the first segment's audio,
 * the pause between one segment's audio and the next, room tone after the last. They stand in for a silence scan
 * of the master (same shape: seconds from a window's start), so the retail sample and split parts cost no pass.
 */
import type { TimeWindow } from './retailSample';

export interface SegmentLayout {
  /** Where each segment's audio starts in the master. */
  startsSec: readonly number[];
  /** Where each segment's audio ends in the master (its start plus its audio's duration). */
  endsSec: readonly number[];
}

interface LayoutQuietRegion {
  startSec: number;
  endSec: number;
}

/**
 * The layout when the master recorded one that fits (a start and an end per segment, in order), else undefined:
 * masters stored before the ends were recorded are scanned instead.
 */
export function segmentLayoutOf(
  startsSec: readonly number[] | undefined,
  endsSec: readonly number[] | undefined,
): SegmentLayout | undefined {
  if (!startsSec?.length || endsSec?.length !== startsSec.length) return undefined;
  for (const [index, start] of startsSec.entries()) {
    const end = endsSec[index];
    if (!(end >= start) || (index > 0 && start < endsSec[index - 1])) return undefined;
  }
  return { startsSec, endsSec };
}

/**
 * The gaps between segment audio inside `window` at least `minQuietSec` long there (as a scan of the window would
 * find them), in seconds from the window's start.
 */
export function layoutQuietRegions(
  layout: SegmentLayout,
  window: TimeWindow,
  minQuietSec: number,
): LayoutQuietRegion[] {
  const gaps: LayoutQuietRegion[] = [{ startSec: Number.NEGATIVE_INFINITY, endSec: layout.startsSec[0] }];
  for (let index = 0; index < layout.startsSec.length; index++)
    gaps.push({
      startSec: layout.endsSec[index],
      endSec: layout.startsSec[index + 1] ?? Number.POSITIVE_INFINITY,
    });
  const regions: LayoutQuietRegion[] = [];
  for (const gap of gaps) {
    const startSec = Math.max(gap.startSec, window.startSec);
    const endSec = Math.min(gap.endSec, window.endSec);
    if (endSec - startSec < minQuietSec) continue;
    regions.push({ startSec: startSec - window.startSec, endSec: endSec - window.startSec });
  }
  return regions;
}
