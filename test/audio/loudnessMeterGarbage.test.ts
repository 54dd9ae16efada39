/**
 * The level meter runs over every sample of a production (some 65 million per book) on the platform's main thread,
 * so its sample loop must allocate nothing per sample: counted as garbage collections while ten minutes of audio are
 * pushed (the loop that boxed its numbers made about 50 bytes of garbage per sample, over a hundred collections
 * here). How the audio is cut into pushes must not change a single figure.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { LoudnessMeter } from '../../core/audio/loudnessMeter';

const RATE = 22_050;

function speechLike(seconds: number): Int16Array {
  const samples = new Int16Array(Math.round(seconds * RATE));
  for (let i = 0; i < samples.length; i++) {
    const envelope = 0.5 + 0.5 * Math.sin(i / 3000);
    samples[i] = Math.round(9000 * envelope * Math.sin(i / 7) + 2500 * Math.sin(i / 2.3));
  }
  return samples;
}

/** Garbage collections that happened while `work` ran (the entries arrive after it, on a later turn). */
async function collectionsDuring(work: () => void): Promise<number> {
  let collections = 0;
  const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  work();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return collections;
}

describe('the loudness meter', () => {
  it('meters ten minutes of audio without garbage per sample', async () => {
    const chunk = speechLike(0.5);
    const meter = new LoudnessMeter();
    // Warm up, so the loop runs optimized as it does after the first segments of a production: V8 compiles it on a
    // helper thread, which the pauses leave room for on a busy machine.
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 20; i++) meter.push(chunk, RATE);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pushes = (10 * 60) / 0.5;
    const collections = await collectionsDuring(() => {
      // A view per push, as the level tap makes of each downloaded chunk.
      for (let i = 0; i < pushes; i++) meter.push(new Int16Array(chunk.buffer, 0, chunk.length), RATE);
    });
    // A few collections come from the views and the finished sub-blocks (a number per 100 ms), not from samples.
    expect(collections).toBeLessThanOrEqual(5);
    expect(meter.result().durationSec).toBeCloseTo(650, 6);
  });

  it('gives the same figures however the audio is cut into pushes', () => {
    const audio = speechLike(7.3);
    const whole = new LoudnessMeter();
    whole.push(audio, RATE);
    whole.pushSilence(0.37);
    for (const size of [1, 7, 2205, 2206, 4096, 65_536]) {
      const cut = new LoudnessMeter();
      for (let start = 0; start < audio.length; start += size) cut.push(audio.subarray(start, start + size), RATE);
      cut.pushSilence(0.37);
      const { durationSec, ...levels } = cut.result();
      const { durationSec: wholeDuration, ...wholeLevels } = whole.result();
      expect(levels).toEqual(wholeLevels);
      expect(durationSec).toBeCloseTo(wholeDuration, 9);
    }
  });
});
