import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChapterSummary } from '../../api/types';
import { renderInStudio } from '../../test/render';
import { DeletedChapters } from './DeletedChapters';

const chapter = (
  id: string,
  title: string,
  chapterType: ChapterSummary['chapterType'],
  words: number,
  deleted: boolean,
): ChapterSummary => ({
  id,
  projectId: 'p1',
  order: Number(id.slice(1)),
  title,
  chapterType,
  headingText: title,
  stats: { words, characters: words * 5, estimatedMinutes: words / 155 },
  deleted,
  textVersion: 1,
  planStatus: 'none',
  review: null,
  detection: null,
  hasMaster: false,
  masteredByJobId: null,
  planRevision: 1,
  masterPlanRevision: null,
  plannerRevision: 1,
  planOutdated: false,
  lineEdits: 0,
  nothingToSpeak: null,
  speakerIds: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
  etag: `"${id}"`,
});

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
