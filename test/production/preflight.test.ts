/**
 * What the estimate reports before a production (blocking problems and warnings, each with its chapter, segment,
 * character or platform) and how the speech plan leaves out a segment with nothing to speak.
 */
import { offlineVoices } from '../../adapters/tts/espeak';
import { DEFAULT_PAUSE_POLICY } from '../../core/planning/pausePolicy';
import {
  blockingProblems,
  findPackageProblems,
  findPlanProblems,
  findSegmentProblems,
  findVoiceProblems,
} from '../../core/production/preflight';
import { chapterSpeech, speechRequestsForChapter, type SpeechPlanInput } from '../../core/production/speechPlan';

const chapter = { id: 'ch1', title: 'Chapter 1' };
const segment = (
  id: string,
  index: number,
  text: string,
  kind: 'heading' | 'narration' | 'dialogue' = 'narration',
) => ({
  id,
  index,
  kind,
  text,
});

describe('preflight problems', () => {
  it('warns about each line with nothing to speak, naming chapter and segment, in every language', () => {
    for (const language of ['en-GB', 'es-ES', 'pt-BR']) {
      const problems = findSegmentProblems(
        chapter,
        [
          segment('s0', 0, 'Chapter 1', 'heading'),
          segment('s1', 1, '"Go." '),
          segment('s2', 2, '-- '),
          segment('s3', 3, '—'),
        ],
        language,
      );
      expect(problems).toEqual([
        expect.objectContaining({ code: 'nothing_to_speak', severity: 'warning', chapterId: 'ch1', segmentId: 's2' }),
        expect.objectContaining({ code: 'nothing_to_speak', severity: 'warning', chapterId: 'ch1', segmentId: 's3' }),
      ]);
      expect(problems[0].message).toContain('line 3 of "Chapter 1"');
    }
  });

  it('reports a chapter with nothing to speak once, as left out whole', () => {
    const problems = findSegmentProblems(chapter, [segment('s0', 0, '* * *'), segment('s1', 1, '--')], 'en');
    expect(problems).toEqual([
      expect.objectContaining({ code: 'chapter_silent', severity: 'warning', chapterId: 'ch1' }),
    ]);
  });

  it('blocks a line too long for one synthesis request (more than ten minutes of speech)', () => {
    const long = 'word '.repeat(2_100);
    const problems = findSegmentProblems(chapter, [segment('s0', 0, 'Short.'), segment('s1', 1, long)], 'en');
    expect(problems).toEqual([
      expect.objectContaining({ code: 'segment_too_long', severity: 'blocking', chapterId: 'ch1', segmentId: 's1' }),
    ]);
    expect(findSegmentProblems(chapter, [segment('s0', 0, 'word '.repeat(1_500))], 'en')).toEqual([]);
  });

  it('blocks a cast voice the engine does not offer, and only for characters who speak', () => {
    const catalog = new Set(offlineVoices.map((voice) => voice.name));
    const voice = (voiceName: string) => ({
      characterId: '',
      voiceName,
      locale: 'en-US',
      style: null,
      styleDegree: null,
      ratePercent: 0,
      pitchPercent: 0,
      overridden: false,
    });
    const cast = [
      { characterId: 'narrator', name: 'Narrator', voice: voice([...catalog][0]) },
      { characterId: 'c-ann', name: 'Ann', voice: voice('en-US-JennyNeural') },
    ];
    expect(findVoiceProblems(cast, catalog)).toEqual([
      expect.objectContaining({ code: 'voice_unavailable', severity: 'blocking', characterId: 'c-ann' }),
    ]);
  });

  it('warns about retailer rules the packages would fail: cover for every platform, ISBN where required', () => {
    const problems = findPackageProblems({ cover: null, metadata: { isbn: null } }, ['apple', 'spotify']);
    expect(problems.map((p) => [p.code, p.platform, p.severity])).toEqual([
      ['cover_missing', 'apple', 'warning'],
      ['cover_missing', 'spotify', 'warning'],
      ['isbn_missing', 'spotify', 'warning'],
    ]);
    expect(findPackageProblems({ cover: {}, metadata: { isbn: '9780141439518' } }, ['apple', 'spotify'])).toEqual([]);
    // The checksum alone does not make an ISBN: 977 is the serials' prefix, not a book's.
    expect(
      findPackageProblems({ cover: {}, metadata: { isbn: '9770000000003' } }, ['spotify']).map((p) => p.code),
    ).toEqual(['isbn_missing']);
  });

  it('keeps unknown speakers blocking unless the narrator may read them; only blocking problems refuse', () => {
    const summary = {
      chapter: { id: 'ch1', title: 'Chapter 1', planStatus: 'planned' as const, deleted: false },
      segmentCount: 3,
      unknownSpeakerSegments: 1,
      speakerIds: ['unknown'],
    };
    const narrator = [{ characterId: 'narrator', name: 'Narrator', voice: null }];
    const strict = findPlanProblems([summary], narrator);
    expect(strict.map((p) => [p.code, p.severity])).toEqual([
      ['unknown_speakers', 'blocking'],
      ['voice_missing', 'blocking'],
    ]);
    const lenient = findPlanProblems([summary], narrator, { allowUnknownSpeakers: true });
    expect(blockingProblems(lenient).map((p) => p.code)).toEqual(['voice_missing']);
  });
});

describe('speech plan with a segment that has nothing to speak', () => {
  const voices = [...offlineVoices];
  const input = (texts: string[]): SpeechPlanInput => ({
    segments: texts.map((text, index) => ({
      id: `s${index}`,
      index,
      kind: 'narration',
      text,
      boundaryBefore: index === 2 ? 'scene_break' : 'sentence',
      speakerId: 'narrator',
    })),
    characters: [],
    voices,
    lexicon: [],
    pausePolicy: DEFAULT_PAUSE_POLICY,
    bookLocale: 'en-US',
    engine: 'offline',
  });

  it('leaves it out, lists it, and rests before the next spoken line as the plan says', () => {
    const { speech, skipped } = chapterSpeech(input(['One.', ' -- ', 'Two.', 'Three.']));
    expect(skipped).toEqual([{ segmentId: 's1', index: 1, text: ' -- ' }]);
    expect(speech.map((s) => [s.segmentId, s.pauseAfterMs])).toEqual([
      ['s0', DEFAULT_PAUSE_POLICY.scene_break],
      ['s2', DEFAULT_PAUSE_POLICY.sentence],
      ['s3', DEFAULT_PAUSE_POLICY.chapter_tail],
    ]);
    const [request] = speechRequestsForChapter(input(['One.', ' -- ', 'Two.']));
    expect(request.segmentIds).toEqual(['s0', 's2']);
  });
});
