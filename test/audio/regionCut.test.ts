/**
 * Where a chapter whose end changed is rendered again from (core/audio/regionCut.ts): in a pause, at an input sample
 * on a whole master sample, counted as the whole render lays the samples out; the joins on the MP3 frame and 500 ms
 * level grids before the first changed segment, with room for the pre-roll.
 */
import { LEVEL_LEAD_SEC, LEVEL_WINDOW_SEC } from '../../core/audio/levelBlocks';
import {
  AAC_FRAME_SAMPLES,
  AAC_PRE_ROLL_FRAMES,
  MP3_FRAME_SAMPLES,
  MP3_PRE_ROLL_FRAMES,
  planRegionCut,
} from '../../core/audio/regionCut';

const MASTER_RATE = 44100;

/** Each segment's first input sample as the render writes them: 750 ms head, the segments, the pauses, each rounded. */
function realStarts(rate: number, segmentSamples: number[], pausesMs = segmentSamples.map(() => 700)): number[] {
  const starts: number[] = [];
  let at = Math.round(rate * 0.75);
  for (const [index, samples] of segmentSamples.entries()) {
    starts.push(at);
    at += samples + Math.round((rate * pausesMs[index]) / 1000);
  }
  return starts;
}

/** A chapter's record times as the whole render computes them: the rendered layout, each a whole input sample. */
function layout(rate: number, segmentSamples: number[], pausesMs?: number[]) {
  const starts = realStarts(rate, segmentSamples, pausesMs);
  return {
    segmentStartsSec: starts.map((at) => at / rate),
    segmentEndsSec: starts.map((at, index) => (at + segmentSamples[index]) / rate),
    inputRateHz: rate,
  };
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
      // The lead silence ends exactly where the segment's first sample is.
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
      // The AAC's: encoded from a frame boundary in the render, its priming packet and four frames before the cut; the
      // last stored packet kept (its window and the encoder's look-ahead a frame past it) before the change.
      expect(cut.aacEncodeFromSample % AAC_FRAME_SAMPLES).toBe(0);
      expect(cut.aacEncodeFromSample).toBeGreaterThanOrEqual(cut.startSample);
      expect(cut.aacKeepPackets - cut.aacEncodeFromSample / AAC_FRAME_SAMPLES).toBeGreaterThanOrEqual(
        1 + AAC_PRE_ROLL_FRAMES,
      );
      expect((cut.aacKeepPackets + 1) * AAC_FRAME_SAMPLES).toBeLessThan(changeSample);
      // As late as the pre-roll allows: the pause after the chosen one leaves too little room.
      expect(cut.fromSegment).toBeLessThan(8);
    },
  );

  it('starts where the samples are with pauses of an odd number of 10 ms (half an input sample rounded up)', () => {
    const pauses = SEGMENTS.map((_, index) => [350, 450, 800][index % 3]);
    const record = layout(22050, SEGMENTS, pauses);
    const cut = planRegionCut(record, 8)!;
    const startIn = (cut.startSample * 22050) / MASTER_RATE;
    expect(cut.fromSegmentStartSample).toBe(realStarts(22050, SEGMENTS, pauses)[cut.fromSegment]);
    expect(startIn + cut.leadSilenceSamples).toBe(cut.fromSegmentStartSample);
  });

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
