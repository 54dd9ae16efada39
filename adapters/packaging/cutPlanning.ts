/**
 * Where to cut: long chapters into parts under the platform's per-file limit (at segment starts when the pipeline
 * gives them, else in pauses found in the audio), and the window of the retail sample. The cut policy is the one
 * splitLongAudio uses (chooseCuts); the cutting itself re-pads each part with room tone (see excerpt.ts).
 */
import {
  chooseSampleWindow,
  explicitSampleWindow,
  maxFileSeconds,
  pickSampleChapter,
  SAMPLE_LIMITS,
  segmentLayoutOf,
  wantsRetailSample,
  type PackageRequest,
  type TimeWindow,
} from '../../core/packaging';
import { readEncodingSource } from '../audio/encodingSource';
import { chooseCuts } from '../audio/split';
import { detectQuietRegions, pauseMidpoints, quietRegionsOf, type ToolOptions } from './excerpt';

/** Cut no earlier than this fraction of the limit (as splitLongAudio does). */
const SEARCH_FROM_FRACTION = 0.8;
/** A segment start is where speech begins; the cut goes just before it, inside the pause. */
const BEFORE_SEGMENT_SEC = 0.05;

/** A master's duration, from its header where the master is a FLAC or a PCM WAV (no ffprobe process). */
async function durationOf(master: string, tools: ToolOptions): Promise<number> {
  return (await readEncodingSource(master, tools)).durationSec;
}

/**
 * Per chapter: the windows of its parts, or undefined when it fits in one file. Found in the master the parts are cut
 * from (`masterFile`), not in an encoding standing in for it, whose encoder padding would shift them.
 */
export async function planCutWindows(
  request: PackageRequest,
  tools: ToolOptions,
  masterFile: (chapterIndex: number) => Promise<string>,
): Promise<(TimeWindow[] | undefined)[]> {
  const limitSec = maxFileSeconds(request.platform, request.maxFileMinutes);
  const windows: (TimeWindow[] | undefined)[] = [];
  for (const [chapterIndex, chapter] of request.chapters.entries()) {
    if (limitSec === undefined || chapter.durationSec <= limitSec * 0.95) {
      windows.push(undefined);
      continue;
    }
    const master = await masterFile(chapterIndex);
    const durationSec = await durationOf(master, tools);
    if (durationSec <= limitSec) {
      windows.push(undefined);
      continue;
    }
    const candidates = chapter.segmentStartsSec?.length
      ? chapter.segmentStartsSec.map((s) => s - BEFORE_SEGMENT_SEC)
      : pauseMidpoints(await detectQuietRegions(master, {}, tools), durationSec);
    const edges = [0, ...chooseCuts(durationSec, limitSec, candidates, SEARCH_FROM_FRACTION), durationSec];
    windows.push(edges.slice(1).map((endSec, i) => ({ startSec: edges[i], endSec })));
  }
  return windows;
}

/** How the sample's planning reaches a chapter's master: its local file, and a window chosen in it before. */
export interface SampleSource {
  /** The chapter's master on local disk (fetched on first use where the caller fetches lazily). */
  masterFile(chapterIndex: number): Promise<string>;
  /** The automatic window chosen in this chapter's master by an earlier build, when one was recorded. */
  knownWindow?(chapterIndex: number): Promise<TimeWindow | undefined>;
}

export async function planRetailSample(
  request: PackageRequest,
  tools: ToolOptions,
  source: SampleSource,
): Promise<{ chapterIndex: number; window: TimeWindow } | undefined> {
  if (!wantsRetailSample(request)) return undefined;
  const sample = request.retailSample;
  if (typeof sample === 'object') {
    const durationSec = await durationOf(await source.masterFile(sample.fromChapterIndex), tools);
    return { chapterIndex: sample.fromChapterIndex, window: explicitSampleWindow(sample, durationSec) };
  }
  const chapterIndex = pickSampleChapter(request.chapters);
  // The window is decided by the master's bytes alone: one chosen in the same master is the one this scan would find.
  const known = await source.knownWindow?.(chapterIndex);
  if (known) return { chapterIndex, window: known };
  const masterFile = await source.masterFile(chapterIndex);
  const durationSec = await durationOf(masterFile, tools);
  let pauses: number[] = [];
  if (durationSec > SAMPLE_LIMITS.wholeChapterMaxSec) {
    const scannedSec = SAMPLE_LIMITS.maxSec + 5;
    const { segmentStartsSec, segmentEndsSec } = request.chapters[chapterIndex];
    const layout = segmentLayoutOf(segmentStartsSec, segmentEndsSec);
    const regions = await quietRegionsOf(masterFile, { startSec: 0, endSec: scannedSec }, tools, layout);
    pauses = pauseMidpoints(regions, scannedSec);
  }
  return { chapterIndex, window: chooseSampleWindow(durationSec, pauses) };
}
