import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ChapterSummary } from '../../api/types';
import i18n from '../../i18n';
import { ChapterPicker, nextChapterToCheck } from './ChapterPicker';
import { chapterSummary } from '../../test/chapterSummary';

type Review = ChapterSummary['review'];
const review = (flagged: number, unknownSpeaker: number): Review => ({
  segments: 2400,
  flagged,
  unknownSpeaker,
  unknownDialogue: unknownSpeaker,
});

const chapter = (index: number, counts: Review): ChapterSummary =>
  chapterSummary(`c${index}`, {
    stats: { words: 1200, characters: 6000, estimatedMinutes: 8 },
    planStatus: counts ? 'planned' : 'none',
    review: counts,
  });

const book = [
  chapter(0, review(0, 0)),
  chapter(1, review(1234, 0)),
  chapter(2, null),
  chapter(3, review(0, 2)),
  chapter(4, review(0, 0)),
];

function renderPicker(selectedId: string, chapters = book) {
  const onSelect = vi.fn();
  render(<ChapterPicker chapters={chapters} selectedId={selectedId} notesOf={() => []} onSelect={onSelect} />);
  const options = () =>
    within(screen.getByRole('combobox'))
      .getAllByRole('option')
      .map((option) => option.textContent);
  return { onSelect, options };
}

describe('the plan’s chapter picker', () => {
  it('says beside each chapter how many lines are flagged or have no known speaker, and which are not planned', () => {
    const { options } = renderPicker('c0');
    expect(options()).toEqual([
      'Chapter 0',
      'Chapter 1 — 1,234 flagged',
      'Chapter 2 — not planned',
      'Chapter 3 — 2 unknown speakers',
      'Chapter 4',
    ]);
  });

  it('says a chapter without a plan is being planned while a plan job plans it, not that it is not planned', () => {
    render(
      <ChapterPicker
        chapters={book}
        selectedId="c2"
        notesOf={() => []}
        beingPlanned={(planned) => planned.id === 'c2'}
        onSelect={vi.fn()}
      />,
    );
    const options = within(screen.getByRole('combobox'))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toContain('Chapter 2 — being planned');
    expect(options.join()).not.toMatch(/not planned/);
    expect(screen.getByText('This chapter: being planned')).toBeTruthy();
  });

  it('narrows the list to the chapters with lines to check, keeping the one on screen', () => {
    const { options } = renderPicker('c4');
    fireEvent.click(screen.getByLabelText('Only chapters with lines to check (2)'));
    expect(options()).toEqual(['Chapter 1 — 1,234 flagged', 'Chapter 3 — 2 unknown speakers', 'Chapter 4']);
  });

  it('goes to the next chapter with lines to check, on what there is to check, wrapping round to the start', () => {
    const { onSelect } = renderPicker('c1');
    fireEvent.click(screen.getByRole('button', { name: 'Next chapter with lines to check' }));
    expect(onSelect).toHaveBeenLastCalledWith('c3', 'unknown');
    expect(nextChapterToCheck(book, 'c3')?.id).toBe('c1');
    expect(nextChapterToCheck(book, 'c4')?.id).toBe('c1');
  });

  it('opens the next chapter on its flagged lines when it has any', () => {
    const { onSelect } = renderPicker('c4');
    fireEvent.click(screen.getByRole('button', { name: 'Next chapter with lines to check' }));
    expect(onSelect).toHaveBeenLastCalledWith('c1', 'flagged');
  });

  it('says so when no other chapter has lines to check', () => {
    renderPicker('c1', [chapter(0, review(0, 0)), chapter(1, review(3, 0)), chapter(2, null)]);
    expect(screen.getByRole('button', { name: 'No other chapter has lines to check' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('writes the counts the reader’s way', async () => {
    await i18n.changeLanguage('pt-BR');
    try {
      const { options } = renderPicker('c0');
      expect(options()[1]).toBe('Chapter 1 — 1.234 marcadas');
      expect(options()[3]).toBe('Chapter 3 — 2 falantes desconhecidos');
    } finally {
      await i18n.changeLanguage('en-US');
    }
  });
  it('says the counts of the chapter on screen in full, where the select clips its option', async () => {
    const { options } = renderPicker('c1');
    expect(options()[1]).toContain('1,234 flagged');
    expect(screen.getByText('This chapter: 1,234 flagged').tagName).toBe('P');
    await i18n.changeLanguage('pt-BR');
    expect((await screen.findByText('Este capítulo: 1.234 marcadas')).tagName).toBe('P');
    await i18n.changeLanguage('en-US');
  });
});
