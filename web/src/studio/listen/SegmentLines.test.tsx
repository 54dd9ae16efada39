import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TimelineSegment } from '../../api/listening';
import { SegmentLines } from './SegmentLines';

function line(index: number, startSec: number | null, endSec: number | null, extra: Partial<TimelineSegment> = {}) {
  return {
    segmentId: `s${index}`,
    index,
    kind: 'narration',
    text: `Line ${index}.`,
    speakerId: 'narrator',
    spoken: true,
    startSec,
    endSec,
    rendered: true,
    currentTakeId: `take-${index}`,
    takes: [],
    ...extra,
  } satisfies TimelineSegment;
}

const segments = [line(0, 0, 2.5), line(1, 2.5, 4), line(2, null, null, { spoken: false }), line(3, 4, 9)];

function renderLines(currentTime: number, handlers = { onPlayFrom: vi.fn(), onSelect: vi.fn() }) {
  const result = render(
    <SegmentLines
      segments={segments}
      currentTime={currentTime}
      selectedId={undefined}
      speakerName={() => 'Narrator'}
      {...handlers}
    />,
  );
  return { ...result, ...handlers };
}

const playing = () => screen.getAllByRole('listitem').filter((item) => item.getAttribute('aria-current') === 'true');
/** What a line shows as its speaker and words, its number aside. */
const shown = (item: HTMLElement) =>
  `${item.querySelector('.listen-line__speaker')?.lastChild?.textContent}${item.querySelector('.listen-line__text')?.textContent}`;

describe('the chapter text beside the player', () => {
  it('numbers each line with its number in the chapter, as the plan does', () => {
    render(
      <SegmentLines
        segments={[segments[0], segments[3]]}
        currentTime={0}
        selectedId={undefined}
        speakerName={() => 'Narrator'}
        onPlayFrom={vi.fn()}
        onSelect={vi.fn()}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.listen-line__number')?.textContent)).toEqual(['1', '4']);
    expect(screen.getByRole('button', { name: /^Line 4 Narrator/ })).toBeTruthy();
  });

  it('highlights the line being heard, and only that one, as the time moves', () => {
    const { rerender } = renderLines(0.1);
    expect(playing().map(shown)).toEqual(['NarratorLine 0.']);
    rerender(
      <SegmentLines
        segments={segments}
        currentTime={2.5}
        selectedId={undefined}
        speakerName={() => 'Narrator'}
        onPlayFrom={vi.fn()}
        onSelect={vi.fn()}
      />,
    );
    expect(playing().map(shown)).toEqual(['NarratorLine 1.']);
    rerender(
      <SegmentLines
        segments={segments}
        currentTime={8.99}
        selectedId={undefined}
        speakerName={() => 'Narrator'}
        onPlayFrom={vi.fn()}
        onSelect={vi.fn()}
      />,
    );
    expect(playing().map(shown)).toEqual(['NarratorLine 3.']);
  });

  it('highlights nothing past the end of the master', () => {
    renderLines(9);
    expect(playing()).toEqual([]);
  });

  it('plays from a line when it is clicked, and selects it for its takes', async () => {
    const { onPlayFrom, onSelect } = renderLines(0);
    await userEvent.click(screen.getByRole('button', { name: /Line 3\./ }));
    expect(onSelect).toHaveBeenCalledWith(segments[3]);
    expect(onPlayFrom).toHaveBeenCalledWith(segments[3]);
  });

  it('selects a line the master does not place without trying to play it', async () => {
    const { onPlayFrom, onSelect } = renderLines(0);
    await userEvent.click(screen.getByRole('button', { name: /Line 2\./ }));
    expect(onSelect).toHaveBeenCalledWith(segments[2]);
    expect(onPlayFrom).not.toHaveBeenCalled();
  });
});
