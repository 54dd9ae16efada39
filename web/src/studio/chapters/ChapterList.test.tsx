import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
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

describe('finding a chapter in a long book', () => {
  // A preface, sixty chapters (the twelfth titled in Roman numerals, the thirtieth with a name) and an epilogue.
  const book = [
    chapterSummary('c0', { title: 'Preface', order: 0, chapterType: 'preface', stats: chapterStats(300) }),
    ...Array.from({ length: 60 }, (_, i) =>
      chapterSummary(`c${i + 1}`, {
        title: i === 11 ? 'CHAPTER XII.' : i === 29 ? 'El Baile en Netherfield' : `Chapter ${i + 1}`,
        order: i + 1,
        chapterType: 'chapter',
        stats: chapterStats(1000),
      }),
    ),
    chapterSummary('c61', { title: 'Epílogo', order: 61, chapterType: 'epilogue', stats: chapterStats(500) }),
  ];
  const titlesShown = () =>
    within(screen.getByRole('list', { name: 'Chapters' }))
      .queryAllByRole('link')
      .map((link) => link.querySelector('.chapter-list__title')?.textContent);

  function renderBook(onReorder?: (ids: string[]) => void) {
    return render(
      <MemoryRouter initialEntries={['/c/c1']}>
        <Routes>
          <Route
            path="/c/:id"
            element={
              <>
                <ChapterList label="Chapters" chapters={book} hrefOf={(c) => `/c/${c.id}`} onReorder={onReorder} />
                <CurrentPath />
              </>
            }
          />
        </Routes>
      </MemoryRouter>,
    );
  }

  it('narrows the list by title words, accents and case aside, and says how many it shows', () => {
    renderBook();
    const search = screen.getByRole('searchbox', { name: 'Find a chapter' });
    fireEvent.change(search, { target: { value: 'baile netherf' } });
    expect(titlesShown()).toEqual(['El Baile en Netherfield']);
    fireEvent.change(search, { target: { value: 'epilogo' } });
    expect(titlesShown()).toEqual(['Epílogo']);
    expect(screen.getByText('1 of 62 chapters')).toBeTruthy();
  });

  it('finds a chapter by its number: in its title, in Roman numerals, or its place among the chapters', () => {
    renderBook();
    const search = screen.getByRole('searchbox', { name: 'Find a chapter' });
    fireEvent.change(search, { target: { value: '12' } });
    expect(titlesShown()).toEqual(['CHAPTER XII.']);
    fireEvent.change(search, { target: { value: '30' } });
    expect(titlesShown()).toEqual(['El Baile en Netherfield']);
    fireEvent.change(search, { target: { value: 'chapter 5' } });
    expect(titlesShown()).toEqual(['Chapter 5']);
    // A Roman numeral is a number whole: "xi" is chapter 11, not the start of "XII".
    fireEvent.change(search, { target: { value: 'xii' } });
    expect(titlesShown()).toEqual(['CHAPTER XII.']);
    fireEvent.change(search, { target: { value: 'chapter xi' } });
    expect(titlesShown()).toEqual(['Chapter 11']);
  });

  it('says when nothing matches, opens the first match on Enter and clears on Escape', () => {
    renderBook();
    const search = screen.getByRole('searchbox', { name: 'Find a chapter' });
    fireEvent.change(search, { target: { value: 'zeppelin' } });
    expect(screen.queryByRole('list', { name: 'Chapters' })).toBeNull();
    expect(screen.getByText('No chapter title or number matches “zeppelin”.')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'chapter 4' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(screen.getByTestId('path').textContent).toBe('/c/c4');
    fireEvent.keyDown(search, { key: 'Escape' });
    expect((search as HTMLInputElement).value).toBe('');
    expect(titlesShown()).toHaveLength(62);
  });

  it('offers no reordering while the list is narrowed, and gives it back once the search is cleared', () => {
    const onReorder = vi.fn();
    renderBook(onReorder);
    const search = screen.getByRole('searchbox', { name: 'Find a chapter' });
    fireEvent.change(search, { target: { value: 'chapter 4' } });
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
    fireEvent.change(search, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move Chapter 4 up' }));
    expect(onReorder).toHaveBeenCalledTimes(1);
    expect(onReorder.mock.calls[0][0].indexOf('c4')).toBe(3);
  });

  it('has no search box on a short book', () => {
    renderList();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});

function CurrentPath() {
  const location = useLocation();
  return <span data-testid="path">{location.pathname}</span>;
}
