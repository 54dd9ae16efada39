import { QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { PausePolicy } from '../../api/types';
import { renderInStudio } from '../../test/render';
import { PausePolicyEditor } from './PausePolicyEditor';

const defaults = {
  sentence: 400,
  paragraph: 800,
  dialogue_turn: 500,
  scene_break: 2000,
  chapter_head: 1500,
  chapter_tail: 3000,
};

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The pause policy API: saves check If-Match and are answered only when the test lets them (a slow answer). */
function slowServer(policy: PausePolicy) {
  let stored = policy;
  let version = 1;
  const saves: { ifMatch: string | null; body: Record<string, number> }[] = [];
  const answers: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit = {}) => {
      if (init.method !== 'PUT') return Promise.resolve(jsonResponse(200, stored));
      const ifMatch = new Headers(init.headers).get('If-Match');
      const body = JSON.parse(String(init.body)) as Record<string, number>;
      saves.push({ ifMatch, body });
      return new Promise<Response>((resolve) =>
        answers.push(() => {
          const effective = { ...defaults, ...body };
          stored = { defaults, overrides: body, effective, etag: `"v${++version}"` };
          resolve(jsonResponse(200, stored));
        }),
      );
    }),
  );
  return { saves, answerNext: () => answers.shift()!(), stored: () => stored };
}

function openPauses(policy: PausePolicy) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(bookKeys.pausePolicy('p1'), policy);
  return renderInStudio(<PausePolicyEditor />, {}, queryClient);
}

const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const conflictNotice = 'Someone else changed the pauses meanwhile; the latest values are shown.';

describe('pauses typed while the pause policy is saved or read again', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are kept when the save comes back, and are the ones saved next with its ETag', async () => {
    const server = slowServer({ defaults, overrides: {}, effective: defaults, etag: '"v1"' });
    openPauses(server.stored());

    fireEvent.change(field('After a sentence'), { target: { value: '450' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save pauses' }));
    await waitFor(() => expect(server.saves).toHaveLength(1));
    fireEvent.change(field('After a paragraph'), { target: { value: '900' } });

    server.answerNext();
    await screen.findByText('Pauses saved.');
    expect(field('After a sentence').value).toBe('450');
    expect(field('After a paragraph').value).toBe('900');

    fireEvent.click(screen.getByRole('button', { name: 'Save pauses' }));
    await waitFor(() => expect(server.saves).toHaveLength(2));
    expect(server.saves[1]).toEqual({ ifMatch: '"v2"', body: { sentence: 450, paragraph: 900 } });
    server.answerNext();
    await waitFor(() => expect(server.stored().etag).toBe('"v3"'));
    expect(screen.queryByText(conflictNotice)).toBeNull();
  });

  it('give way to someone else’s pauses read again, with the conflict notice', async () => {
    const server = slowServer({ defaults, overrides: {}, effective: defaults, etag: '"v1"' });
    const { queryClient } = openPauses(server.stored());

    fireEvent.change(field('After a sentence'), { target: { value: '450' } });
    const theirs = { ...defaults, sentence: 600 };
    queryClient.setQueryData(bookKeys.pausePolicy('p1'), {
      defaults,
      overrides: { sentence: 600 },
      effective: theirs,
      etag: '"theirs"',
    });

    await screen.findByText(conflictNotice);
    expect(field('After a sentence').value).toBe('600');
  });

  it('after a save refused by someone else’s, are read again with their ETag: what they changed shows, the rest of what was typed stays, and saving again applies it', async () => {
    let stored: PausePolicy = { defaults, overrides: {}, effective: defaults, etag: '"v1"' };
    const saves: { ifMatch: string | null; body: Record<string, number> }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit = {}) => {
        if (init.method !== 'PUT') return jsonResponse(200, stored);
        const ifMatch = new Headers(init.headers).get('If-Match');
        const body = JSON.parse(String(init.body)) as Record<string, number>;
        saves.push({ ifMatch, body });
        if (ifMatch !== stored.etag)
          return jsonResponse(412, { error: { code: 'precondition_failed', message: 'changed', requestId: 'r' } });
        stored = { defaults, overrides: body, effective: { ...defaults, ...body }, etag: `"v${saves.length + 1}"` };
        return jsonResponse(200, stored);
      }),
    );
    openPauses(stored);
    // Someone else saves a longer scene break meanwhile.
    stored = {
      defaults,
      overrides: { scene_break: 2500 },
      effective: { ...defaults, scene_break: 2500 },
      etag: '"theirs"',
    };

    fireEvent.change(field('After a sentence'), { target: { value: '450' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save pauses' }));
    await screen.findByText(conflictNotice);
    await waitFor(() => expect(field('At a scene break').value).toBe('2500'));
    expect(field('After a sentence').value).toBe('450');

    fireEvent.click(screen.getByRole('button', { name: 'Save pauses' }));
    await screen.findByText('Pauses saved.');
    expect(saves[1]).toEqual({ ifMatch: '"theirs"', body: { sentence: 450, scene_break: 2500 } });
    expect(screen.queryByText(conflictNotice)).toBeNull();
  });
});
