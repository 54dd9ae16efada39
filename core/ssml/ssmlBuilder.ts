/**
 * SSML documents built with xmlbuilder2: user text only ever enters as text nodes or attribute values, so markup in
 * a manuscript stays text. Voices and styles must come from the catalog allowlist.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { VoiceDescriptor } from '../casting/casting';
import { findLexiconMatches, type LexiconEntry } from '../lexicon/lexicon';
import { sanitizeSpokenText } from './text';

export const SSML_NS = 'http://www.w3.org/2001/10/synthesis';
export const MSTTS_NS = 'https://www.w3.org/2001/mstts';

export type SsmlEngine = 'azure' | 'offline';

export interface SsmlSegment {
  segmentId: string;
  /** The spoken form (normalizer output). */
  text: string;
  voiceName: string;
  style?: string | null;
  styleDegree?: number | null;
  ratePercent?: number;
  pitchPercent?: number;
  pauseAfterMs?: number;
  /** Language switch inside the voice (`<lang xml:lang>`), for foreign passages. */
  lang?: string | null;
  locale?: string;
}

export interface SsmlBuildOptions {
  bookLocale: string;
  /** Catalog allowlist: only these voices (and their styles) may appear. */
  voices: VoiceDescriptor[];
  lexicon?: LexiconEntry[];
  engine?: SsmlEngine;
}

export class SsmlAllowlistError extends Error {
  constructor(
    public readonly reason: 'unknown_voice' | 'unknown_style',
    public readonly value: string,
  ) {
    super(
      reason === 'unknown_voice'
        ? `Voice "${value}" is not in the catalog`
        : `Style "${value}" is not offered by the voice`,
    );
    this.name = 'SsmlAllowlistError';
  }
}

export function isHdVoice(voice: VoiceDescriptor): boolean {
  return voice.hd === true || /:DragonHD|HDLatest|:HD\b/i.test(voice.name);
}

function percent(value: number): string {
  return `${value >= 0 ? '+' : ''}${Math.round(value * 100) / 100}%`;
}

const MAX_BREAK_MS = 5000;

/**
 * xmlbuilder2 leaves anything that already looks like an entity reference alone, so manuscript text "&amp;" would
 * be read back as "&". Escaping every ampersand first makes each one an entity it then keeps as is.
 */
function literal(value: string): string {
  return value.replace(/&/g, '&amp;');
}

/**
 * How a lexicon match is written for an engine and voice: Azure gets `<sub alias>` and `<phoneme>`; the offline
 * engine gets an alias as plain text (it cannot read IPA, so a phoneme entry leaves the grapheme); HD voices ignore
 * `<phoneme>`, so the grapheme stays. `grapheme` means the entry changes nothing in the request.
 */
export type LexiconRendering = 'sub' | 'alias-text' | 'phoneme' | 'grapheme';

export function lexiconRendering(kind: LexiconEntry['kind'], engine: SsmlEngine, hd: boolean): LexiconRendering {
  if (kind === 'alias') return engine === 'offline' ? 'alias-text' : 'sub';
  return engine === 'offline' || hd ? 'grapheme' : 'phoneme';
}

function appendText(
  parent: XMLBuilder,
  text: string,
  lexicon: LexiconEntry[],
  locale: string,
  engine: SsmlEngine,
  hd: boolean,
): void {
  let cursor = 0;
  for (const match of findLexiconMatches(text, lexicon, locale)) {
    if (match.start > cursor) parent.txt(literal(text.slice(cursor, match.start)));
    const grapheme = text.slice(match.start, match.end);
    const { kind, value } = match.entry;
    const rendering = lexiconRendering(kind, engine, hd);
    if (rendering === 'sub') parent.ele('sub', { alias: literal(value) }).txt(literal(grapheme));
    else if (rendering === 'alias-text') parent.txt(literal(value));
    else if (rendering === 'phoneme')
      parent.ele('phoneme', { alphabet: 'ipa', ph: literal(value) }).txt(literal(grapheme));
    else parent.txt(literal(grapheme));
    cursor = match.end;
  }
  if (cursor < text.length) parent.txt(literal(text.slice(cursor)));
}

/** Consecutive segments with the same voice share one `<voice>` element. */
export function voiceRuns(segments: SsmlSegment[]): SsmlSegment[][] {
  const runs: SsmlSegment[][] = [];
  for (const segment of segments) {
    const last = runs[runs.length - 1];
    if (last && last[0].voiceName === segment.voiceName) last.push(segment);
    else runs.push([segment]);
  }
  return runs;
}

export function buildSsml(segments: SsmlSegment[], options: SsmlBuildOptions): string {
  const engine = options.engine ?? 'azure';
  const catalog = new Map(options.voices.map((voice) => [voice.name, voice]));
  const speakAttributes: Record<string, string> = { version: '1.0', 'xml:lang': literal(options.bookLocale) };
  if (engine === 'azure') speakAttributes['xmlns:mstts'] = MSTTS_NS;
  const speak = create().ele(SSML_NS, 'speak', speakAttributes);
  for (const run of voiceRuns(segments)) {
    const voice = catalog.get(run[0].voiceName);
    if (!voice) throw new SsmlAllowlistError('unknown_voice', run[0].voiceName);
    const hd = isHdVoice(voice);
    const voiceElement = speak.ele('voice', { name: literal(voice.name) });
    for (const segment of run) {
      let parent = voiceElement;
      if (segment.style) {
        if (!voice.styles.includes(segment.style)) throw new SsmlAllowlistError('unknown_style', segment.style);
        if (engine === 'azure' && !hd) {
          const attributes: Record<string, string> = { style: literal(segment.style) };
          if (segment.styleDegree != null) attributes.styledegree = String(Math.round(segment.styleDegree * 100) / 100);
          parent = parent.ele(MSTTS_NS, 'mstts:express-as', attributes);
        }
      }
      const rate = segment.ratePercent ?? 0;
      const pitch = segment.pitchPercent ?? 0;
      if (!hd && (rate !== 0 || pitch !== 0)) {
        const attributes: Record<string, string> = {};
        if (rate !== 0) attributes.rate = percent(rate);
        if (pitch !== 0) attributes.pitch = percent(pitch);
        parent = parent.ele('prosody', attributes);
      }
      if (segment.lang && engine === 'azure') parent = parent.ele('lang', { 'xml:lang': literal(segment.lang) });
      appendText(
        parent,
        sanitizeSpokenText(segment.text),
        options.lexicon ?? [],
        segment.locale ?? voice.locale,
        engine,
        hd,
      );
      const pause = Math.min(MAX_BREAK_MS, Math.max(0, Math.round(segment.pauseAfterMs ?? 0)));
      if (!hd && pause > 0) voiceElement.ele('break', { time: `${pause}ms` });
    }
  }
  return speak.end({ headless: true });
}
