import fc from 'fast-check';
import { segmentChapter, type Segment } from '../../core/planning/segmentation';

const view = (segments: Segment[]) => segments.map((s) => [s.kind, s.text.trim(), s.boundaryBefore]);

function expectExactTiling(text: string, segments: Segment[]) {
  expect(segments.map((s) => s.text).join('')).toBe(text);
  segments.forEach((segment, i) => {
    expect(segment.index).toBe(i);
    expect(segment.text).toBe(text.slice(segment.startOffset, segment.endOffset));
    expect(segment.endOffset).toBeGreaterThan(segment.startOffset);
    if (i > 0) expect(segment.startOffset).toBe(segments[i - 1].endOffset);
  });
}

describe('segmentation', () => {
  it('English: separates quoted dialogue from its attribution, curly and straight, double and single', () => {
    const text =
      "Chapter 1\n\n“Is it you?” asked Anne. “I had given up hope.”\n\n'We leave at dawn,' said the captain.\n\nHe didn't answer.";
    const segments = segmentChapter(text, { headingText: 'Chapter 1' });
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['heading', 'Chapter 1', 'chapter_head'],
      ['dialogue', '“Is it you?”', 'paragraph'],
      ['narration', 'asked Anne.', 'dialogue_turn'],
      ['dialogue', '“I had given up hope.”', 'dialogue_turn'],
      ['dialogue', "'We leave at dawn,'", 'paragraph'],
      ['narration', 'said the captain.', 'dialogue_turn'],
      ['narration', "He didn't answer.", 'paragraph'],
    ]);
  });

  it('Spanish: the raya opens the turn and separates the attribution', () => {
    const text =
      '—¿Llegaste? —preguntó Rosa.\n\n—Ya voy —dijo Martín—. Espera un momento.\n\nLa tarde caía. «Vuelve pronto», gritó alguien.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '—¿Llegaste?', 'chapter_head'],
      ['narration', '—preguntó Rosa.', 'dialogue_turn'],
      ['dialogue', '—Ya voy', 'paragraph'],
      ['narration', '—dijo Martín—.', 'dialogue_turn'],
      ['dialogue', 'Espera un momento.', 'dialogue_turn'],
      ['narration', 'La tarde caía.', 'paragraph'],
      ['dialogue', '«Vuelve pronto»,', 'dialogue_turn'],
      ['narration', 'gritó alguien.', 'dialogue_turn'],
    ]);
  });

  it('Portuguese: "--" and "—" turns with attributions, CRLF line endings', () => {
    const text = '-- Vens? -- disse Capitu.\r\n\r\n-- Vou -- respondi --. Espera.\r\n\r\n— Não sei — disse ela.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '-- Vens?', 'chapter_head'],
      ['narration', '-- disse Capitu.', 'dialogue_turn'],
      ['dialogue', '-- Vou', 'paragraph'],
      ['narration', '-- respondi --.', 'dialogue_turn'],
      ['dialogue', 'Espera.', 'dialogue_turn'],
      ['dialogue', '— Não sei', 'paragraph'],
      ['narration', '— disse ela.', 'dialogue_turn'],
    ]);
  });

  it('marks scene breaks and keeps their markers between segments', () => {
    const text = 'The end of one scene.\n\n* * *\n\nThe start of another.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(segments.map((s) => s.boundaryBefore)).toEqual(['chapter_head', 'scene_break']);
  });

  it('splits long paragraphs at sentence boundaries under the limit', () => {
    const sentence = 'Mr. Darcy walked slowly along the avenue, thinking of everything and nothing at all. ';
    const text = sentence.repeat(60).trim();
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(segments.length).toBeGreaterThan(3);
    for (const segment of segments) {
      expect(segment.text.length).toBeLessThanOrEqual(1500);
      expect(segment.text.trim()).toMatch(/^Mr\. Darcy .*\.$/s);
    }
    expect(segments.slice(1).every((s) => s.boundaryBefore === 'sentence')).toBe(true);
  });

  it('reproduces any chapter text exactly (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '"Hello," said Ann. ',
        '“Curly,” he said. ',
        "'Single,' she said. ",
        '—¿Llegaste? —preguntó Rosa.',
        '—Ya voy —dijo—. Bien.',
        '-- Vens? -- disse Capitu.',
        '«Bonjour», dit-il. ',
        '* * *',
        'Chapter 1',
        'CAPÍTULO III',
        '—',
        '--',
        '"',
        '“',
        '«',
        '»',
        "don't ",
        'Mr. Smith. ',
        '...',
        '…',
        '😀 ',
        'e\u0301',
        '\u200B',
        '\u00A0',
      ),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
    );
    const separator = fc.constantFrom(' ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\t', '  \n \n', '');
    const chapterText = fc
      .array(fc.tuple(piece, separator), { maxLength: 40 })
      .map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(
        chapterText,
        fc.integer({ min: 20, max: 400 }),
        fc.option(fc.constantFrom('Chapter 1', 'CAPÍTULO III', '—')),
        (text, max, heading) => {
          const segments = segmentChapter(text, { maxSegmentChars: max, headingText: heading ?? undefined });
          expect(segments.map((s) => s.text).join('')).toBe(text);
          for (let i = 0; i < segments.length; i++) {
            expect(segments[i].startOffset).toBe(i === 0 ? 0 : segments[i - 1].endOffset);
            expect(segments[i].endOffset).toBeGreaterThan(segments[i].startOffset);
          }
          if (text.length > 0) expect(segments[segments.length - 1].endOffset).toBe(text.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
