/**
 * Offline SpeechSynthesizer: espeak-ng (WASM, worker threads, one engine each) → 16-bit mono WAV at the engine's own
 * 22.05 kHz, written straight to the destination. Another rate (24 or 48 kHz, for callers that need one) is made by
 * one ffmpeg resample of that file. Deterministic (see workerSource.ts) and bit-exact through ffmpeg.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
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
import { billableCharacters } from '../../../core/ssml/text';
import { EspeakWorkerPool } from './espeakWorkerPool';
import { translateSsml, type TranslateOptions } from './ssmlToEspeak';

export interface EspeakSynthesizerOptions extends TranslateOptions {
  ffmpegPath?: string;
  /** Worker threads (each holds one ~17 MB WASM heap); default 1. */
  poolSize?: number;
  jobTimeoutMs?: number;
}

/** What the worker writes (workerSource.ts): a 44-byte RIFF/WAVE header, then 16-bit mono samples. */
const WAV_HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;

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
    const outputSampleRate = sampleRateOfFormat(request.outputFormat);
    const runs = translateSsml(request.ssml, this.options);
    const target = path.resolve(destination);
    const nativeFile = path.join(path.dirname(target), `.espeak-${randomBytes(8).toString('hex')}.wav`);
    const billable = billableCharacters(request.ssml);
    let renamed = false;
    try {
      const raw = await this.pool.run(runs, nativeFile);
      if (raw.samples / raw.sampleRate > MAX_REQUEST_AUDIO_SEC) {
        throw new SpeechPermanentError('request produced more than 15 minutes of audio', 'too_long');
      }
      if (raw.sampleRate === outputSampleRate) {
        await rename(nativeFile, target);
        renamed = true;
        // The worker wrote the header and exactly these samples: nothing to read back from the file (once per segment).
        return {
          durationMs: Math.round((raw.samples / raw.sampleRate) * 1000),
          bytes: WAV_HEADER_BYTES + raw.samples * BYTES_PER_SAMPLE,
          billableCharacters: billable,
        };
      }
      await this.resample(nativeFile, outputSampleRate, target);
    } finally {
      if (!renamed) await rm(nativeFile, { force: true });
    }
    const [info, stats] = await Promise.all([readWavInfo(target), stat(target)]);
    return { durationMs: Math.round(info.durationSec * 1000), bytes: stats.size, billableCharacters: billable };
  }

  private async resample(file: string, sampleRate: number, target: string): Promise<void> {
    await runFfmpeg(
      [
        '-y',
        '-i',
        file,
        '-af',
        `aresample=${sampleRate}`,
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
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
