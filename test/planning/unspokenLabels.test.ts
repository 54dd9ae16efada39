/**
 * A play's speaker labels (`OSWIN.`, `A WATCHMAN:`) are kept in the text but never said: segmentation marks them
 * unspoken, and the speech plan, its SSML, preflight, the plan totals (what the estimate bills) and the spoken preview
 * all leave them out, in English, Spanish and Portuguese. Prose carries no such mark, so its plan is as before.
 */
import { readFileSync } from 'node:fs';
import { parseManuscript } from '../../adapters/manuscript';
import { offlineVoices } from '../../adapters/tts/espeak';
import type { VoiceAssignment } from '../../core/casting/casting';
import { detectChapters } from '../../core/manuscript/chapters';
import { spokenPreviewOf } from '../../core/manuscript/spokenPreview';
import { totalsOf } from '../../core/planning/chapterTotals';
import { DEFAULT_PAUSE_POLICY } from '../../core/planning/pausePolicy';
import { segmentChapter, type Segment } from '../../core/planning/segmentation';
import {
  joinedUnspokenChars,
  mergeUnspeakable,
  splitUnspokenChars,
  spokenPart,
  unspokenCharsAfterEdit,
} from '../../core/planning/speakable';
import { findSegmentProblems } from '../../core/production/preflight';
import { chapterSpeech, speechRequestsForChapter, type SpeechPlanInput } from '../../core/production/speechPlan';
import { billableCharacters } from '../../core/ssml/text';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';

const PLAYS = {
  'en-GB': [
    '[Enter OSWIN, with a lamp.]',
    'OSWIN. The wind is up again.',
    'BRIDA: Then close the door yourself, brother.',
    'A WATCHMAN. [Calling.] Midnight, and the gate is shut.',
    'OSWIN. Only the ferryman, friend.',
  ],
  'es-ES': [
    '(Entra OSWIN con un farol.)',
    'OSWIN. —Sopla el viento otra vez.',
    'LA VENTERA: Pues cierre usted la puerta.',
    'OSWIN. Ya voy, ya voy.',
  ],
  'pt-BR': [
    '(Entra OSWIN com uma lanterna.)',
    'OSWIN. O vento voltou.',
    'O BOTICÁRIO: Então feche a porta.',
    'OSWIN. Já vou.',
  ],
} as const;
/** A label as written; a stage direction names people too (`[Enter OSWIN, with a lamp.]`), and is said. */
const LABELS = /(?:OSWIN|BRIDA|WATCHMAN|VENTERA|BOTICÁRIO)[.:]/iu;

type Locale = keyof typeof PLAYS;

function playSegments(locale: Locale): Segment[] {
  return segmentChapter(PLAYS[locale].join('\n\n'), { language: locale });
}

function voiceOf(characterId: string, voiceName: string, locale: string): VoiceAssignment {
  return {
    characterId,
    voiceName,
    locale,
    style: null,
    styleDegree: null,
    ratePercent: 0,
    pitchPercent: 0,
    overridden: false,
  };
}

function planInput(locale: Locale, segments: Segment[]): SpeechPlanInput {
  return {
    segments: segments.map((segment) => ({
      ...segment,
      id: `s${segment.index}`,
      speakerId: segment.kind === 'dialogue' ? 'speaker' : 'narrator',
    })),
    characters: [
      { characterId: 'narrator', voice: voiceOf('narrator', `${locale}-EspeakFemale1`, locale) },
      { characterId: 'speaker', voice: voiceOf('speaker', `${locale}-EspeakMale1`, locale) },
    ],
    voices: [...offlineVoices],
    lexicon: [],
    pausePolicy: DEFAULT_PAUSE_POLICY,
    bookLocale: locale,
    engine: 'offline',
  };
}

describe('speaker labels are shown, never said', () => {
  it.each(Object.keys(PLAYS) as Locale[])(
    'segmentation keeps each label as a segment marked unspoken whole (%s)',
    (locale) => {
      const segments = playSegments(locale);
      expect(segments.map((segment) => segment.text).join('')).toBe(PLAYS[locale].join('\n\n'));
      const labels = segments.filter((segment) => segment.unspokenChars !== undefined);
      expect(labels.length).toBe(PLAYS[locale].length - 1);
      for (const label of labels) {
        expect(label.text).toMatch(LABELS);
        expect(label.unspokenChars).toBe(label.text.length);
        expect(spokenPart(label)).toBe('');
      }
      expect(segments.filter((segment) => LABELS.test(segment.text))).toEqual(labels);
    },
  );

  it.each(Object.keys(PLAYS) as Locale[])(
    'the speech plan and its SSML say every speech and no label (%s)',
    (locale) => {
      const input = planInput(locale, playSegments(locale));
      const { speech, skipped } = chapterSpeech(input);
      expect(skipped).toEqual([]);
      const said = speech.map((segment) => segment.spokenText).join(' ');
      expect(said).not.toMatch(LABELS);
      expect(said).toMatch(/OSWIN/u);
      const ssml = speechRequestsForChapter(input)
        .map((request) => request.ssml)
        .join('\n');
      expect(ssml).not.toMatch(LABELS);
      // The speeches themselves are all there, in their speaker's voice.
      const speeches = input.segments.filter((segment) => segment.kind === 'dialogue');
      expect(speech.filter((segment) => segment.voiceName.endsWith('Male1')).map((s) => s.segmentId)).toEqual(
        speeches.map((segment) => segment.id),
      );
    },
  );

  it('the rest before a speech is the paragraph’s its label opened, not a turn’s', () => {
    const { speech } = chapterSpeech(planInput('en-GB', playSegments('en-GB')));
    const before = (text: string) => {
      const at = speech.findIndex((segment) => segment.spokenText.startsWith(text));
      return speech[at - 1].pauseAfterMs;
    };
    expect(before('The wind is up')).toBe(DEFAULT_PAUSE_POLICY.paragraph);
    expect(before('Then close the door')).toBe(DEFAULT_PAUSE_POLICY.paragraph);
    // A direction inside a speech still rests as a turn.
    expect(before('Midnight')).toBe(DEFAULT_PAUSE_POLICY.dialogue_turn);
  });

  it('preflight and the plan totals count what is said: no label is skipped, billed or counted as silent', () => {
    for (const locale of Object.keys(PLAYS) as Locale[]) {
      const segments = playSegments(locale).map((segment) => ({
        ...segment,
        id: `s${segment.index}`,
        speakerId: 'narrator',
        flagged: false,
      }));
      expect(findSegmentProblems({ id: 'c', title: 'Scene' }, segments, locale)).toEqual([]);
      const totals = totalsOf(segments, 1, locale);
      expect(totals.nothingToSpeak).toBe(0);
      // Counted, so the estimate bills no request markup for them either.
      expect(totals.unspoken).toBe(PLAYS[locale].length - 1);
      const said = segments.filter((segment) => !segment.unspokenChars);
      expect(totals.billableCharacters).toBe(said.reduce((sum, s) => sum + billableCharacters(s.text), 0));
      expect(totals.billableCharacters).toBeLessThan(segments.reduce((sum, s) => sum + billableCharacters(s.text), 0));
      // Counted one segment at a time (as edits adjust the totals), a label alone is no line skipped either.
      const label = segments.find((segment) => segment.unspokenChars)!;
      expect(totalsOf([label], 1, locale)).toMatchObject({ nothingToSpeak: 0, billableCharacters: 0 });
    }
  });

  it('a speech just within a request’s ten minutes is not made too long by its unsaid label', () => {
    // 9,899 characters at 990 a minute: just under ten minutes; with "OSWIN. " said it would be over.
    const speech = 'Word '.repeat(1980).trim();
    const segment = { id: 's0', index: 0, kind: 'dialogue' as const, text: `OSWIN. ${speech}` };
    const codes = (unspokenChars?: number) =>
      findSegmentProblems({ id: 'c', title: 'Scene' }, [{ ...segment, unspokenChars }], 'en').map((p) => p.code);
    expect(codes(undefined)).toEqual(['segment_too_long']);
    expect(codes('OSWIN. '.length)).toEqual([]);
  });

  it('the spoken preview reads each speech without its label, and prose as it is', () => {
    const chapter = { text: ['SCENE I.', ...PLAYS['es-ES']].join('\n\n'), headingText: 'SCENE I.' };
    const preview = spokenPreviewOf(chapter, 'es-ES', { start: 0, limit: 10 });
    expect(preview.paragraphs.map((paragraph) => paragraph.text)).toEqual(PLAYS['es-ES']);
    expect(preview.paragraphs.map((paragraph) => paragraph.spoken).join('\n')).not.toMatch(LABELS);
    expect(preview.paragraphs[1].spoken).toContain('Sopla el viento');
    const prose = { text: 'NOTE. This edition follows the first.\n\nIt rained.', headingText: '' };
    expect(spokenPreviewOf(prose, 'en', { start: 0, limit: 10 }).paragraphs[0].spoken).toContain('NOTE');
  });
});

describe('an unspoken label through merges, splits and edits', () => {
  const label = { text: 'OSWIN. ', unspokenChars: 7 };
  const speech = { text: 'The wind is up.' };

  it('merged with its speech, the label stays unsaid and the speech is said', () => {
    expect(joinedUnspokenChars([label, speech])).toBe(7);
    expect(joinedUnspokenChars([speech, label])).toBeUndefined();
    expect(joinedUnspokenChars([speech, speech])).toBeUndefined();
  });

  it('split, each part keeps what of the label falls in it', () => {
    expect(splitUnspokenChars({ text: 'OSWIN. The wind.', unspokenChars: 7 }, 3)).toEqual({ head: 3, tail: 4 });
    expect(splitUnspokenChars({ text: 'OSWIN. The wind.', unspokenChars: 7 }, 10)).toEqual({
      head: 7,
      tail: undefined,
    });
    expect(splitUnspokenChars(speech, 4)).toEqual({ head: undefined, tail: undefined });
  });

  it('edited, the label stays unsaid only while the text still opens with it', () => {
    expect(unspokenCharsAfterEdit(label, 'OSWIN. ')).toBe(7);
    expect(unspokenCharsAfterEdit(label, 'Oswin said. ')).toBeUndefined();
  });

  it('a piece with nothing to say before a label joins it and stays as silent', () => {
    const pieces: Segment[] = [
      { index: 0, kind: 'narration', startOffset: 0, endOffset: 3, text: '-- ', boundaryBefore: 'chapter_head' },
      {
        index: 1,
        kind: 'narration',
        startOffset: 3,
        endOffset: 10,
        text: 'OSWIN. ',
        boundaryBefore: 'paragraph',
        unspokenChars: 7,
      },
      { index: 2, kind: 'dialogue', startOffset: 10, endOffset: 16, text: 'Hello.', boundaryBefore: 'dialogue_turn' },
    ];
    const { segments } = mergeUnspeakable(pieces, 'en');
    expect(segments.map((segment) => [segment.text, segment.unspokenChars])).toEqual([
      ['-- OSWIN. ', 10],
      ['Hello.', undefined],
    ]);
  });
});

describe('prose', () => {
  it('no segment of a novel is marked unspoken, so its speech plan is as before', async () => {
    const parsed = await parseManuscript(readFileSync(PRIDE_AND_PREJUDICE), { fileName: 'pride-and-prejudice.txt' });
    const segments = detectChapters(parsed).flatMap((chapter) =>
      segmentChapter(parsed.text.slice(chapter.startOffset, chapter.endOffset), {
        headingText: chapter.headingText,
        language: 'en',
      }),
    );
    expect(segments.length).toBeGreaterThan(1000);
    expect(segments.filter((segment) => 'unspokenChars' in segment)).toEqual([]);
    const totals = totalsOf(
      segments.map((segment) => ({ ...segment, id: `s${segment.index}`, speakerId: 'narrator', flagged: false })),
      1,
      'en',
    );
    expect(totals).not.toHaveProperty('unspoken');
  });

  it('a novel opening a few paragraphs with an upper-case word says them', () => {
    const novel = [
      'NOTE. This edition follows the first.',
      'WARNING. The bridge was out, the sign said.',
      'CAUTION. Another sign, further on.',
      'Oswin walked past the signs and down to the river, where the ferry waited.',
      'He untied the rope and pushed off, and the current took the boat at once.',
      'On the far bank a light was burning in the watch house.',
    ].join('\n\n');
    expect(segmentChapter(novel, { language: 'en' }).some((segment) => segment.unspokenChars !== undefined)).toBe(
      false,
    );
  });
});
