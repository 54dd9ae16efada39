/**
 * Voice auditions: a short sample of a catalog voice, rendered with the configured engine and cached in the tenant's
 * blob space by content hash (engine, voice, locale, style, text), so the same audition is synthesized once.
 * User-provided text stays under the tenant's prefix; nothing is shared across tenants.
 */
import { createHash } from 'node:crypto';
import { ValidationError } from '../errors';
import type { BlobStore } from '../ports/blobs';
import type { SampleSynthesizer, VoiceCatalog, VoiceDescriptor } from '../ports/voices';
import { buildSsml, type SsmlEngine } from '../ssml/ssmlBuilder';
import { defaultSampleText } from './sampleTexts';

export const MAX_AUDITION_TEXT_CHARS = 300;
/** A 300-character sample is well under a minute: 24 kHz 16-bit mono is ~2.9 MB per minute. */
const MAX_CACHED_WAV_BYTES = 16 * 1024 * 1024;

export interface AuditionRequest {
  voiceName: string;
  text?: string;
  locale?: string;
  style?: string;
}

export interface Audition {
  wav: Buffer;
  blobName: string;
  /** True when the sample came from the cache (no synthesis). */
  cached: boolean;
  text: string;
}

export interface AuditionServiceDeps {
  catalog: VoiceCatalog;
  synthesizer: SampleSynthesizer;
  blobs: BlobStore;
}

export class AuditionService {
  constructor(private readonly deps: AuditionServiceDeps) {}

  /** Looks the voice up in the catalog allowlist; unknown names are a validation error on `voiceName`. */
  async requireVoice(voiceName: string, field = 'voiceName'): Promise<VoiceDescriptor> {
    const voice = await this.deps.catalog.find(voiceName);
    if (!voice)
      throw new ValidationError(`Voice "${voiceName}" is not in the catalog`, [{ field, message: 'unknown voice' }]);
    return voice;
  }

  async audition(tenantId: string, request: AuditionRequest): Promise<Audition> {
    const voice = await this.requireVoice(request.voiceName);
    if (request.style && !voice.styles.includes(request.style)) {
      throw new ValidationError(`Voice "${voice.name}" does not offer style "${request.style}"`, [
        { field: 'style', message: `not offered by ${voice.name}` },
      ]);
    }
    const locale = request.locale ?? voice.locale;
    const text = sampleText(request.text, locale);
    const engine: SsmlEngine = this.deps.synthesizer.engine === 'azure' ? 'azure' : 'offline';
    const ssml = buildSsml(
      [{ segmentId: 'audition', text, voiceName: voice.name, style: request.style ?? null, styleDegree: null, locale }],
      { bookLocale: locale, voices: [voice], engine },
    );
    const hash = createHash('sha256')
      .update(JSON.stringify([this.deps.synthesizer.engine, voice.name, locale, request.style ?? null, text]))
      .digest('hex');
    const blobName = `tenants/${tenantId}/auditions/${hash}.wav`;
    const cached = await this.deps.blobs.readBuffer(blobName, MAX_CACHED_WAV_BYTES);
    if (cached) return { wav: cached, blobName, cached: true, text };
    const wav = await this.deps.synthesizer.synthesizeWav(ssml);
    await this.deps.blobs.putIfAbsent(blobName, wav, 'audio/wav');
    return { wav, blobName, cached: false, text };
  }
}

/** Trims the caller's text to the cap at a word boundary; falls back to the locale's default line. */
export function sampleText(text: string | undefined, locale: string): string {
  const trimmed = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!trimmed) return defaultSampleText(locale);
  if (trimmed.length <= MAX_AUDITION_TEXT_CHARS) return trimmed;
  const cut = trimmed.slice(0, MAX_AUDITION_TEXT_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > MAX_AUDITION_TEXT_CHARS / 2 ? cut.slice(0, lastSpace) : cut;
}
