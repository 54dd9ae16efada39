import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { segment } from '../../test/render';
import { ReadingView, VIRTUALIZE_ABOVE } from './ReadingView';
import { applyFilter } from './PlanFilters';
import { speakerColour } from './speakers';

const names: Record<string, string> = {
  narrator: 'Narrator',
  unknown: 'Unknown speaker',
  c1: 'Elizabeth',
  c2: 'Mr. Darcy',
};
const speakerName = (id: string) => names[id] ?? '?';

describe('ReadingView', () => {
  const lines = [
    segment(0, { kind: 'narration', speakerId: 'narrator', text: 'It is a truth universally acknowledged.' }),
    segment(1, { speakerId: 'c1', text: '“My dear,” said she.', speakerConfidence: 0.62, flagged: true }),
    segment(2, { speakerId: 'unknown', text: '“Is that so?”', speakerConfidence: 0.2 }),
    segment(3, { speakerId: 'c2', text: '“It is.”', speakerSource: 'user' }),
  ];

  it('shows every line with its speaker in words and colour, confidence, flags and comments', () => {
    render(
      <ReadingView
        label="Lines of the chapter"
        segments={lines}
        speakerName={speakerName}
        selectedId={null}
        onSelect={() => undefined}
        openThreads={new Map([['s2', 2]])}
      />,
    );
    const options = within(screen.getByRole('listbox', { name: 'Lines of the chapter' })).getAllByRole('option');
    expect(options).toHaveLength(4);
    expect(within(options[1]).getByText('Elizabeth')).toBeTruthy();
    expect(within(options[1]).getByText('62% sure')).toBeTruthy();
    expect(within(options[1]).getByText('Flagged')).toBeTruthy();
    expect(within(options[2]).getByText('Unknown speaker')).toBeTruthy();
    expect(within(options[2]).getByText('2 comments')).toBeTruthy();
    expect(within(options[3]).getByText('Checked')).toBeTruthy();
    // Narration has no attribution to be unsure about.
    expect(within(options[0]).queryByText(/sure$/)).toBeNull();
    // The colour marks the line and the chip; the name is always written too.
    expect(within(options[1]).getByText('Elizabeth').style.backgroundColor).not.toBe('');
    expect(speakerColour('c1')).toBe(speakerColour('c1'));
    expect(speakerColour('narrator')).not.toBe(speakerColour('unknown'));
  });

  it('numbers each line as the line panel and the notices do, its place in the chapter even when a filter hides some', () => {
    // Line 3 is left out, as a filter leaves out the lines it does not show.
    render(
      <ReadingView
        label="Flagged lines"
        segments={[lines[0], lines[1], lines[3]]}
        speakerName={speakerName}
        selectedId={null}
        onSelect={() => undefined}
      />,
    );
    const options = within(screen.getByRole('listbox', { name: 'Flagged lines' })).getAllByRole('option');
    expect(options.map((option) => option.querySelector('.segment__number [aria-hidden]')?.textContent)).toEqual([
      '1',
      '2',
      '4',
    ]);
    expect(within(options[2]).getByText('Line 4')).toBeTruthy();
  });

  it("sets a play's speaker label apart as not read aloud, and the text stays whole", () => {
    const label = segment(0, { kind: 'narration', speakerId: 'narrator', text: 'MARGERY. ', unspokenChars: 9 });
    const merged = segment(1, { speakerId: 'c1', text: 'TOBIAS. Bring the lamp.', unspokenChars: 8 });
    render(
      <ReadingView
        label="Scene"
        segments={[label, merged, lines[0]]}
        speakerName={speakerName}
        selectedId={null}
        onSelect={() => undefined}
      />,
    );
    const options = within(screen.getByRole('listbox', { name: 'Scene' })).getAllByRole('option');
    expect(within(options[0]).getByText('Not read aloud')).toBeTruthy();
    expect(options[1].querySelector('.segment__unspoken')?.textContent).toBe('TOBIAS. ');
    expect(options[1].querySelector('.segment__text')?.textContent).toBe('TOBIAS. Bring the lamp.');
    expect(within(options[2]).queryByText('Not read aloud')).toBeNull();
    expect(options[2].querySelector('.segment__unspoken')).toBeNull();
  });

  it('moves the selection with the arrow keys and hands commands to the page', () => {
    const onSelect = vi.fn();
    const onCommand = vi.fn();
    render(
      <ReadingView
        label="Lines"
        segments={lines}
        speakerName={speakerName}
        selectedId="s1"
        onSelect={onSelect}
        onCommand={onCommand}
      />,
    );
    const view = screen.getByRole('listbox', { name: 'Lines' });
    expect(view.getAttribute('aria-activedescendant')).toBe('segment-s1');
    expect(screen.getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(view, { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith('s2');
    fireEvent.keyDown(view, { key: 'k' });
    expect(onSelect).toHaveBeenLastCalledWith('s0');
    fireEvent.keyDown(view, { key: 'n' });
    fireEvent.keyDown(view, { key: 'a' });
    fireEvent.keyDown(view, { key: 'z', ctrlKey: true });
    expect(onCommand.mock.calls.map(([command]) => command)).toEqual(['nextFlagged', 'assign', 'undo']);
    fireEvent.keyDown(view, { key: 'End' });
    expect(onSelect).toHaveBeenLastCalledWith('s3');
    fireEvent.click(screen.getAllByRole('option')[3]);
    expect(onSelect).toHaveBeenLastCalledWith('s3');
  });

  it('filters unknown, flagged and one speaker’s lines', () => {
    expect(applyFilter(lines, { kind: 'unknown' }).map((s) => s.id)).toEqual(['s2']);
    expect(applyFilter(lines, { kind: 'flagged' }).map((s) => s.id)).toEqual(['s1']);
    expect(applyFilter(lines, { kind: 'speaker', speakerId: 'c2' }).map((s) => s.id)).toEqual(['s3']);
    expect(applyFilter(lines, { kind: 'all' })).toHaveLength(4);
  });

  it('keeps only the visible part of a 2,000-line chapter in the page', () => {
    const long = Array.from({ length: 2000 }, (_, index) => segment(index));
    expect(long.length).toBeGreaterThan(VIRTUALIZE_ABOVE);
    // jsdom lays nothing out: give the scroller a height and each line a height, so the virtualizer has a window.
    const sizes = [
      vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(640),
      vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(40),
    ];
    render(
      <ReadingView
        label="Lines"
        segments={long}
        speakerName={speakerName}
        selectedId={null}
        onSelect={() => undefined}
      />,
    );
    const rendered = screen.getAllByRole('option');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(100);
    // Screen readers still hear where a line sits in the whole chapter.
    expect(rendered[0].getAttribute('aria-setsize')).toBe('2000');
    for (const size of sizes) size.mockRestore();
  });
});
