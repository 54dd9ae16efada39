/**
 * Offline SpeechSynthesizer: espeak-ng (WASM, worker threads) → raw 22.05 kHz PCM temp file → ffmpeg resample →
 * 24 or 48 kHz 16-bit mono WAV at the destination. Deterministic (see workerSource.ts) and bit-exact through ffmpeg.
 */
import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  sampleRateOfFormat,
  SPEECH_OUTPUT_FORMATS,
  SpeechPermanentError,
  type SpeechRequest,
  type SpeechResult,
  type SpeechSynthesizer,
  type WritableTarget,
} from '../../../core/ports/speech';
import { runFfmpeg } from '../../audio/ffmpeg';
import { readWavInfo } from '../../audio/wavHeader';
import { countBillableCharacters } from '../billableCharacters';
import { EspeakWorkerPool } from './espeakWorkerPool';
import { translateSsml, type TranslateOptions } from './ssmlToEspeak';

export interface EspeakSynthesizerOptions extends TranslateOptions {
  ffmpegPath?: string;
  /** Worker threads (each holds one ~17 MB WASM heap); default 1. */
  poolSize?: number;
  jobTimeoutMs?: number;
}

/** Azure's per-request cap is 10 minutes; leave room for engine differences in speaking rate. */
const MAX_REQUEST_AUDIO_SEC = 15 * 60;

export class EspeakSynthesizer implements SpeechSynthesizer {
  readonly engine = 'offline' as const;
  private readonly pool: EspeakWorkerPool;

  constructor(private readonly options: EspeakSynthesizerOptions = {}) {
    this.pool = new EspeakWorkerPool(Math.max(1, Math.min(options.poolSize ?? 1, 8)), options.jobTimeoutMs);
  }

  async synthesize(request: SpeechRequest, destination: WritableTarget): Promise<SpeechResult> {
    if (!SPEECH_OUTPUT_FORMATS.includes(request.outputFormat)) {
      throw new SpeechPermanentError(`unsupported output format ${String(request.outputFormat)}`, 'other');
    }
    // espeak-ng renders 22.05 kHz; ffmpeg resamples to the rate asked for (48 kHz adds no detail, only the rate).
    const outputSampleRate = sampleRateOfFormat(request.outputFormat);
    const runs = translateSsml(request.ssml, this.options);
    const target = path.resolve(destination);
    const rawPath = path.join(path.dirname(target), `.espeak-${randomBytes(8).toString('hex')}.raw`);
    try {
      const raw = await this.pool.run(runs, rawPath);
      if (raw.samples / raw.sampleRate > MAX_REQUEST_AUDIO_SEC) {
        throw new SpeechPermanentError('request produced more than 15 minutes of audio', 'too_long');
      }
      await runFfmpeg(
        [
          '-y',
          '-f',
          's16le',
          '-ar',
          String(raw.sampleRate),
          '-ac',
          '1',
          '-i',
          rawPath,
          '-af',
          `aresample=${outputSampleRate}`,
          '-c:a',
          'pcm_s16le',
          '-map_metadata',
          '-1',
          '-bitexact',
          '-f',
          'wav',
          target,
        ],
        { binaryPath: this.options.ffmpegPath, timeoutMs: 5 * 60_000 },
      );
    } finally {
      await rm(rawPath, { force: true });
    }
    const [info, stats] = await Promise.all([readWavInfo(target), stat(target)]);
    return {
      durationMs: Math.round(info.durationSec * 1000),
      bytes: stats.size,
      billableCharacters: countBillableCharacters(request.ssml),
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
