/**
 * Parts of a master as retail files of their own (split parts of long chapters, the retail sample). A cut leaves
 * a file without ACX's head and tail room tone, so each excerpt is trimmed to its speech (plus a short lead-in
 * and let-out) and padded with generated room tone at the master's level: ~0.75 s head, ~2.3 s tail.
 */
import { requireLosslessFile } from '../audio/encodingSource';
import { runFfmpeg } from '../audio/ffmpeg';
import { DEFAULT_ROOM_TONE, MASTER_SAMPLE_RATE_HZ } from '../../core/audio/masteringTarget';
import { layoutQuietRegions, type SegmentLayout, type TimeWindow } from '../../core/packaging';

export interface ToolOptions {
  ffmpegPath?: string;
  ffprobePath?: string;
  signal?: AbortSignal;
}

export interface QuietRegion {
  startSec: number;
  endSec: number;
}

/** Same threshold the readiness measurement uses for room tone, so padding lands where it is measured. */
const QUIET_THRESHOLD_DB = -50;
const MIN_QUIET_SEC = 0.2;
const LEAD_IN_SEC = 0.1;
const LET_OUT_SEC = 0.25;
const HEAD_TONE_SEC = 0.65;
const TAIL_TONE_SEC = 2.0;
const FADE_SEC = 0.02;
/** ffmpeg's pink `anoisesrc` has an RMS about 14.55 dB under its amplitude (as in adapters/audio/master.ts). */
const PINK_NOISE_CREST_DB = 14.55;
const MAX_REGIONS = 200_000;

/** Quiet stretches (below −50 dB for ≥ 0.2 s) of a file or of a window of it, in seconds from the window start. */
export async function detectQuietRegions(
  file: string,
  window: Partial<TimeWindow>,
  tools: ToolOptions = {},
): Promise<QuietRegion[]> {
  const input: string[] = [];
  if (window.startSec !== undefined) input.push('-ss', seconds(window.startSec));
  if (window.endSec !== undefined) input.push('-t', seconds(window.endSec - (window.startSec ?? 0)));
  const regions: QuietRegion[] = [];
  let openStart: number | undefined;
  await runFfmpeg(
    [
      ...input,
      '-i',
      file,
      '-map',
      '0:a:0',
      '-af',
      `silencedetect=noise=${QUIET_THRESHOLD_DB}dB:d=${MIN_QUIET_SEC}`,
      '-f',
      'null',
      '-',
    ],
    {
      binaryPath: tools.ffmpegPath,
      signal: tools.signal,
      timeoutMs: 30 * 60_000,
      onStderrLine: (line) => {
        const start = line.match(/silence_start: (-?[\d.]+)/);
        if (start) openStart = Math.max(0, Number(start[1]));
        const end = line.match(/silence_end: (-?[\d.]+)/);
        if (end && openStart !== undefined && regions.length < MAX_REGIONS) {
          regions.push({ startSec: openStart, endSec: Number(end[1]) });
          openStart = undefined;
        }
      },
    },
  );
  // This ffmpeg does not report a silence still open at the end of the input.
  if (openStart !== undefined) regions.push({ startSec: openStart, endSec: Number.POSITIVE_INFINITY });
  return regions;
}

/**
 * The quiet stretches of a window of a master: from the segment layout mastering recorded when there is one (no
 * process started), else found by a scan.
 */
export async function quietRegionsOf(
  file: string,
  window: TimeWindow,
  tools: ToolOptions,
  layout: SegmentLayout | undefined,
): Promise<QuietRegion[]> {
  if (layout) return layoutQuietRegions(layout, window, MIN_QUIET_SEC);
  return detectQuietRegions(file, window, tools);
}

/** Midpoints of the pauses inside a master (not its head or tail room tone): candidate cut points. */
export function pauseMidpoints(regions: QuietRegion[], durationSec: number): number[] {
  return regions
    .filter((r) => r.startSec > 0.05 && r.endSec < durationSec - 0.05)
    .map((r) => (r.startSec + r.endSec) / 2);
}

/** Where the speech of a window starts and ends (seconds from the window start), from its quiet regions. */
export function speechBounds(regions: QuietRegion[], windowSec: number): { onsetSec: number; offsetSec: number } {
  const first = regions[0];
  const last = regions[regions.length - 1];
  const onsetSec = first && first.startSec <= 0.05 ? Math.min(first.endSec, windowSec) : 0;
  const offsetSec = last && last.endSec >= windowSec - 0.05 && last.startSec > onsetSec ? last.startSec : windowSec;
  return { onsetSec, offsetSec };
}

/**
 * Renders `window` of `master` as a 44.1 kHz mono 16-bit WAV: speech trimmed, then padded with room tone. The WAV is
 * encoded next, so `master` must be lossless: a cut of an encoding is refused, as its encode would be. The speech is
 * found from the master's segment `layout` when given, else by a scan of the window.
 */
export async function renderExcerpt(
  master: string,
  window: TimeWindow,
  outWav: string,
  tools: ToolOptions = {},
  layout?: SegmentLayout,
): Promise<void> {
  const windowSec = window.endSec - window.startSec;
  if (!(windowSec > 0)) throw new RangeError('an excerpt needs a positive length');
  await requireLosslessFile('an excerpt cut for encoding', master, tools);
  const regions = await quietRegionsOf(master, window, tools, layout);
  const { onsetSec, offsetSec } = speechBounds(regions, windowSec);
  if (offsetSec - onsetSec < MIN_QUIET_SEC) throw new Error('the excerpt window holds no speech');
  const bodyStart = window.startSec + Math.max(0, onsetSec - LEAD_IN_SEC);
  const bodySec = Math.min(window.endSec, window.startSec + offsetSec + LET_OUT_SEC) - bodyStart;

  const amplitude = Math.min(1, 10 ** ((DEFAULT_ROOM_TONE.levelDb + PINK_NOISE_CREST_DB) / 20)).toFixed(6);
  const format = `aformat=sample_fmts=s16:sample_rates=${MASTER_SAMPLE_RATE_HZ}:channel_layouts=mono`;
  const tone = (sec: number, seed: number) =>
    `anoisesrc=c=pink:r=${MASTER_SAMPLE_RATE_HZ}:a=${amplitude}:seed=${seed}:d=${sec.toFixed(3)},${format}`;
  const fadeOutAt = Math.max(0, bodySec - FADE_SEC).toFixed(3);
  const graph =
    `${tone(HEAD_TONE_SEC, 7301)}[head];${tone(TAIL_TONE_SEC, 7302)}[tail];` +
    `[0:a]aresample=${MASTER_SAMPLE_RATE_HZ},${format},afade=t=in:d=${FADE_SEC},` +
    `afade=t=out:st=${fadeOutAt}:d=${FADE_SEC}[body];` +
    `[head][body][tail]concat=n=3:v=0:a=1[out]`;
  await runFfmpeg(
    [
      '-y',
      '-ss',
      seconds(bodyStart),
      '-t',
      seconds(bodySec),
      '-i',
      master,
      '-filter_complex',
      graph,
      '-map',
      '[out]',
      '-c:a',
      'pcm_s16le',
      '-map_metadata',
      '-1',
      '-bitexact',
      '-f',
      'wav',
      outWav,
    ],
    { binaryPath: tools.ffmpegPath, signal: tools.signal, timeoutMs: 60 * 60_000 },
  );
}

function seconds(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError('seconds must be finite and non-negative');
  return value.toFixed(6);
}
