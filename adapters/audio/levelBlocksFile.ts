/**
 * The stored form of a master's level blocks (core/audio/levelBlocks.ts): gzipped JSON, each series an array of
 * numbers at the meter's own precision (null for silence). A 10-minute chapter's blocks are some 40 KB.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LevelBlocks } from '../../core/audio/levelBlocks';

const FORMAT = 'khipu.levelBlocks.v1';
/** A stored file is refused past this (about 40 hours of audio). */
const MAX_BYTES = 16 * 1024 * 1024;
const SERIES = ['momentaryLufs', 'shortTermLufs', 'truePeakSoFarDb', 'windowRmsDb', 'windowPeakDb'] as const;

export class LevelBlocksFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LevelBlocksFormatError';
  }
}

/** Values at a thousandth of a dB: the meter prints no finer for loudness, and it keeps the file small. */
const rounded = (values: (number | null)[]) =>
  values.map((v) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1000) / 1000));

export function levelBlocksBytes(blocks: LevelBlocks): Buffer {
  const stored = {
    format: FORMAT,
    durationSec: blocks.durationSec,
    ...Object.fromEntries(SERIES.map((k) => [k, rounded(blocks[k])])),
  };
  return gzipSync(Buffer.from(JSON.stringify(stored), 'utf8'));
}

export function readLevelBlocks(bytes: Buffer): LevelBlocks {
  if (bytes.length > MAX_BYTES) throw new LevelBlocksFormatError('the level blocks file is too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(bytes, { maxOutputLength: 8 * MAX_BYTES }).toString('utf8'));
  } catch {
    throw new LevelBlocksFormatError('the level blocks file is not gzipped JSON');
  }
  const stored = parsed as Record<string, unknown>;
  if (stored?.format !== FORMAT) throw new LevelBlocksFormatError('the level blocks file has another format');
  if (typeof stored.durationSec !== 'number' || !(stored.durationSec >= 0))
    throw new LevelBlocksFormatError('the level blocks file has no duration');
  const series = (key: (typeof SERIES)[number]): (number | null)[] => {
    const values = stored[key];
    if (!Array.isArray(values) || !values.every((v) => v === null || typeof v === 'number'))
      throw new LevelBlocksFormatError(`the level blocks file's ${key} is not a list of numbers`);
    return values as (number | null)[];
  };
  return {
    durationSec: stored.durationSec,
    momentaryLufs: series('momentaryLufs'),
    shortTermLufs: series('shortTermLufs'),
    truePeakSoFarDb: series('truePeakSoFarDb'),
    windowRmsDb: series('windowRmsDb'),
    windowPeakDb: series('windowPeakDb'),
  };
}
