/**
 * The lexicon's part in a segment's content address and SSML (core/production/speechPlan.ts): per segment, stable
 * whatever the storage order, `none` when no entry changes the request, and the same markup as the chapter preview.
 */
import type { VoiceDescriptor } from '../../core/casting/casting';
import { NARRATOR_ID } from '../../core/characters/character';
import type { LexiconEntry } from '../../core/lexicon/lexicon';
import { DEFAULT_PAUSE_POLICY } from '../../core/planning/pausePolicy';
import {
  NO_LEXICON,
  segmentLexicon,
  segmentSpeechInputs,
  segmentSsml,
  speechRequestsForChapter,
  type SpeechPlanInput,
} from '../../core/production/speechPlan';

function entry(id: string, grapheme: string, kind: 'alias' | 'ipa', value: string): LexiconEntry {
  return { id, grapheme, locale: 'en-US', kind, value, wholeWord: true, caseSensitive: false, notes: '' };
}

const darcy = entry('l1', 'Darcy', 'ipa', 'ˈdɑːsi');
const www = entry('l2', 'WWW', 'alias', 'World Wide Web');
const unused = entry('l3', 'Pemberley', 'alias', 'Pemberly House');
const options = { bookLocale: 'en-US', engine: 'azure' as const, hd: false };

const voices: VoiceDescriptor[] = [
  { name: 'en-US-AvaNeural', locale: 'en-US', gender: 'female', styles: [], engine: 'azure' },
];

function plan(lexicon: LexiconEntry[], texts: string[]): SpeechPlanInput {
  return {
    segments: texts.map((text, index) => ({
      id: `s${index}`,
      index,
      kind: 'narration',
      text,
      boundaryBefore: index === 0 ? 'chapter_head' : 'paragraph',
      speakerId: NARRATOR_ID,
    })),
    characters: [],
    voices,
    lexicon,
    pausePolicy: DEFAULT_PAUSE_POLICY,
    bookLocale: 'en-US',
    engine: 'azure',
  };
}

describe('segment lexicon version', () => {
  it('is none when no entry occurs in the text, and ignores entries the text does not contain', () => {
    expect(segmentLexicon('A quiet morning.', [darcy, www], options)).toEqual({ entries: [], version: NO_LEXICON });
    const withUnused = segmentLexicon('Mr. Darcy bowed.', [darcy, unused], options);
    expect(withUnused.version).toBe(segmentLexicon('Mr. Darcy bowed.', [darcy], options).version);
    expect(withUnused.entries.map((e) => e.id)).toEqual(['l1']);
  });

  it('does not depend on storage order, ids or notes, but on what is said', () => {
    const text = 'Darcy read the WWW pages.';
    const a = segmentLexicon(text, [darcy, www], options).version;
    const b = segmentLexicon(
      text,
      [
        { ...www, id: 'x9', notes: 'imported' },
        { ...darcy, id: 'x8' },
      ],
      options,
    ).version;
    expect(a).toMatch(/^lex-[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(segmentLexicon(text, [darcy, { ...www, value: 'World Wide Webs' }], options).version).not.toBe(a);
    expect(segmentLexicon(text, [darcy], options).version).not.toBe(a);
  });

  it('is none for IPA on the offline engine or an HD voice, which read the grapheme anyway', () => {
    const text = 'Mr. Darcy bowed.';
    expect(segmentLexicon(text, [darcy], { ...options, engine: 'offline' }).version).toBe(NO_LEXICON);
    expect(segmentLexicon(text, [darcy], { ...options, hd: true }).version).toBe(NO_LEXICON);
    expect(segmentLexicon('The WWW.', [www], { ...options, engine: 'offline' }).version).not.toBe(NO_LEXICON);
  });
});

describe('segment SSML and the chapter preview', () => {
  it('gives only the segments containing an entry a new version, and renders each as the preview does', () => {
    const texts = ['Chapter one.', 'Mr. Darcy bowed.', 'She browsed the WWW.', 'Nothing else happened.'];
    const inputs = segmentSpeechInputs(plan([darcy, www, unused], texts));
    expect(inputs.map((input) => input.lexiconVersion === NO_LEXICON)).toEqual([true, false, false, true]);
    const [preview] = speechRequestsForChapter(plan([darcy, www, unused], texts));
    for (const input of inputs) {
      const ssml = segmentSsml(input, { bookLocale: 'en-US', voices, engine: 'azure' });
      const body = /<voice name="en-US-AvaNeural">(.*)<\/voice>/.exec(ssml)![1];
      expect(preview.ssml).toContain(body);
    }
    expect(preview.ssml).toContain('<phoneme alphabet="ipa" ph="ˈdɑːsi">Darcy</phoneme>');
    expect(preview.ssml).toContain('<sub alias="World Wide Web">WWW</sub>');
  });

  it('keeps the greedy choice of the whole lexicon when rendering from the segment’s own entries', () => {
    // "New York" wins over "York" at the same place; the segment's entries must not let "York" through.
    const newYork = entry('a', 'New York', 'ipa', 'nuː ˈjɔːk');
    const york = entry('b', 'York', 'alias', 'Yorkshire');
    const [input] = segmentSpeechInputs(plan([york, newYork], ['From New York to York.']));
    expect(input.lexicon.map((e) => e.id).sort()).toEqual(['a', 'b']);
    const ssml = segmentSsml(input, { bookLocale: 'en-US', voices, engine: 'azure' });
    expect(ssml).toContain(
      '<phoneme alphabet="ipa" ph="nuː ˈjɔːk">New York</phoneme> to <sub alias="Yorkshire">York</sub>',
    );

    // Offline, the IPA entry changes nothing, yet it still holds its place so the alias does not take "York" there.
    const [offline] = segmentSpeechInputs({ ...plan([york, newYork], ['Back to New York.']), engine: 'offline' });
    expect(offline.lexicon.map((e) => e.id)).toEqual(['a']);
    expect(offline.lexiconVersion).toBe(NO_LEXICON);
    expect(segmentSsml(offline, { bookLocale: 'en-US', voices, engine: 'offline' })).toContain('Back to New York.');
  });
});
