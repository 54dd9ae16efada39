import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChapterSummary } from '../../api/types';
import { chapterStats, chapterSummary } from '../../test/chapterSummary';
import { renderInStudio } from '../../test/render';
import { DeletedChapters } from './DeletedChapters';

const chapter = (
  id: string,
  title: string,
  chapterType: ChapterSummary['chapterType'],
  words: number,
  deleted: boolean,
): ChapterSummary => chapterSummary(id, { title, chapterType, stats: chapterStats(words), deleted });

describe('the deleted chapters', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('say what each is and how long, beside its restore button', async () => {
    const items = [
      chapter('c0', 'Title page', 'title_page', 9, true),
      chapter('c1', 'Scene I', 'chapter', 107, false),
      chapter('c9', 'Transcriber’s notes', 'back_matter', 1_204, true),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ items }), { status: 200 })),
    );
    renderInStudio(<DeletedChapters projectId="p1" />);
    const list = await screen.findByRole('list', { name: 'Deleted chapters' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.firstElementChild?.textContent)).toEqual([
      'Title page Title page · 9 words',
      'Transcriber’s notes Back matter · 1,204 words',
    ]);
    expect(within(rows[1]).getByRole('button', { name: 'Restore Transcriber’s notes' })).toBeTruthy();
  });
});
