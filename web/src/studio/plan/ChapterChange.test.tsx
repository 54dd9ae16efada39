import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { ChapterSummary, Segment } from '../../api/types';
import { UNKNOWN_SPEAKER } from '../../api/types';
import { chapterSummary } from '../../test/chapterSummary';
import { character } from '../../test/character';
import { segment, testProject } from '../../test/render';
import { ToastProvider } from '../../ui/Toasts';
import type { StudioContextValue } from '../StudioContext';
import { PlanPage } from './PlanPage';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const review = (flagged: number, unknownSpeaker: number): ChapterSummary['review'] => ({
  segments: 3,
  flagged,
  unknownSpeaker,
  unknownDialogue: unknownSpeaker,
});
const CHAPTERS = [
  chapterSummary('c1', { title: 'The Ball', planStatus: 'planned', review: review(1, 0) }),
  chapterSummary('c2', { title: 'The Letter', planStatus: 'planned', review: review(1, 1) }),
  chapterSummary('c3', { title: 'The Walk', planStatus: 'planned', review: review(0, 1) }),
];

/** Three lines a chapter: in the first the narrator and Elizabeth speak, in the others a flagged or unknown line. */
const LINES: Record<string, Segment[]> = {
  c1: [
    segment(0, { id: 'c1-0', text: 'The ball began. ' }),
    segment(1, { id: 'c1-1', text: 'Elizabeth spoke. ', speakerId: 'elizabeth', flagged: true }),
    segment(2, { id: 'c1-2', text: 'And again. ', speakerId: 'elizabeth' }),
  ],
  c2: [
    segment(0, { id: 'c2-0', chapterId: 'c2', text: 'A letter came. ' }),
    segment(1, { id: 'c2-1', chapterId: 'c2', text: 'Who wrote it? ', flagged: true }),
    segment(2, { id: 'c2-2', chapterId: 'c2', text: 'Nobody knew. ', speakerId: UNKNOWN_SPEAKER }),
  ],
  c3: [
    segment(0, { id: 'c3-0', chapterId: 'c3', text: 'They walked. ' }),
    segment(1, { id: 'c3-1', chapterId: 'c3', text: 'Far away. ', speakerId: UNKNOWN_SPEAKER }),
    segment(2, { id: 'c3-2', chapterId: 'c3', text: 'Home again. ' }),
  ],
};

/** Answers every save at once, or, given a gate, only once the test opens it. */
function bookServer(gate: Promise<void> = Promise.resolve()) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (init.method === 'PATCH') {
        const id = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
        const line = Object.values(LINES)
          .flat()
          .find((item) => item.id === id)!;
        await gate;
        return jsonResponse(200, { ...line, ...(JSON.parse(String(init.body)) as object), etag: `"${id}-saved"` });
      }
      const chapter = /chapterId=(c\d)/.exec(url)?.[1];
      if (url.includes('/segments?') && chapter)
        return Promise.resolve(jsonResponse(200, { items: LINES[chapter], continuationToken: null }));
      if (url.includes('/chapters')) return Promise.resolve(jsonResponse(200, { items: CHAPTERS }));
      return Promise.resolve(jsonResponse(200, { items: [] }));
    }),
  );
}

function openBook(at: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.chapters('p1', false), CHAPTERS);
  queryClient.setQueryData(bookKeys.characters('p1'), [
    character('narrator', 'Narrator', 0),
    character('elizabeth', 'Elizabeth', 30),
    character('bob', 'Bob', 40),
  ]);
  queryClient.setQueryData(bookKeys.threads('p1'), []);
  const project = testProject();
  const context: StudioContextValue = {
    project,
    versioned: { project, etag: project.etag },
    me: undefined,
    access: { canEdit: true, canComment: true, canApprove: false },
    status: { project, facts: undefined, activeJob: undefined, review: undefined, flagged: undefined },
  };
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[at]}>
          <Routes>
            <Route path="/projects/:projectId" element={<Outlet context={context} />}>
              <Route path="plan/:chapterId?" element={<PlanPage />} />
            </Route>
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

const lines = () => within(screen.getByRole('listbox', { name: 'Lines of the chapter' })).getAllByRole('option');
const lineTexts = () => lines().map((line) => line.textContent ?? '');
const filterSelect = () => screen.getByLabelText<HTMLSelectElement>('Show');
const openChapter = async (id: string, firstLine: string) => {
  act(() => {
    fireEvent.change(screen.getByLabelText('Chapter'), { target: { value: id } });
  });
  fireEvent.change(filterSelect(), { target: { value: 'all' } });
  await waitFor(() => expect(lineTexts()[0]).toContain(firstLine));
};
/** Saves held by the server until the test lets them through. */
function heldSaves() {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { gate, release: () => act(release) };
}
/** Shows Elizabeth's two lines of “The Ball” and assigns them all to Bob. */
async function assignElizabethsLinesToBob() {
  await waitFor(() => expect(lines()).toHaveLength(3));
  fireEvent.change(filterSelect(), { target: { value: 'speaker:elizabeth' } });
  await waitFor(() => expect(lines()).toHaveLength(2));
  fireEvent.change(screen.getByLabelText('Assign all 2 shown lines to'), { target: { value: 'bob' } });
  fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
}
const nextToCheck = () => fireEvent.click(screen.getByRole('button', { name: 'Next chapter with lines to check' }));

describe('moving from chapter to chapter in the plan', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('“next chapter with lines to check” opens it on its flagged lines, or on its unknown ones when that is all', async () => {
    bookServer();
    openBook('/projects/p1/plan/c1');
    await waitFor(() => expect(lines()).toHaveLength(3));
    expect(filterSelect().value).toBe('all');

    nextToCheck();
    await waitFor(() => expect(lineTexts()).toEqual([expect.stringContaining('Who wrote it?')]));
    expect(filterSelect().value).toBe('flagged');

    nextToCheck();
    await waitFor(() => expect(lineTexts()).toEqual([expect.stringContaining('Far away.')]));
    expect(filterSelect().value).toBe('unknown');
  });

  it('opens the next chapter on its lines to check after the producer chose “All lines” on a linked one', async () => {
    bookServer();
    openBook('/projects/p1/plan/c3?show=unknown');
    await waitFor(() => expect(lines()).toHaveLength(1));
    fireEvent.change(filterSelect(), { target: { value: 'all' } });
    await waitFor(() => expect(lines()).toHaveLength(3));

    nextToCheck();
    await waitFor(() => expect(lineTexts()).toEqual([expect.stringContaining('Elizabeth spoke.')]));
    expect(filterSelect().value).toBe('flagged');
  });

  it('the “by speaker” filter lists the chapter’s own speakers with their lines, most first, and no one else', async () => {
    bookServer();
    openBook('/projects/p1/plan/c1');
    await waitFor(() => expect(lines()).toHaveLength(3));
    const bySpeaker = within(filterSelect()).getByRole('group', { name: 'By speaker' });
    expect(
      within(bySpeaker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Elizabeth (2)', 'Narrator (1)']);
  });

  it('a toast about a line of one chapter goes when the producer opens another', async () => {
    bookServer();
    openBook('/projects/p1/plan/c1');
    await waitFor(() => expect(lines()).toHaveLength(3));
    fireEvent.click(lines()[0]);
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'bob' } });
    await screen.findByText('Now read by Bob.');

    act(() => {
      fireEvent.change(screen.getByLabelText('Chapter'), { target: { value: 'c2' } });
    });
    await waitFor(() => expect(lineTexts()[0]).toContain('A letter came.'));
    expect(screen.queryByText('Now read by Bob.')).toBeNull();
  });

  it('a “Now read by” answered after the producer opened another chapter is not said over it', async () => {
    const saves = heldSaves();
    bookServer(saves.gate);
    openBook('/projects/p1/plan/c1');
    await waitFor(() => expect(lines()).toHaveLength(3));
    fireEvent.click(lines()[0]);
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'bob' } });

    await openChapter('c2', 'A letter came.');
    saves.release();
    // The save is answered: undo now offers it, naming where it was made.
    await screen.findByRole('button', { name: 'Undo your change to line 1 of “The Ball”' });
    await act(async () => {});
    expect(screen.queryByText('Now read by Bob.')).toBeNull();
  });

  it('“assign all” says what it did on its chapter, and its toast goes when another chapter opens', async () => {
    bookServer();
    openBook('/projects/p1/plan/c1');
    await assignElizabethsLinesToBob();
    await screen.findByText('2 lines now read by Bob.');

    await openChapter('c2', 'A letter came.');
    expect(screen.queryByText('2 lines now read by Bob.')).toBeNull();
  });

  it('“assign all” answered after the producer opened another chapter names the chapter it changed', async () => {
    const saves = heldSaves();
    bookServer(saves.gate);
    openBook('/projects/p1/plan/c1');
    await assignElizabethsLinesToBob();
    await screen.findByRole('button', { name: 'Assigning…' });

    await openChapter('c2', 'A letter came.');
    saves.release();
    await screen.findByText('2 lines of “The Ball” now read by Bob.');
    expect(screen.queryByText('2 lines now read by Bob.')).toBeNull();
  });
});
