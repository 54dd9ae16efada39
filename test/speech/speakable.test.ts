import fc from 'fast-check';
import { isSpeakable, mergeUnspeakable } from '../../core/planning/speakable';
import { segmentChapter, type Segment, type SegmentKind } from '../../core/planning/segmentation';
import { hasSpeakableText } from '../../core/ssml/text';

function tile(parts: [SegmentKind, string][]): Segment[] {
  let offset = 0;
  return parts.map(([kind, text], index) => {
    const segment: Segment = {
      index,
      kind,
      startOffset: offset,
      endOffset: offset + text.length,
      text,
      boundaryBefore: index === 0 ? 'chapter_head' : 'paragraph',
    };
    offset += text.length;
    return segment;
  });
}

function expectTiling(segments: Segment[], text: string): void {
  expect(segments.map((s) => s.text).join('')).toBe(text);
  segments.forEach((segment, position) => {
    expect(segment.index).toBe(position);
    expect(text.slice(segment.startOffset, segment.endOffset)).toBe(segment.text);
    if (position > 0) expect(segment.startOffset).toBe(segments[position - 1].endOffset);
  });
}

describe('speakable text', () => {
  it('needs a letter or a digit in the spoken form, in every language', () => {
    for (const language of ['en-GB', 'es-ES', 'pt-BR']) {
      for (const nothing of ['--', '-', '—', ' — ', '...', '…', '“—”', '* * *', '¡!', '"--"', '\n\n', ''])
        expect([language, nothing, isSpeakable(nothing, language)]).toEqual([language, nothing, false]);
      for (const something of ['Yes.', '5', '—¿Y?', '-- Vens?', 'Ó', '«Sí»', 'I.'])
        expect([language, something, isSpeakable(something, language)]).toEqual([language, something, true]);
    }
    expect(isSpeakable('XII', 'en', 'heading')).toBe(true);
  });

  it('agrees with the SSML text check on the spoken form', () => {
    expect(hasSpeakableText(' , . ')).toBe(false);
    expect(hasSpeakableText('\uD800')).toBe(false);
    expect(hasSpeakableText('a')).toBe(true);
  });
});

describe('merging unspeakable segments', () => {
  it('joins a dash between two quotations to the line before it', () => {
    const segments = tile([
      ['narration', 'He said: '],
      ['dialogue', '"Go." '],
      ['narration', '-- '],
      ['dialogue', '"Stay."'],
    ]);
    const { segments: merged, merged: pieces } = mergeUnspeakable(segments, 'en');
    expect(merged.map((s) => [s.kind, s.text])).toEqual([
      ['narration', 'He said: '],
      ['dialogue', '"Go." -- '],
      ['dialogue', '"Stay."'],
    ]);
    expect(pieces).toEqual([{ index: 2, text: '-- ', into: 1 }]);
    expectTiling(merged, segments.map((s) => s.text).join(''));
  });

  it('gives a piece after the heading to the next line, and a chapter with nothing to say stays one segment', () => {
    const afterHeading = tile([
      ['heading', 'Chapter 1\n\n'],
      ['narration', '—\n\n'],
      ['dialogue', '—Sí.'],
    ]);
    const merged = mergeUnspeakable(afterHeading, 'es');
    expect(merged.segments.map((s) => [s.kind, s.text, s.boundaryBefore])).toEqual([
      ['heading', 'Chapter 1\n\n', 'chapter_head'],
      ['dialogue', '—\n\n—Sí.', 'paragraph'],
    ]);
    const silent = tile([
      ['narration', '* * *\n'],
      ['narration', '--'],
    ]);
    const alone = mergeUnspeakable(silent, 'pt');
    expect(alone.segments.map((s) => s.text)).toEqual(['* * *\n--']);
    expect(alone.merged).toEqual([{ index: 1, text: '--', into: 0 }]);
  });

  it('leaves a speakable plan untouched', () => {
    const segments = segmentChapter('Chapter 1\n\n"Hello," said he.\n\nShe smiled.', { headingText: 'Chapter 1' });
    expect(mergeUnspeakable(segments, 'en').segments).toBe(segments);
  });

  it('still tiles the text and leaves no unspeakable segment unless nothing is speakable (property)', () => {
    const part = fc.tuple(
      fc.constantFrom<SegmentKind>('narration', 'dialogue', 'heading'),
      fc.oneof(
        fc.constantFrom('--', '-- ', '—', '…', '" "', '\n\n', ' * * * ', '"--"'),
        fc.constantFrom('Yes. ', '"No," ', 'said he. ', '5 ', 'Ó ', '¿Y? '),
      ),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 12 }), fc.constantFrom('en', 'es', 'pt'), (parts, lang) => {
        const segments = tile(parts);
        const text = parts.map(([, t]) => t).join('');
        const { segments: merged } = mergeUnspeakable(segments, lang);
        expectTiling(merged, text);
        const unspeakable = merged.filter((s) => !isSpeakable(s.text, lang, s.kind));
        if (merged.length > 1 || isSpeakable(text, lang)) expect(unspeakable).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
