/** Height of the drawing in SVG units; bars grow up and down from the middle. */
export const WAVEFORM_HEIGHT = 100;
/** Share of a bucket's width a bar takes, leaving a gap between bars. */
const BAR_WIDTH = 0.8;
/** A silent stretch still shows as a hairline, so the timeline reads as continuous. */
const MIN_BAR = 0.5;

/** Bars the drawing keeps at most: on a laptop-width player each stays a few pixels wide and legible. */
export const MAX_BARS = 320;

/** Fewer, wider bars: each keeps the loudest peak of the stretch it stands for. */
export function downsample(peaks: readonly number[], maxBars = MAX_BARS): number[] {
  if (peaks.length <= maxBars) return [...peaks];
  const bars: number[] = [];
  for (let bar = 0; bar < maxBars; bar++) {
    const start = Math.floor((bar * peaks.length) / maxBars);
    const end = Math.floor(((bar + 1) * peaks.length) / maxBars);
    let loudest = 0;
    for (let index = start; index < end; index++) loudest = Math.max(loudest, peaks[index]);
    bars.push(loudest);
  }
  return bars;
}

/**
 * One SVG path holding every bar: bar `i` spans x = i..i+0.8 and is as tall as its peak relative to the loudest one
 * (a quiet master still shows its shape). The SVG's viewBox is `peaks.length` wide, so the browser scales it.
 */
export function waveformPath(peaks: readonly number[]): string {
  const loudest = peaks.reduce((max, peak) => Math.max(max, peak), 0);
  const middle = WAVEFORM_HEIGHT / 2;
  return peaks
    .map((peak, index) => {
      const half = Math.max(MIN_BAR, loudest > 0 ? (peak / loudest) * middle : 0);
      const top = round(middle - half);
      return `M${index} ${top}h${BAR_WIDTH}v${round(half * 2)}h-${BAR_WIDTH}z`;
    })
    .join('');
}

/** Where a pointer at `clientX` falls on an element spanning `left`..`left + width`, as a share 0..1. */
export function pointerFraction(clientX: number, left: number, width: number): number {
  if (width <= 0) return 0;
  return Math.min(1, Math.max(0, (clientX - left) / width));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
