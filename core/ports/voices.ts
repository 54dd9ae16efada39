/**
 * Voice catalog and audition ports. The catalog is the allowlist: a voice or style not in it never reaches SSML.
 * Implemented by the offline engine's voices and by the Azure Speech voice list (adapters/voices).
 */
import type { VoiceDescriptor } from '../casting/casting';

export type { VoiceDescriptor } from '../casting/casting';

export interface VoiceFilter {
  /** Bare language (`es`), matched against the voice locale's language. */
  language?: string;
  /** Exact locale (`es-PE`), case-insensitive. */
  locale?: string;
  gender?: VoiceDescriptor['gender'];
  /** Only voices offering this speaking style. */
  style?: string;
}

export interface VoiceCatalog {
  /** The engine whose voices these are (`offline`, `azure`). */
  readonly engine: string;
  list(filter?: VoiceFilter): Promise<VoiceDescriptor[]>;
  /** Exact name lookup (case-insensitive); undefined when the voice is not in the catalog. */
  find(name: string): Promise<VoiceDescriptor | undefined>;
}

/** Renders a short SSML sample to WAV bytes with the configured speech engine (auditions are a few seconds long). */
export interface SampleSynthesizer {
  readonly engine: string;
  synthesizeWav(ssml: string): Promise<Buffer>;
}
