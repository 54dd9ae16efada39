import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChapterReview, ChapterSummary, ReviewSummary } from '../../api/types';
import { renderInStudio } from '../../test/render';
import { ReviewPage } from './ReviewPage';
import { chapterSummary } from '../../test/chapterSummary';

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
});
