/**
 * An interview's turn labels (`Q.`/`A.`, `Q:`/`A:`, `P.`/`R.` in Spanish and Portuguese) are read as a play's speaker
 * labels are: shown, never said, each answer the interviewee's and each question the interviewer's — when the whole
 * chapter takes turns by them, never because one paragraph opens with a letter.
 */
import { parseManuscript } from '../../adapters/manuscript';
import { labelledSpeakers } from '../../core/characters/attribution/scriptSpeakers';
import { withScriptSpeakers } from '../../core/characters/scriptCast';
import { isScript, scriptLabel } from '../../core/characters/scriptLabels';
import { detectChapters } from '../../core/manuscript/chapters';
import { spokenPreviewOf } from '../../core/manuscript/spokenPreview';
import { segmentChapter } from '../../core/planning/segmentation';
import { spokenPart } from '../../core/planning/speakable';
import { CHAPTER_FIXTURES } from './fixtures/chapterFixtures';

const INTERVIEWS = {
  'en-GB': ['Q. When did you first go to sea?', 'A. I was fourteen.', 'Q. Were you afraid?', 'A. Always.'],
  'en-US': ['Q: Where were you born?', 'A: In Peniche.', 'Q: And your father?', 'A: A fisherman, like me.'],
  'pt-PT': ['P. Teve medo?', 'R. Sempre.', 'P. O que mudou depois da guerra?', 'R. Tudo.'],
  'es-ES': ['P. ¿Tuvo miedo?', 'R. Siempre.', 'P. ¿Qué cambió después de la guerra?', 'R. Todo.'],
} as const;
type Locale = keyof typeof INTERVIEWS;
const LOCALES = Object.keys(INTERVIEWS) as Locale[];
const LABEL = /^[QAPR][.:]/u;

describe('interview labels', () => {
  it.each(LOCALES)('a chapter whose paragraphs take turns by Q./A. or P./R. is read as a script (%s)', (locale) => {
    expect(isScript([...INTERVIEWS[locale]])).toBe(true);
    expect(INTERVIEWS[locale].map((paragraph) => scriptLabel(paragraph)?.name)).toEqual(
      locale.startsWith('en')
        ? ['INTERVIEWER', 'INTERVIEWEE', 'INTERVIEWER', 'INTERVIEWEE']
        : ['ENTREVISTADOR', 'ENTREVISTADO', 'ENTREVISTADOR', 'ENTREVISTADO'],
    );
  });

  it('decides by the whole chapter: letters opening prose, a list or questions alone are no interview', () => {
    const prose = 'The wind came down from the hills and the whole village listened to it all night long.';
    // Initials opening paragraphs, however many.
    expect(isScript(['A. J. Cronin wrote it.', prose, 'A. J. Cronin again.', 'A. J. Cronin once more.'])).toBe(false);
    // A lettered list: A. B. C. take no turns.
    expect(isScript(['A. Flour.', 'B. Water.', 'C. Salt.', 'A. Again.'])).toBe(false);
    // Questions that are never answered, and answers that ask nothing.
    expect(isScript(['Q. One?', 'Q. Two?', 'Q. Three?', 'Q. Four?'])).toBe(false);
    // A short exchange inside a long stretch of prose.
    expect(isScript(['Q. Why?', 'A. Because.', 'Q. Sure?', 'A. Yes.', ...Array<string>(6).fill(prose)])).toBe(false);
    // Conventions mixed are no one convention: Q. answered by R.
    expect(isScript(['Q. One?', 'R. Uno.', 'Q. Two?', 'R. Dos.'])).toBe(false);
  });

  it.each(LOCALES)('segmentation marks each label unspoken, and the preview does not say it (%s)', (locale) => {
    const text = INTERVIEWS[locale].join('\n\n');
    const segments = segmentChapter(text, { language: locale });
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    const labels = segments.filter((segment) => segment.unspokenChars !== undefined);
    expect(labels.map((segment) => segment.text.trim())).toEqual(
      INTERVIEWS[locale].map((paragraph) => paragraph.slice(0, 2)),
    );
    expect(labels.every((segment) => spokenPart(segment) === '')).toBe(true);
    const preview = spokenPreviewOf({ text, headingText: '' }, locale, { start: 0, limit: 10 });
    expect(preview.paragraphs.some((paragraph) => LABEL.test(paragraph.spoken))).toBe(false);
    expect(preview.paragraphs.map((paragraph) => paragraph.text)).toEqual([...INTERVIEWS[locale]]);
  });

  it('the interviewer asks and the interviewee answers: each labelled speech is its role’s', () => {
    const chapters = [{ id: 'c1', text: INTERVIEWS['en-GB'].join('\n\n'), language: 'en-GB' }];
    const cast = withScriptSpeakers([], chapters);
    expect(cast.map((character) => character.name)).toEqual(['Interviewer', 'Interviewee']);
    // A letter is no name: nothing else in the text can be taken for the character.
    expect(cast.flatMap((character) => character.aliases)).toEqual(['INTERVIEWER', 'INTERVIEWEE']);
    // The cast describes them as an interview's roles, not as a play's characters.
    expect(cast.map((character) => character.description)).toEqual([
      'Speaks 2 labelled line(s) of the interview.',
      'Speaks 2 labelled line(s) of the interview.',
    ]);
    const segments = segmentChapter(chapters[0].text, { language: 'en-GB' });
    const speakers = labelledSpeakers(segments, cast);
    const dialogue = segments.flatMap((segment, at) => (segment.kind === 'dialogue' ? [at] : []));
    expect(dialogue.map((at) => cast.find((character) => character.id === speakers.get(at))?.name)).toEqual([
      'Interviewer',
      'Interviewee',
      'Interviewer',
      'Interviewee',
    ]);
  });

  it.each(['en-interviews-qa', 'pt-entrevistas'])('no label of the book %s is said', async (name) => {
    const fixture = CHAPTER_FIXTURES.find((candidate) => candidate.name === name)!;
    const { bytes, fileName } = await fixture.build();
    const parsed = await parseManuscript(bytes, { fileName, language: fixture.language });
    const interviews = detectChapters(parsed, { language: fixture.language }).filter((c) => c.type === 'chapter');
    expect(interviews).toHaveLength(3);
    for (const chapter of interviews) {
      const text = parsed.text.slice(chapter.startOffset, chapter.endOffset);
      const said = segmentChapter(text, { language: fixture.language, headingText: chapter.headingText })
        .map(spokenPart)
        .join('');
      expect(said).not.toMatch(/(?:^|\n)\s*[QAPR][.:]/u);
      expect(text).toMatch(/(?:^|\n)\s*[QAPR][.:]/u);
    }
  });
});
