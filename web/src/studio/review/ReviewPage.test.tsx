import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChapterReview, ChapterSummary, ReviewSummary } from '../../api/types';
import { renderInStudio } from '../../test/render';
import { ReviewPage } from './ReviewPage';
import { chapterSummary } from '../../test/chapterSummary';
import { VIRTUALIZE_CHAPTERS_ABOVE } from './ReviewChapterList';

const review = (chapterId: string, title: string): ChapterReview => ({
  chapterId,
  title,
  order: Number(chapterId.slice(1)),
  decision: 'pending',
  approvalStale: false,
  openThreads: 0,
  resolvedThreads: 0,
  approval: null,
});

const summary = (id: string, title: string, counts: { flagged: number; unknownSpeaker: number }): ChapterSummary =>
  chapterSummary(id, {
    title,
    stats: { words: 100, characters: 500, estimatedMinutes: 1 },
    planStatus: 'planned',
    review: { segments: 20, unknownDialogue: 0, ...counts },
  });

const approved = (chapterReview: ChapterReview): ChapterReview => ({ ...chapterReview, decision: 'approved' });

function serve(
  reviews: ChapterReview[] = [review('c1', 'Act I'), review('c2', 'Act II')],
  chapters: ChapterSummary[] = [
    summary('c1', 'Act I', { flagged: 3, unknownSpeaker: 1 }),
    summary('c2', 'Act II', { flagged: 0, unknownSpeaker: 0 }),
  ],
) {
  const reviewSummary: ReviewSummary = {
    chapters: reviews,
    totals: { chapters: reviews.length, approved: 0, changesRequested: 0, openThreads: 0 },
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const body = url.includes('/review/threads')
        ? { items: [] }
        : url.includes('/review')
          ? reviewSummary
          : { items: chapters };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
}

describe('the review page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('links each chapter’s lines still to check to its plan, and says nothing for a chapter with none', async () => {
    serve();
    renderInStudio(<ReviewPage />);
    const link = await screen.findByRole('link', {
      name: 'Lines to check in Act I: 3 flagged lines · 1 line without a speaker',
    });
    // It opens the chapter's plan on its flagged lines, not on every line.
    expect(link.getAttribute('href')).toBe('/projects/p1/plan/c1?show=flagged');
    const chapters = within(screen.getByRole('list', { name: 'Chapters and their review' })).getAllByRole('listitem');
    expect(within(chapters[1]).queryByRole('link', { name: /^Lines to check/ })).toBeNull();
  });

  it('tells a producer who cannot approve who decides and what to do meanwhile', async () => {
    serve();
    renderInStudio(<ReviewPage />, { canApprove: false });
    expect(await screen.findByText(/^A validator of the project approves each chapter/)).toBeTruthy();
  });

  it('does not tell a validator, who has the buttons', async () => {
    serve();
    renderInStudio(<ReviewPage />, { canApprove: true });
    await screen.findByRole('button', { name: 'Approve Act I' });
    expect(screen.queryByText(/^A validator of the project/)).toBeNull();
  });

  it('opens on the chapters that need attention, with counts, and shows all on request', async () => {
    serve(
      [approved(review('c1', 'Act I')), review('c2', 'Act II'), approved(review('c3', 'Act III'))],
      [
        summary('c1', 'Act I', { flagged: 0, unknownSpeaker: 0 }),
        summary('c2', 'Act II', { flagged: 0, unknownSpeaker: 0 }),
        summary('c3', 'Act III', { flagged: 2, unknownSpeaker: 0 }),
      ],
    );
    renderInStudio(<ReviewPage />);
    await screen.findByRole('link', { name: /^Lines to check in Act III/ });
    const filter = screen.getByRole('combobox', { name: 'Show' });
    expect(
      within(filter)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Needs attention (2)', 'All chapters (3)']);
    const titles = () =>
      within(screen.getByRole('list', { name: 'Chapters and their review' }))
        .getAllByRole('listitem')
        .map((item) => within(item).getAllByRole('link')[0].textContent);
    expect(titles()).toEqual(['Act II', 'Act III']);
    fireEvent.change(filter, { target: { value: 'all' } });
    expect(titles()).toEqual(['Act I', 'Act II', 'Act III']);
  });

  it('shows every chapter when none needs attention', async () => {
    serve(
      [approved(review('c1', 'Act I')), approved(review('c2', 'Act II'))],
      [
        summary('c1', 'Act I', { flagged: 0, unknownSpeaker: 0 }),
        summary('c2', 'Act II', { flagged: 0, unknownSpeaker: 0 }),
      ],
    );
    renderInStudio(<ReviewPage />);
    const filter = await screen.findByRole('combobox', { name: 'Show' });
    expect((filter as HTMLSelectElement).value).toBe('all');
    expect(
      within(screen.getByRole('list', { name: 'Chapters and their review' })).getAllByRole('listitem'),
    ).toHaveLength(2);
  });

  it('draws only the chapters near the screen of a 183-chapter book, and finds the others by title or number', async () => {
    const count = 183;
    expect(count).toBeGreaterThan(VIRTUALIZE_CHAPTERS_ABOVE);
    const ids = Array.from({ length: count }, (_, index) => `c${index + 1}`);
    serve(
      ids.map((id) => review(id, `Chapter ${id.slice(1)}`)),
      ids.map((id) => summary(id, `Chapter ${id.slice(1)}`, { flagged: 0, unknownSpeaker: 0 })),
    );
    // jsdom lays nothing out: give each card a height, so the virtualizer knows how many fill the window.
    const height = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(100);
    // The virtualizer keeps the window's scroll in place as cards are measured; jsdom has no scrolling.
    const scroll = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    try {
      renderInStudio(<ReviewPage />, { canApprove: true });
      await screen.findByRole('button', { name: 'Approve Chapter 1' });
      const list = screen.getByRole('list', { name: 'Chapters and their review' });
      const drawn = within(list).getAllByRole('listitem');
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.length).toBeLessThan(40);
      // Screen readers still hear where a card sits among all of them.
      expect(drawn[0].getAttribute('aria-setsize')).toBe(String(count));
      expect(drawn[0].getAttribute('aria-posinset')).toBe('1');
      expect(screen.queryByRole('link', { name: 'Chapter 150' })).toBeNull();

      // The browser's find-in-page cannot see an undrawn chapter: the page's own search finds it.
      const find = screen.getByRole('searchbox', { name: 'Find a chapter' });
      fireEvent.change(find, { target: { value: '150' } });
      expect(
        within(list)
          .getAllByRole('link')
          .map((link) => link.textContent),
      ).toEqual(['Chapter 150']);
      fireEvent.change(find, { target: { value: 'chapter 17' } });
      expect(within(list).getAllByRole('link')[0].textContent).toBe('Chapter 17');
      fireEvent.change(find, { target: { value: 'Epilogue' } });
      expect(screen.getByText('No chapter matches “Epilogue”.')).toBeTruthy();
    } finally {
      height.mockRestore();
      scroll.mockRestore();
    }
  });
});
