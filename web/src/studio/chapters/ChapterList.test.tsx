import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { ChapterSummary } from '../../api/types';
import { ChapterList, moveChapter } from './ChapterList';
import { chapterStats, chapterSummary } from '../../test/chapterSummary';

const chapter = (id: string, title: string, order: number, words = 1200): ChapterSummary =>
  chapterSummary(id, { title, order, chapterType: id === 'c0' ? 'preface' : 'chapter', stats: chapterStats(words) });

const chapters = [chapter('c0', 'Preface', 0, 300), chapter('c1', 'Chapter 1', 1), chapter('c2', 'Chapter 2', 2)];

function renderList(onReorder?: (ids: string[]) => void) {
  return render(
    <MemoryRouter>
      <ChapterList label="Chapters" chapters={chapters} hrefOf={(c) => `/c/${c.id}`} onReorder={onReorder} />
    </MemoryRouter>,
  );
}

describe('chapter reorder', () => {
  it('moves a chapter up or down with its buttons, and never past the ends', () => {
    const onReorder = vi.fn();
    renderList(onReorder);
    fireEvent.click(screen.getByRole('button', { name: 'Move Chapter 2 up' }));
    expect(onReorder).toHaveBeenLastCalledWith(['c0', 'c2', 'c1']);
    fireEvent.click(screen.getByRole('button', { name: 'Move Preface down' }));
    expect(onReorder).toHaveBeenLastCalledWith(['c1', 'c0', 'c2']);
    expect((screen.getByRole('button', { name: 'Move Preface up' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move Chapter 2 down' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('gives each row a keyboard drag handle with instructions, type badge and word count', () => {
    renderList(() => undefined);
    const rows = within(screen.getByRole('list', { name: 'Chapters' })).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    const handle = within(rows[1]).getByRole('button', { name: /^Move Chapter 1 \(drag/ });
    // dnd-kit makes the handle focusable and describes the keyboard gesture to screen readers.
    expect(handle.getAttribute('aria-roledescription')).toBe('sortable');
    const described = document.getElementById(handle.getAttribute('aria-describedby')!);
    expect(described?.textContent).toMatch(/press Space, use the arrow keys/);
    expect(within(rows[0]).getByText('Preface', { selector: '.badge' })).toBeTruthy();
    expect(within(rows[0]).getByText('300 words')).toBeTruthy();
    expect(within(rows[1]).getByText('1,200 words')).toBeTruthy();
  });

  it('shows no reorder controls to people who may not edit', () => {
    renderList(undefined);
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
    expect(screen.getAllByRole('link')).toHaveLength(3);
  });

  it('computes the dropped order', () => {
    expect(moveChapter(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveChapter(['a', 'b', 'c'], 'a', 2)).toEqual(['b', 'c', 'a']);
    expect(moveChapter(['a', 'b'], 'a', 5)).toEqual(['a', 'b']);
  });
});
