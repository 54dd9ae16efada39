/**
 * SpeechSynthesizer on Azure AI Speech through the official SDK: one SSML request per call, RIFF 16-bit mono PCM at
 * 24 kHz (or 48 kHz), written to the caller's path through a temporary sibling and a rename, so the destination is
 * either complete or absent. Failures are mapped to the port's errors (speechFailures.ts); every call has a timeout.
 * One request is bounded by the service (≤ 10 min of audio, ≤ 64 KB of SSML), so its audio fits in memory once.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CancellationDetails,
  CancellationErrorCode,
  ResultReason,
  SpeechConfig,
  SpeechSynthesisOutputFormat,
  SpeechSynthesizer as SdkSynthesizer,
  type SpeechSynthesisResult,
} from 'microsoft-cognitiveservices-speech-sdk';
import {
  sampleRateOfFormat,
  SpeechPermanentError,
  type SpeechOutputFormat,
  type SpeechRequest,
  type SpeechResult,
  type SpeechSynthesizer,
  type WritableTarget,
} from '../../../core/ports/speech';
import { SpeechTransientError } from '../../../core/production/speechRetry';
import { parseWavHeader } from '../../audio/wavHeader';
import { billableCharacters } from '../../../core/ssml/text';
import { SpeechAuthProvider, type SpeechCredentials } from './speechAuth';
import { mapSdkCancellation } from './speechFailures';

export interface AzureSpeechSynthesizerOptions {
  /** Azure region, e.g. `eastus`; used when no endpoint is given. */
  region?: string;
  /** Custom-domain, private-link or test endpoint (`wss://…`, `https://…`, `ws://127.0.0.1:…/cognitiveservices/websocket/v1`). */
  endpoint?: string;
  credentials: SpeechCredentials;
  /** Per request, connection included; default 2 minutes (a 10-minute request renders in well under a minute). */
  requestTimeoutMs?: number;
  now?: () => number;
}

/** Port formats → SDK formats (RIFF: the SDK hands back a complete WAV file). */
const OUTPUT_FORMATS: Record<SpeechOutputFormat, SpeechSynthesisOutputFormat> = {
  'pcm-22050hz-16bit-mono': SpeechSynthesisOutputFormat.Riff22050Hz16BitMonoPcm,
  'pcm-24khz-16bit-mono': SpeechSynthesisOutputFormat.Riff24Khz16BitMonoPcm,
  'pcm-48khz-16bit-mono': SpeechSynthesisOutputFormat.Riff48Khz16BitMonoPcm,
};

export const MAX_SSML_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 120_000;

export class AzureSpeechSynthesizer implements SpeechSynthesizer {
  readonly engine = 'azure' as const;
  private readonly auth: SpeechAuthProvider;
  private readonly timeoutMs: number;

  constructor(private readonly options: AzureSpeechSynthesizerOptions) {
    if (!options.region && !options.endpoint) throw new Error('Azure Speech needs a region or an endpoint');
    if (options.endpoint) new URL(options.endpoint);
    this.auth = new SpeechAuthProvider(options.credentials, options.now);
    this.timeoutMs = Math.max(1, options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  async synthesize(request: SpeechRequest, destination: WritableTarget): Promise<SpeechResult> {
    // Requests may come from untyped callers (activity inputs are JSON), so the lookup is checked at run time.
    const format = Object.hasOwn(OUTPUT_FORMATS, request.outputFormat)
      ? OUTPUT_FORMATS[request.outputFormat]
      : undefined;
    if (format === undefined) {
      throw new SpeechPermanentError(`unsupported output format ${String(request.outputFormat)}`, 'other');
    }
    if (Buffer.byteLength(request.ssml, 'utf8') > MAX_SSML_BYTES) {
      throw new SpeechPermanentError('SSML exceeds the 64 KB per-request limit', 'too_long');
    }
    const audio = await this.speak(request.ssml, format);
    const info = parseWavHeader(audio, audio.length);
    if (info.dataBytes === 0) throw new SpeechTransientError('Azure Speech returned no audio', 'service');
    // Audio in another format than asked would corrupt a chapter's concatenation; asking again would not change it.
    if (
      info.sampleRateHz !== sampleRateOfFormat(request.outputFormat) ||
      info.channels !== 1 ||
      info.bitsPerSample !== 16
    )
      throw new SpeechPermanentError(
        `Azure Speech returned ${info.sampleRateHz} Hz, ${info.channels} channel(s), ${info.bitsPerSample}-bit audio ` +
          `for ${request.outputFormat}`,
        'other',
      );

    const target = path.resolve(destination);
    const partial = path.join(path.dirname(target), `.azure-speech-${randomBytes(8).toString('hex')}.partial`);
    try {
      await writeFile(partial, audio, { flag: 'wx' });
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return {
      durationMs: Math.round(info.durationSec * 1000),
      bytes: audio.length,
      billableCharacters: billableCharacters(request.ssml),
    };
  }

  private async speak(ssml: string, format: SpeechSynthesisOutputFormat): Promise<Buffer> {
    const config = await this.speechConfig();
    config.speechSynthesisOutputFormat = format;
    // null audio config: keep the audio in the result instead of opening a speaker.
    const synthesizer = new SdkSynthesizer(config, null);
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome = new Promise<SpeechSynthesisResult>((resolve, reject) =>
        synthesizer.speakSsmlAsync(ssml, resolve, (error) => reject(new Error(String(error)))),
      );
      // After a timeout the SDK may still settle the abandoned request; that outcome is no longer anyone's concern.
      outcome.catch(() => undefined);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new SpeechTransientError(`Azure Speech did not answer within ${this.timeoutMs} ms`, 'timeout')),
          this.timeoutMs,
        );
      });
      let result: SpeechSynthesisResult;
      try {
        result = await Promise.race([outcome, timeout]);
      } catch (error) {
        if (error instanceof SpeechTransientError) throw error;
        throw mapSdkCancellation({
          errorCode: '',
          errorDetails: error instanceof Error ? error.message : String(error),
        });
      }
      if (result.reason === ResultReason.SynthesizingAudioCompleted) return Buffer.from(result.audioData);
      if (result.reason === ResultReason.Canceled) {
        const details = CancellationDetails.fromResult(result);
        throw mapSdkCancellation({
          errorCode: CancellationErrorCode[details.ErrorCode] ?? '',
          errorDetails: details.errorDetails ?? result.errorDetails ?? '',
        });
      }
      throw new SpeechTransientError(`Azure Speech ended with result ${ResultReason[result.reason]}`, 'service');
    } finally {
      clearTimeout(timer);
      synthesizer.close();
    }
  }

  private async speechConfig(): Promise<SpeechConfig> {
    const { key, authorizationToken } = await this.auth.authorization();
    const { endpoint, region } = this.options;
    if (endpoint) {
      const config = SpeechConfig.fromEndpoint(new URL(endpoint), key);
      if (authorizationToken) config.authorizationToken = authorizationToken;
      return config;
    }
    const regionName = region as string;
    return key
      ? SpeechConfig.fromSubscription(key, regionName)
      : SpeechConfig.fromAuthorizationToken(authorizationToken ?? '', regionName);
  }
}
