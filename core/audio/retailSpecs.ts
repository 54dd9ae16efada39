/** Retail delivery specs (docs/retail-specs.md) as data; readiness rules are generated from these. */

export type RetailPlatform = 'acx' | 'apple' | 'google' | 'spotify' | 'kobo';

export interface Range {
  min?: number;
  max?: number;
}

export interface AcceptedFormat {
  /** ffprobe format name fragment: mp3, mp4 (m4a/m4b), flac, wav. */
  container: 'mp3' | 'mp4' | 'flac' | 'wav';
  codecs: string[];
  /** Minimum bit rate for mono (kbps); stereo needs `minStereoKbps`. */
  minMonoKbps?: number;
  minStereoKbps?: number;
  cbrRequired?: boolean;
  minBitsPerSample?: number;
}

export interface RetailSpec {
  platform: RetailPlatform;
  label: string;
  packaging: 'single-m4b' | 'file-per-chapter' | 'zip-of-files';
  formats: AcceptedFormat[];
  minSampleRateHz: number;
  exactSampleRateHz?: number;
  /** All files share one channel count; `mono` forces 1. */
  channels: 'mono' | 'consistent';
  rmsDb?: Range;
  maxPeakDb?: number;
  maxNoiseFloorDb?: number;
  headRoomToneMs?: Range;
  tailRoomToneMs?: Range;
  maxFileMinutes?: number;
  maxFileBytes?: number;
  maxTotalHours?: number;
  minTotalMinutes?: number;
  needsChapterMarkers?: boolean;
  needsCredits?: boolean;
  retailSampleMinutes?: Range;
  cover: { minPx: number; maxPx?: number; square: boolean; rgb: boolean; formats: ('jpeg' | 'png')[] };
  isbnRequired: boolean;
  /** AI narration must be disclosed everywhere (docs/retail-specs.md). */
  disclosureRequired: boolean;
}

const ACX_LEVELS = { rmsDb: { min: -23, max: -18 }, maxPeakDb: -3, maxNoiseFloorDb: -60 } as const;
const MP3_CBR_192: AcceptedFormat = {
  container: 'mp3',
  codecs: ['mp3'],
  minMonoKbps: 192,
  minStereoKbps: 192,
  cbrRequired: true,
};

export const RETAIL_SPECS: Readonly<Record<RetailPlatform, RetailSpec>> = Object.freeze({
  acx: {
    platform: 'acx',
    label: 'ACX / Audible',
    packaging: 'file-per-chapter',
    formats: [MP3_CBR_192],
    minSampleRateHz: 44100,
    exactSampleRateHz: 44100,
    channels: 'consistent',
    ...ACX_LEVELS,
    headRoomToneMs: { min: 500, max: 1000 },
    tailRoomToneMs: { min: 1000, max: 5000 },
    maxFileMinutes: 120,
    needsCredits: true,
    retailSampleMinutes: { min: 1, max: 5 },
    cover: { minPx: 2400, square: true, rgb: true, formats: ['jpeg'] },
    isbnRequired: false,
    disclosureRequired: true,
  },
  apple: {
    platform: 'apple',
    label: 'Apple Books',
    packaging: 'single-m4b',
    formats: [{ container: 'mp4', codecs: ['aac'], minMonoKbps: 64 }],
    minSampleRateHz: 44100,
    channels: 'consistent',
    ...ACX_LEVELS,
    maxTotalHours: 23,
    needsChapterMarkers: true,
    cover: { minPx: 1400, square: true, rgb: true, formats: ['jpeg', 'png'] },
    isbnRequired: false,
    disclosureRequired: true,
  },
  google: {
    platform: 'google',
    label: 'Google Play Books',
    packaging: 'zip-of-files',
    formats: [
      { container: 'mp3', codecs: ['mp3'], minMonoKbps: 128, minStereoKbps: 256 },
      { container: 'mp4', codecs: ['aac'], minMonoKbps: 128, minStereoKbps: 256 },
      { container: 'flac', codecs: ['flac'], minBitsPerSample: 16 },
      { container: 'wav', codecs: ['pcm_s16le', 'pcm_s24le'], minBitsPerSample: 16 },
    ],
    minSampleRateHz: 44100,
    channels: 'consistent',
    headRoomToneMs: { min: 300 },
    tailRoomToneMs: { min: 300 },
    minTotalMinutes: 5,
    cover: { minPx: 1024, maxPx: 7200, square: true, rgb: true, formats: ['jpeg', 'png'] },
    isbnRequired: false,
    disclosureRequired: true,
  },
  spotify: {
    platform: 'spotify',
    label: 'Spotify (INaudio / Findaway)',
    packaging: 'file-per-chapter',
    formats: [
      { ...MP3_CBR_192, cbrRequired: false },
      { container: 'flac', codecs: ['flac'], minBitsPerSample: 16 },
      { container: 'wav', codecs: ['pcm_s16le', 'pcm_s24le'], minBitsPerSample: 16 },
    ],
    minSampleRateHz: 44100,
    channels: 'consistent',
    ...ACX_LEVELS,
    maxFileMinutes: 120,
    needsCredits: true,
    cover: { minPx: 2400, square: true, rgb: true, formats: ['jpeg'] },
    isbnRequired: true,
    disclosureRequired: true,
  },
  kobo: {
    platform: 'kobo',
    label: 'Kobo',
    packaging: 'file-per-chapter',
    formats: [{ container: 'mp3', codecs: ['mp3'], minMonoKbps: 128, minStereoKbps: 128 }],
    minSampleRateHz: 44100,
    channels: 'consistent',
    ...ACX_LEVELS,
    maxFileBytes: 200 * 1024 * 1024,
    cover: { minPx: 1400, square: true, rgb: true, formats: ['jpeg', 'png'] },
    isbnRequired: true,
    disclosureRequired: true,
  },
});
