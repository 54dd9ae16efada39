/**
 * A chapter's segments go to synthesis in as few activities as a batch may hold: every activity costs a host
 * invocation with its own reads and the Durable engine's messages, and one batch keeps the engines as busy as several.
 */
import { MAX_SEGMENTS_PER_BATCH, synthesisBatches } from './synthesisBatches';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `s${i}`);

test('a chapter of up to a full batch of segments is one synthesis activity', () => {
  expect(synthesisBatches(ids(MAX_SEGMENTS_PER_BATCH))).toEqual([ids(MAX_SEGMENTS_PER_BATCH)]);
  expect(synthesisBatches(ids(1))).toEqual([['s0']]);
  expect(synthesisBatches([])).toEqual([]);
});

test('a longer chapter takes as few activities as batches may hold, every segment once and in order', () => {
  for (const count of [40, 51, 60, 100]) {
    const batches = synthesisBatches(ids(count));
    expect(batches).toHaveLength(Math.ceil(count / MAX_SEGMENTS_PER_BATCH));
    expect(batches.every((batch) => batch.length <= MAX_SEGMENTS_PER_BATCH)).toBe(true);
    expect(batches.flat()).toEqual(ids(count));
  }
});
