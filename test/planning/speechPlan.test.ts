import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseManuscript } from '../../adapters/manuscript';
import { offlineVoices } from '../../adapters/tts/espeak';
import { castVoices, type VoiceAssignment, type VoiceDescriptor } from '../../core/casting/casting';
import { attributeSpeakers, detectCharactersHeuristic, NARRATOR_ID } from '../../core/characters';
import { detectChapters } from '../../core/manuscript/chapters';
import { DEFAULT_PAUSE_POLICY, effectivePausePolicy, pauseAfterMs } from '../../core/planning/pausePolicy';
import { segmentChapter } from '../../core/planning/segmentation';
import {
  segmentSpeechInputs,
  speechRequestsForChapter,
  type SpeechPlanInput,
  type SpeechPlanSegment,
} from '../../core/production/speechPlan';
import { SSML_LIMITS } from '../../core/ssml';
import { toSpokenForm } from '../../core/speech/normalize';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';

/** An Azure-like catalog with styles, for the `azure` SSML variant. */
const azureVoices: VoiceDescriptor[] = [
  { name: 'en-GB-SoniaNeural', locale: 'en-GB', gender: 'female', styles: ['cheerful', 'sad'], engine: 'azure' },
  { name: 'en-GB-RyanNeural', locale: 'en-GB', gender: 'male', styles: ['cheerful'], engine: 'azure' },
  { name: 'en-GB-LibbyNeural', locale: 'en-GB', gender: 'female', styles: [], engine: 'azure' },
  { name: 'en-GB-ThomasNeural', locale: 'en-GB', gender: 'male', styles: [], engine: 'azure' },
  { name: 'en-GB-MaisieNeural', locale: 'en-GB', gender: 'female', ageHint: 'child', styles: [], engine: 'azure' },
];

function voiceElements(ssml: string): number {
  return (ssml.match(/<voice\b/g) ?? []).length;
}

describe('speech plan on Pride and Prejudice', () => {
  let book: { chapterId: string; segments: SpeechPlanSegment[] }[];
  let cast: (voices: VoiceDescriptor[]) => { characterId: string; voice: VoiceAssignment }[];

  beforeAll(async () => {
    const parsed = await parseManuscript(readFileSync(PRIDE_AND_PREJUDICE), { fileName: 'pride-and-prejudice.txt' });
    const chapters = detectChapters(parsed).map((chapter, i) => ({
      id: `ch${i}`,
      text: parsed.text.slice(chapter.startOffset, chapter.endOffset),
      headingText: chapter.headingText,
      language: 'en-GB',
    }));
    const characters = detectCharactersHeuristic(chapters);
    book = chapters.map((chapter) => {
      const pieces = segmentChapter(chapter.text, { headingText: chapter.headingText });
      const segments = pieces.map((piece) => ({
        ...piece,
        id: `${chapter.id}-s${piece.index}`,
        chapterId: chapter.id,
      }));
      const labels = new Map(attributeSpeakers(segments, characters).map((label) => [label.segmentId, label]));
      return {
        chapterId: chapter.id,
        segments: segments.map((segment) => ({ ...segment, speakerId: labels.get(segment.id)!.speakerId })),
      };
    });
    cast = (voices) =>
      castVoices({ characters, voices, bookLocale: 'en-GB' }).map((voice) => ({
        characterId: voice.characterId,
        voice,
      }));
  });

  it.each(['azure', 'offline'] as const)(
    'keeps every %s request within 64 KB, 50 voice elements and 10 minutes, covering every segment once',
    (engine) => {
      const voices = engine === 'azure' ? azureVoices : [...offlineVoices];
      const characters = cast(voices);
      let requests = 0;
      for (const chapter of book) {
        const input: SpeechPlanInput = {
          segments: chapter.segments,
          characters,
          voices,
          lexicon: [],
          pausePolicy: DEFAULT_PAUSE_POLICY,
          bookLocale: 'en-GB',
          engine,
        };
        const planned = speechRequestsForChapter(input);
        requests += planned.length;
        for (const request of planned) {
          expect(Buffer.byteLength(request.ssml, 'utf8')).toBeLessThanOrEqual(SSML_LIMITS.maxBytes);
          expect(voiceElements(request.ssml)).toBeLessThanOrEqual(SSML_LIMITS.maxVoiceElements);
          expect(request.estimatedSeconds).toBeLessThanOrEqual(SSML_LIMITS.maxAudioSeconds);
          expect(XMLValidator.validate(request.ssml)).toBe(true);
        }
        expect(planned.flatMap((request) => request.segmentIds)).toEqual(chapter.segments.map((s) => s.id));
      }
      expect(requests).toBeGreaterThanOrEqual(book.length);
    },
  );

  it('reads narration with the narrator and dialogue with its speaker’s voice, pausing by the policy', () => {
    const characters = cast(azureVoices);
    const chapter = book.find((c) => c.segments.some((s) => s.kind === 'dialogue' && s.speakerId !== 'unknown'))!;
    const inputs = segmentSpeechInputs({
      segments: chapter.segments,
      characters,
      voices: azureVoices,
      lexicon: [],
      pausePolicy: effectivePausePolicy({ paragraph: 1234 }),
      bookLocale: 'en-GB',
      engine: 'azure',
    });
    const narrator = characters.find((c) => c.characterId === NARRATOR_ID)!.voice.voiceName;
    chapter.segments.forEach((segment, i) => {
      const expected =
        segment.kind === 'dialogue' && segment.speakerId !== 'unknown'
          ? characters.find((c) => c.characterId === segment.speakerId)!.voice.voiceName
          : narrator;
      expect(inputs[i].voiceName).toBe(expected);
      const next = chapter.segments[i + 1];
      if (next?.boundaryBefore === 'paragraph' && segment.kind !== 'heading') expect(inputs[i].pauseAfterMs).toBe(1234);
    });
    expect(inputs[inputs.length - 1].pauseAfterMs).toBe(DEFAULT_PAUSE_POLICY.chapter_tail);
    expect(inputs[0].spokenText).toMatch(/^Chapter one$/i);
  });
});

describe('speech plan safety', () => {
  const voices: VoiceDescriptor[] = [
    { name: 'en-US-AvaNeural', locale: 'en-US', gender: 'female', styles: [], engine: 'azure' },
  ];
  const base = { characters: [], voices, pausePolicy: DEFAULT_PAUSE_POLICY, bookLocale: 'en-US' };

  it('keeps markup-looking manuscript text as text', () => {
    const hostile = 'He typed <voice name="x">&amp; ]]> </speak><!-- & "quotes" --> and left.';
    const [request] = speechRequestsForChapter({
      ...base,
      lexicon: [],
      engine: 'azure',
      segments: [
        {
          id: 's0',
          index: 0,
          kind: 'narration',
          text: hostile,
          boundaryBefore: 'chapter_head',
          speakerId: NARRATOR_ID,
        },
      ],
    });
    expect(voiceElements(request.ssml)).toBe(1);
    expect(XMLValidator.validate(request.ssml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(
      request.ssml,
    ) as { speak: { voice: { '#text': string } } };
    // The text content is exactly the spoken form: nothing in it became markup.
    expect(parsed.speak.voice['#text']).toBe(toSpokenForm(hostile, 'en-US').trim());
    expect(parsed.speak.voice['#text']).toContain('<voice name="x">&amp; ]]> </speak>');
  });

  it('applies the lexicon to the spoken form and uses the narrator when casting has not run', () => {
    const [request] = speechRequestsForChapter({
      ...base,
      lexicon: [
        {
          id: 'l1',
          grapheme: 'Darcy',
          locale: 'en',
          kind: 'ipa',
          value: 'ˈdɑːsi',
          wholeWord: true,
          caseSensitive: true,
          notes: '',
        },
      ],
      engine: 'azure',
      segments: [
        {
          id: 's0',
          index: 0,
          kind: 'dialogue',
          text: '"Mr. Darcy!"',
          boundaryBefore: 'chapter_head',
          speakerId: 'char-x',
        },
      ],
    });
    expect(request.ssml).toContain('<voice name="en-US-AvaNeural">');
    expect(request.ssml).toContain('<phoneme alphabet="ipa" ph="ˈdɑːsi">Darcy</phoneme>');
    expect(request.ssml).toContain('Mister');
  });

  it('pauses follow the boundary before the next segment', () => {
    const policy = DEFAULT_PAUSE_POLICY;
    expect(pauseAfterMs({ kind: 'heading' }, { boundaryBefore: 'paragraph' }, policy)).toBe(policy.chapter_head);
    expect(pauseAfterMs({ kind: 'narration' }, { boundaryBefore: 'sentence' }, policy)).toBe(policy.sentence);
    expect(pauseAfterMs({ kind: 'dialogue' }, { boundaryBefore: 'dialogue_turn' }, policy)).toBe(policy.dialogue_turn);
    expect(pauseAfterMs({ kind: 'narration' }, { boundaryBefore: 'scene_break' }, policy)).toBe(policy.scene_break);
    expect(pauseAfterMs({ kind: 'narration' }, undefined, policy)).toBe(policy.chapter_tail);
    expect(effectivePausePolicy({ sentence: 99999, paragraph: -5 })).toMatchObject({ sentence: 5000, paragraph: 0 });
  });
});
