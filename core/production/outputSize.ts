/**
 * How many bytes a production will add to storage, for the storage quota before anything is spent. Generous on
 * purpose (refusing late, after synthesis has been paid for, is worse than refusing early): segment audio at the
 * engine's PCM rate, a mastered PCM copy per chapter, and each package at its retailer's minimum mono bit rate
 * (the encoders aim at it; ACX is 192 kbps CBR).
 */
import { MASTER_SAMPLE_RATE_HZ } from '../audio/masteringTarget';
import { RETAIL_SPECS, type RetailPlatform } from '../audio/retailSpecs';

const SEGMENT_PCM_BYTES_PER_SECOND = 24_000 * 2;
const MASTER_PCM_BYTES_PER_SECOND = MASTER_SAMPLE_RATE_HZ * 2;

export function estimateProductionBytes(audioSeconds: number, platforms: readonly RetailPlatform[]): number {
  if (!Number.isFinite(audioSeconds) || audioSeconds < 0) throw new RangeError('audioSeconds must be ≥ 0');
  const packageBytesPerSecond = platforms.reduce((sum, platform) => {
    const kbps = Math.max(...RETAIL_SPECS[platform].formats.map((format) => format.minMonoKbps ?? 128));
    return sum + (kbps * 1000) / 8;
  }, 0);
  return Math.ceil(audioSeconds * (SEGMENT_PCM_BYTES_PER_SECOND + MASTER_PCM_BYTES_PER_SECOND + packageBytesPerSecond));
}
