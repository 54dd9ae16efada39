import { QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { Chapter } from '../../api/types';
import { chapterSummary } from '../../test/chapterSummary';
import { renderInStudio } from '../../test/render';
import { ChaptersPage } from './ChaptersPage';

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * The chapters API for a book of one chapter. Saves check If-Match and are answered only when the test lets them (a
 * slow answer); `othersEdit` changes the chapter as another producer would. The spoken form never arrives (not
 * looked at here).
 */
function slowServer(chapter: Chapter) {
  let stored = chapter;
  let version = 1;
  const saves: { ifMatch: string | null; body: Record<string, unknown> }[] = [];
  const answers: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      if (init.method === 'PATCH') {
        const ifMatch = new Headers(init.headers).get('If-Match');
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        saves.push({ ifMatch, body });
        return new Promise<Response>((resolve) =>
          answers.push(() => {
            if (ifMatch !== stored.etag) {
              const error = { code: 'precondition_failed', message: 'changed', details: {} };
              resolve(jsonResponse(412, { error: { ...error, requestId: 'r' } }));
              return;
            }
            stored = { ...stored, ...body, etag: `"v${++version}"` };
            resolve(jsonResponse(200, stored));
          }),
        );
      }
      if (url.includes('/spoken')) return new Promise<Response>(() => undefined);
      if (url.endsWith('/chapters/c1')) return Promise.resolve(jsonResponse(200, stored));
      if (url.includes('/chapters')) return Promise.resolve(jsonResponse(200, { items: [stored] }));
      return Promise.resolve(jsonResponse(200, {}));
    }),
  );
  return {
    saves,
    answerNext: () => answers.shift()!(),
    othersEdit: (patch: Partial<Chapter>) => (stored = { ...stored, ...patch, etag: '"theirs"' }),
    stored: () => stored,
  };
}

function openChapter(chapter: Chapter) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.chapters('p1', false), [chapter]);
  queryClient.setQueryData(bookKeys.chapter('p1', 'c1'), chapter);
  return renderInStudio(<ChaptersPage />, {}, queryClient);
}

const titleBox = () => screen.getByLabelText<HTMLInputElement>('Title');
const conflictNotice = /changed by someone else meanwhile/;

describe('a chapter’s title typed while a save of the chapter is answered', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is kept when the save comes back, and is the one saved next with the new ETag', async () => {
    const server = slowServer({ ...chapterSummary('c1', { title: 'Chapter 1' }), text: 'It is a truth.' });
    openChapter(server.stored());

    fireEvent.change(titleBox(), { target: { value: 'At Meryton' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save title and type' }));
    await waitFor(() => expect(server.saves).toHaveLength(1));
    fireEvent.change(titleBox(), { target: { value: 'At Meryton, the assembly' } });

    server.answerNext();
    await screen.findByText('Chapter saved.');
    // The chapter is read again after its save: the new ETag is on the page, the words typed still in the field.
    await screen.findByRole('heading', { name: 'At Meryton' });
    expect(titleBox().value).toBe('At Meryton, the assembly');

    fireEvent.click(screen.getByRole('button', { name: 'Save title and type' }));
    await waitFor(() => expect(server.saves).toHaveLength(2));
    expect(server.saves[1]).toMatchObject({ ifMatch: '"v2"', body: { title: 'At Meryton, the assembly' } });
    server.answerNext();
    await waitFor(() => expect(server.stored().title).toBe('At Meryton, the assembly'));
    expect(screen.queryByText(conflictNotice)).toBeNull();
  });

  it('gives way to someone else’s new title with the conflict notice, never silently', async () => {
    const server = slowServer({ ...chapterSummary('c1', { title: 'Chapter 1' }), text: 'It is a truth.' });
    const { queryClient } = openChapter(server.stored());

    fireEvent.change(titleBox(), { target: { value: 'Mine' } });
    server.othersEdit({ title: 'Theirs' });
    await queryClient.invalidateQueries({ queryKey: bookKeys.chapter('p1', 'c1') });

    await screen.findByText(conflictNotice);
    expect(titleBox().value).toBe('Theirs');
  });
});
