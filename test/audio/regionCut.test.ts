/**
 * Where a chapter whose end changed is rendered again from (core/audio/regionCut.ts): in a pause, at an input sample
 * on a whole master sample, counted as the whole render lays the samples out; the joins on the MP3 frame and 500 ms
 * level grids before the first changed segment, with room for the pre-roll.
 */
import { LEVEL_LEAD_SEC, LEVEL_WINDOW_SEC } from '../../core/audio/levelBlocks';
import { MP3_FRAME_SAMPLES, MP3_PRE_ROLL_FRAMES, planRegionCut } from '../../core/audio/regionCut';

const MASTER_RATE = 44100;

/** A chapter's record times as the whole render computes them: 750 ms head, the segments' lengths, 700 ms pauses. */
function layout(rate: number, segmentSamples: number[]) {
  const segmentStartsSec: number[] = [];
  const segmentEndsSec: number[] = [];
  let cursor = 0.75;
  for (const [index, samples] of segmentSamples.entries()) {
    segmentStartsSec.push(cursor);
    cursor += samples / rate;
    segmentEndsSec.push(cursor);
    if (index < segmentSamples.length - 1) cursor += 0.7;
  }
  return { segmentStartsSec, segmentEndsSec, inputRateHz: rate };
}

/** The input sample each segment really starts at: the head and pauses rounded to a sample, as the render writes them. */
function realStarts(rate: number, segmentSamples: number[]): number[] {
  const starts: number[] = [];
  let at = Math.round(rate * 0.75);
  for (const samples of segmentSamples) {
    starts.push(at);
    at += samples + Math.round(rate * 0.7);
  }
  return starts;
}

const SEGMENTS = [135_636, 112_780, 79_526, 91_080, 101_233, 40_001, 88_888, 70_707, 99_999, 66_666];

describe('planRegionCut', () => {
  it.each([22050, 24000, 16000])(
    'starts at %i Hz in a pause, on a whole master sample, with the joins after it',
    (rate) => {
      const samples = SEGMENTS.map((n) => Math.round((n * rate) / 22050));
      const record = layout(rate, samples);
      const cut = planRegionCut(record, 8)!;
      expect(cut).not.toBeNull();
      const startIn = (cut.startSample * rate) / MASTER_RATE;
      expect(Number.isInteger(startIn)).toBe(true);
      // The lead silence ends exactly where the segment's first sample is (not where the record's times say, which add
      // the unrounded head).
      expect(startIn + cut.leadSilenceSamples).toBe(realStarts(rate, samples)[cut.fromSegment]);
      const pauseStart = realStarts(rate, samples)[cut.fromSegment - 1] + samples[cut.fromSegment - 1];
      expect(startIn - pauseStart).toBeGreaterThanOrEqual(0.1 * rate);
      // The joins: the levels' on the grid with a short-term window of render before it, the MP3's four frames in, both
      // before the changed segment.
      const changeSample = record.segmentStartsSec[8] * MASTER_RATE;
      expect((cut.joinSec / LEVEL_WINDOW_SEC) % 1).toBe(0);
      expect(cut.joinSec - LEVEL_LEAD_SEC).toBeGreaterThanOrEqual(cut.startSample / MASTER_RATE);
      expect(cut.joinSec * MASTER_RATE).toBeLessThan(changeSample);
      expect(cut.mp3EncodeFromSample % MP3_FRAME_SAMPLES).toBe(0);
      expect(cut.mp3EncodeFromSample).toBeGreaterThanOrEqual(cut.startSample);
      expect(cut.mp3KeepFrames - cut.mp3EncodeFromSample / MP3_FRAME_SAMPLES).toBeGreaterThanOrEqual(
        MP3_PRE_ROLL_FRAMES,
      );
      expect((cut.mp3KeepFrames + 1) * MP3_FRAME_SAMPLES).toBeLessThan(changeSample);
      // As late as the pre-roll allows: the pause after the chosen one leaves too little room.
      expect(cut.fromSegment).toBeLessThan(8);
    },
  );

  it('finds no cut when the change is too close to the chapter’s start', () => {
    expect(planRegionCut(layout(22050, SEGMENTS), 0)).toBeNull();
    expect(planRegionCut(layout(22050, [22050, 22050, 22050]), 1)).toBeNull();
  });

  it('counts segments added at the end from the last one’s end', () => {
    const record = layout(22050, SEGMENTS);
    const cut = planRegionCut(record, SEGMENTS.length)!;
    expect(cut.joinSec * MASTER_RATE).toBeLessThan(record.segmentEndsSec[SEGMENTS.length - 1] * MASTER_RATE);
  });
});
