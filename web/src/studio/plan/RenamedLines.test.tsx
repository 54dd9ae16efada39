import { QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { Segment } from '../../api/types';
import { chapterSummary } from '../../test/chapterSummary';
import { character } from '../../test/character';
import { renderInStudio, segment } from '../../test/render';
import { PlanPage } from './PlanPage';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * The API as the plan page reads it, for a chapter of three lines. Saves are answered only when the test lets them
 * (a slow answer), in the order sent, and check the id and If-Match as the API does: new words write the chapter's
 * plan again, so every line gets a new id (`g<generation>-<position>`) and an id of the plan before answers 404.
 */
function chapterServer() {
  let generation = 1;
  let version = 0;
  const named = (list: Segment[]) =>
    list.map((line, index) => ({ ...line, id: `g${generation}-${index}`, etag: `"g${generation}-${index}"` }));
  let lines = named([0, 1, 2].map((index) => segment(index, { text: `Words of line ${index + 1}. ` })));
  /** What someone else's new words will do to the plan the next rename writes. */
  let alsoInNextGeneration: ((list: Segment[]) => Segment[]) | null = null;
  const saves: { url: string; ifMatch: string | null; body: Record<string, unknown> }[] = [];
  /** By the save's position in `saves`: its answer, until given. */
  const answers = new Map<number, () => void>();
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      if (init.method !== 'PATCH') {
        if (url.includes('/segments?'))
          return Promise.resolve(jsonResponse(200, { items: lines, continuationToken: null }));
        if (url.includes('/chapters')) return Promise.resolve(jsonResponse(200, { items: [chapterSummary('c1')] }));
        return Promise.resolve(jsonResponse(200, { items: [] }));
      }
      const ifMatch = new Headers(init.headers).get('If-Match');
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      saves.push({ url, ifMatch, body });
      const number = saves.length - 1;
      return new Promise<Response>((resolve) => {
        answers.set(number, () => {
          const at = lines.findIndex((line) => url.endsWith(`/segments/${line.id}`));
          if (at < 0) {
            resolve(jsonResponse(404, { error: { code: 'not_found', message: 'No such segment', requestId: 'r' } }));
            return;
          }
          if (ifMatch !== lines[at].etag) {
            const error = { code: 'precondition_failed', message: 'changed', details: { current: lines[at] } };
            resolve(jsonResponse(412, { error: { ...error, requestId: 'r' } }));
            return;
          }
          const edited = lines.map((line, index) => (index === at ? { ...line, ...body } : line));
          if (body.text !== undefined) {
            generation++;
            lines = named(alsoInNextGeneration ? alsoInNextGeneration(edited) : edited);
          } else {
            lines = edited.map((line, index) => (index === at ? { ...line, etag: `"v${++version}"` } : line));
          }
          resolve(jsonResponse(200, lines[at]));
        });
      });
    }),
  );
  const answer = (number: number) => {
    const send = answers.get(number)!;
    answers.delete(number);
    send();
  };
  return {
    saves,
    answerNext: () => answer(Math.min(...answers.keys())),
    answer,
    lines: () => lines,
    othersNewWords: (position: number, text: string) => {
      generation++;
      lines = named(lines.map((line, index) => (index === position ? { ...line, text } : line)));
    },
    othersNewWordsWithTheNextRename: (position: number, text: string) =>
      (alsoInNextGeneration = (list) => list.map((line, index) => (index === position ? { ...line, text } : line))),
  };
}

function openChapter(lines: Segment[]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.chapters('p1', false), [chapterSummary('c1')]);
  queryClient.setQueryData(bookKeys.characters('p1'), [
    character('narrator', 'Narrator', 0),
    character('c1', 'Elizabeth', 3),
  ]);
  queryClient.setQueryData(bookKeys.threads('p1'), []);
  queryClient.setQueryData(bookKeys.segments('p1', 'c1'), lines);
  return renderInStudio(<PlanPage />, {}, queryClient);
}

const chooseLine = (position: number) =>
  fireEvent.click(
    within(screen.getByRole('listbox', { name: 'Lines of the chapter' })).getAllByRole('option')[position - 1],
  );
const cachedLine = (queryClient: QueryClient, position: number) =>
  queryClient.getQueryData<Segment[]>(bookKeys.segments('p1', 'c1'))![position - 1];

/** No conflict, no line left out, no error: everything went through. */
function expectNoTrouble() {
  expect(screen.queryByText('Someone else changed this line')).toBeNull();
  expect(screen.queryByText(/was not sent|were not sent/)).toBeNull();
  expect(screen.queryByText(/not found|no longer exists/i)).toBeNull();
}

/** New words for line 1, saved and not answered yet. */
async function newWordsForTheFirstLine(server: ReturnType<typeof chapterServer>) {
  chooseLine(1);
  fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'New words of line 1. ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save text' }));
  await waitFor(() => expect(server.saves.some((save) => save.body.text !== undefined)).toBe(true));
}

describe('edits of other lines while new words rename the chapter’s lines', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('edits made while the new words are being saved go to their line’s new id once they are answered', async () => {
    const server = chapterServer();
    const { queryClient } = openChapter(server.lines());

    await newWordsForTheFirstLine(server);
    chooseLine(3);
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });
    fireEvent.click(screen.getByLabelText('Flag for review'));
    expect(server.saves).toHaveLength(1);

    server.answerNext();
    await waitFor(() => expect(server.saves).toHaveLength(2));
    expect(server.saves[1]).toEqual({
      url: '/api/v1/projects/p1/segments/g2-2',
      ifMatch: '"g2-2"',
      body: { speakerId: 'c1' },
    });
    server.answerNext();
    // The flag waited for the speaker's answer, and goes with the ETag it brought.
    await waitFor(() => expect(server.saves).toHaveLength(3));
    expect(server.saves[2]).toEqual({
      url: '/api/v1/projects/p1/segments/g2-2',
      ifMatch: '"v1"',
      body: { flagged: true },
    });
    server.answerNext();
    await waitFor(() => expect(server.lines()[2]).toMatchObject({ speakerId: 'c1', flagged: true }));
    await waitFor(() =>
      expect(cachedLine(queryClient, 3)).toMatchObject({ id: 'g2-2', speakerId: 'c1', flagged: true }),
    );
    expect(screen.getByRole('heading', { name: 'Line 3' })).toBeTruthy();
    expectNoTrouble();
  });

  it('an edit sent with an id the chapter no longer has (someone else’s new words) goes again to its line’s new id', async () => {
    const server = chapterServer();
    openChapter(server.lines());

    server.othersNewWords(0, 'Their words for line 1. ');
    chooseLine(3);
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });
    await waitFor(() => expect(server.saves).toHaveLength(1));
    server.answerNext();

    await waitFor(() => expect(server.saves).toHaveLength(2));
    expect(server.saves[1]).toEqual({
      url: '/api/v1/projects/p1/segments/g2-2',
      ifMatch: '"g2-2"',
      body: { speakerId: 'c1' },
    });
    server.answerNext();
    await waitFor(() => expect(server.lines()[2].speakerId).toBe('c1'));
    expectNoTrouble();
  });

  it('an edit whose line got someone else’s words meanwhile is not sent, and the page says so', async () => {
    const server = chapterServer();
    openChapter(server.lines());

    server.othersNewWordsWithTheNextRename(2, 'Their words for line 3. ');
    await newWordsForTheFirstLine(server);
    chooseLine(3);
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });

    server.answerNext();
    await screen.findByText(/Your change to line 3 was not sent/);
    expect(server.saves).toHaveLength(1);
    expect(server.lines()[2].speakerId).toBe('narrator');
  });
});
