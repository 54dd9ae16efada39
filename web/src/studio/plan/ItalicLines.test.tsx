import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineSegment } from '../../api/listening';
import { renderInStudio, segment } from '../../test/render';
import { SegmentLines } from '../listen/SegmentLines';
import { TakeChooser } from '../listen/TakeChooser';
import { ReadingView } from './ReadingView';

/** The words of each line of the reading view as drawn, italics as `<em>`. */
function readingView(...texts: string[]): string[] {
  const { container } = render(
    <ReadingView
      label="Lines"
      segments={texts.map((text, index) => segment(index, { text }))}
      speakerName={() => 'Narrator'}
      selectedId={null}
      onSelect={() => undefined}
    />,
  );
  return [...container.querySelectorAll('.segment__text')].map((line) => line.innerHTML);
}

afterEach(() => vi.unstubAllGlobals());

describe('italics marked with underscores in a plain-text book', () => {
  it('shows an underscore opening or closing a word as italics and leaves one inside a word as typed', () => {
    expect(readingView('It was _that_ kind of day.', 'Read _Memórias Póstumas_, then snake_case stays.')).toEqual([
      'It was <em>that</em> kind of day.',
      'Read <em>Memórias Póstumas</em>, then snake_case stays.',
    ]);
  });

  it('sets a whole line in italics, punctuation and quotes inside the underscores too', () => {
    expect(readingView('_I will not go._', '"_Never_," she said.')).toEqual([
      '<em>I will not go.</em>',
      '"<em>Never</em>," she said.',
    ]);
  });

  it('carries italics an unbalanced underscore opens to the end of the line, or closes from its start', () => {
    // A line is often a piece of a paragraph: its italics may go on in the next line or come from the one before.
    expect(readingView('He read _the letter twice', 'the letter twice_ and sat down.', 'A _stray_ one_ here.')).toEqual(
      ['He read <em>the letter twice</em>', '<em>the letter twice</em> and sat down.', 'A <em>stray</em> one here.'],
    );
  });

  it('builds elements, never HTML from the text', () => {
    expect(readingView('_see <b>this</b> now_ & <i>not</i>')).toEqual([
      '<em>see &lt;b&gt;this&lt;/b&gt; now</em> &amp; &lt;i&gt;not&lt;/i&gt;',
    ]);
  });

  it('keeps a speaker label that is not said apart from the italic words after it', () => {
    const { container } = render(
      <ReadingView
        label="Lines"
        segments={[segment(0, { text: 'HAMLET. _Words_, words.', unspokenChars: 8 })]}
        speakerName={() => 'Hamlet'}
        selectedId={null}
        onSelect={() => undefined}
      />,
    );
    expect(container.querySelector('.segment__text')?.innerHTML).toBe(
      '<span class="segment__unspoken">HAMLET. </span><em>Words</em>, words.',
    );
  });

  it('shows the Listen page lines the same way', () => {
    const line = {
      segmentId: 's0',
      index: 0,
      kind: 'narration',
      text: 'She said _that_ with snake_case.',
      speakerId: 'narrator',
      spoken: true,
      startSec: 0,
      endSec: 2,
      rendered: true,
      currentTakeId: 'take-0',
      takes: [],
    } satisfies TimelineSegment;
    render(
      <SegmentLines
        segments={[line]}
        currentTime={0}
        selectedId={undefined}
        speakerName={() => 'Narrator'}
        onPlayFrom={vi.fn()}
        onSelect={vi.fn()}
      />,
    );
    expect(screen.getByRole('button').querySelector('.listen-line__text')?.innerHTML).toBe(
      'She said <em>that</em> with snake_case.',
    );
  });

  it("shows the line in the Listen page's line panel the same way", () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ segmentId: 's0', currentTakeId: null, items: [] }))),
    );
    renderInStudio(<TakeChooser projectId="p1" segmentId="s0" text="_Quincas Borba_ came in." canEdit busy={false} />);
    expect(document.querySelector('.take-chooser__line')?.innerHTML).toBe('<em>Quincas Borba</em> came in.');
  });
});
