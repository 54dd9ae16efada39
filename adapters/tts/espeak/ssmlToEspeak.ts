/**
 * Translates our (Azure-flavoured) SSML into runs of the SSML subset espeak-ng honours, one run per voice.
 * espeak-ng cannot switch to our catalog names inside a document, so `<voice>` and `<lang>` split the request.
 * Kept: prosody (rate/pitch/volume, validated), break, say-as characters, p, s, emphasis. Substituted: sub → alias,
 * phoneme → its text (espeak-ng's `<phoneme>` reads only its own mnemonics, `alphabet="espeak"`, not IPA; a lexicon
 * IPA entry is therefore spoken as the grapheme offline). Dropped (content kept): mstts:*, audio, bookmark, mark,
 * lexicon and anything unknown.
 */
import { SpeechPermanentError } from '../../../core/ports/speech';
import { tokenizeXml, type XmlEvent } from './xmlTokens';
import { espeakVoiceId, findOfflineVoice, offlineVoiceForLocale, type OfflineVoice } from './voices';

export interface EspeakRun {
  /** `en-us+f2` */
  voice: string;
  /** A `<speak>` document in espeak's subset, text escaped. */
  ssml: string;
}

export interface TranslateOptions {
  /** Map unknown voice names (e.g. Azure's `es-PE-CamilaNeural`) to a catalog voice of the same locale. */
  voiceFallback?: 'locale' | 'none';
}

export const MAX_SSML_BYTES = 64 * 1024;
const MAX_VOICE_ELEMENTS = 50;
const MAX_BREAK_MS = 20_000;

interface Frame {
  name: string;
  /** Markup re-emitted when a new run starts inside this element. */
  open?: string;
  close?: string;
  /** Voice in effect before this element switched it. */
  previousVoice?: string;
  /** Content is replaced (sub alias) or suppressed. */
  suppressText?: boolean;
}

export function translateSsml(ssml: string, options: TranslateOptions = {}): EspeakRun[] {
  if (Buffer.byteLength(ssml, 'utf8') > MAX_SSML_BYTES)
    throw new SpeechPermanentError('SSML exceeds 64 KB', 'too_long');
  const runs: EspeakRun[] = [];
  const stack: Frame[] = [];
  let voice: string | undefined;
  let body = '';
  let voiceElements = 0;
  let sawSpeak = false;

  const flush = () => {
    const closing = stack
      .filter((f) => f.close)
      .map((f) => f.close)
      .reverse()
      .join('');
    const speaks = /\S/.test(body.replace(/<[^>]*>/g, '')) || body.includes('<break');
    if (voice && speaks) runs.push({ voice, ssml: `<speak>${body}${closing}</speak>` });
    body = '';
  };
  const switchVoice = (next: string) => {
    if (next === voice) return;
    if (voice !== undefined) flush();
    voice = next;
    body = stack
      .filter((f) => f.open)
      .map((f) => f.open)
      .join('');
  };
  const resolveVoice = (name: string): OfflineVoice => {
    const found = findOfflineVoice(name);
    if (found) return found;
    const locale = name.match(/^([a-z]{2,3}-[A-Za-z0-9]{2,4})-/)?.[1];
    const fallback = options.voiceFallback === 'locale' && locale ? offlineVoiceForLocale(locale) : undefined;
    if (fallback) return fallback;
    throw new SpeechPermanentError(`voice not found: ${name.slice(0, 80)}`, 'voice_not_found');
  };
  const insideSuppressed = () => stack.some((f) => f.suppressText);

  const handlers = {
    onopentag(rawName: string, attributes: Record<string, string>) {
      const name = rawName.toLowerCase();
      const frame: Frame = { name };
      if (name === 'speak') {
        sawSpeak = true;
        const lang = attributes['xml:lang'];
        if (lang && voice === undefined) {
          const fallback = offlineVoiceForLocale(lang);
          if (fallback) switchVoice(espeakVoiceId(fallback));
        }
      } else if (name === 'voice') {
        if (++voiceElements > MAX_VOICE_ELEMENTS)
          throw new SpeechPermanentError('more than 50 voice elements', 'invalid_ssml');
        const requested = attributes.name;
        if (!requested) throw new SpeechPermanentError('<voice> needs a name', 'invalid_ssml');
        frame.previousVoice = voice;
        switchVoice(espeakVoiceId(resolveVoice(requested)));
      } else if (name === 'lang') {
        const locale = attributes['xml:lang'];
        const target = locale ? offlineVoiceForLocale(locale) : undefined;
        if (target) {
          frame.previousVoice = voice;
          const variant = voice?.split('+')[1];
          switchVoice(espeakVoiceId({ espeakVoice: target.espeakVoice, variant: variant ?? target.variant }));
        }
      } else if (name === 'prosody') {
        const attrs = prosodyAttributes(attributes);
        frame.open = `<prosody${attrs}>`;
        frame.close = '</prosody>';
      } else if (name === 'break') {
        body += breakTag(attributes);
      } else if (name === 'say-as') {
        const kind = (attributes['interpret-as'] ?? '').toLowerCase();
        if (kind === 'characters' || kind === 'spell-out' || kind === 'letters') {
          frame.open = '<say-as interpret-as="characters">';
          frame.close = '</say-as>';
        }
      } else if (name === 'sub') {
        body += escapeXml(attributes.alias ?? '');
        frame.suppressText = true;
      } else if (name === 'p' || name === 's') {
        frame.open = `<${name}>`;
        frame.close = `</${name}>`;
      } else if (name === 'emphasis') {
        frame.open = '<emphasis>';
        frame.close = '</emphasis>';
      }
      stack.push(frame);
      if (frame.open && voice !== undefined) body += frame.open;
    },
    ontext(text: string) {
      if (insideSuppressed()) return;
      if (voice === undefined && /\S/.test(text))
        throw new SpeechPermanentError('text outside any <voice>', 'invalid_ssml');
      body += escapeXml(text);
    },
    onclosetag() {
      const frame = stack.pop();
      if (!frame) return;
      if (frame.close && voice !== undefined) body += frame.close;
      if (frame.previousVoice !== undefined) switchVoice(frame.previousVoice);
    },
  };
  let events: XmlEvent[];
  try {
    events = tokenizeXml(ssml);
  } catch (error) {
    throw new SpeechPermanentError(`invalid SSML: ${(error as Error).message}`, 'invalid_ssml');
  }
  for (const event of events) {
    if (event.kind === 'open') handlers.onopentag(event.name, event.attributes);
    else if (event.kind === 'text') handlers.ontext(event.text);
    else handlers.onclosetag();
  }
  if (!sawSpeak) throw new SpeechPermanentError('SSML must have a <speak> root', 'invalid_ssml');
  flush();
  if (runs.length === 0) throw new SpeechPermanentError('SSML contains no speakable text', 'invalid_ssml');
  return runs;
}

const KEYWORDS = /^(x-slow|slow|medium|fast|x-fast|x-low|low|high|x-high|silent|x-soft|soft|loud|x-loud|default)$/;
const RELATIVE = /^[+-]?\d{1,4}(\.\d{1,3})?(%|dB)?$/;

function prosodyAttributes(attributes: Record<string, string>): string {
  let out = '';
  for (const key of ['rate', 'pitch', 'volume'] as const) {
    let value = attributes[key]?.trim();
    if (!value) continue;
    const semitones = value.match(/^([+-]?\d{1,2}(?:\.\d+)?)st$/);
    if (semitones)
      value = `${(2 ** (Number(semitones[1]) / 12) - 1) * 100 >= 0 ? '+' : ''}${((2 ** (Number(semitones[1]) / 12) - 1) * 100).toFixed(1)}%`;
    if (key !== 'volume' && /dB$/.test(value)) continue;
    if (KEYWORDS.test(value) || RELATIVE.test(value)) out += ` ${key}="${value}"`;
  }
  return out;
}

function breakTag(attributes: Record<string, string>): string {
  const time = attributes.time?.trim().match(/^(\d+(?:\.\d+)?)\s*(ms|s)$/i);
  if (time) {
    const ms = Math.min(MAX_BREAK_MS, Math.round(Number(time[1]) * (time[2].toLowerCase() === 's' ? 1000 : 1)));
    return `<break time="${ms}ms"/>`;
  }
  const strength = attributes.strength?.trim().toLowerCase();
  if (strength && /^(none|x-weak|weak|medium|strong|x-strong)$/.test(strength))
    return `<break strength="${strength}"/>`;
  return '<break/>';
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}
