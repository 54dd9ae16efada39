import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineSegment } from '../../api/listening';
import { chapterSummary } from '../../test/chapterSummary';
import { renderInStudio } from '../../test/render';
import { ListenPage } from './ListenPage';

function line(index: number): TimelineSegment {
  return {
    segmentId: `s${index}`,
    index,
    kind: 'narration',
    text: index === 1 ? lineOneText : `Line ${index}.`,
    speakerId: 'narrator',
    spoken: true,
    startSec: index * 2,
    endSec: index * 2 + 2,
    rendered: true,
    currentTakeId: `take-${index}`,
    takes: [],
  };
}

const PROGRESS = { segmentsDone: 0, segmentsTotal: 1, chaptersDone: 0, chaptersTotal: 1 };

/** Whether the job rendering the new take has ended; it runs until the test ends it. */
let renderEnded: boolean;
let lineOneText: string;

beforeEach(() => {
  renderEnded = false;
  lineOneText = 'Line 1.';
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (input.includes('/chapters?') || input.endsWith('/chapters'))
        return json({ items: [chapterSummary('c1', { title: 'The Ball', hasMaster: true })] });
      if (input.endsWith('/timeline'))
        return json({ chapterId: 'c1', title: 'The Ball', master: null, segments: [line(0), line(1), line(2)] });
      if (input.endsWith('/takes')) return json({ segmentId: 's1', currentTakeId: null, items: [] });
      if (input.endsWith('/regenerate') && init?.method === 'POST')
        return json({ job: { id: 'job2', kind: 'regenerate', status: 'queued', progress: PROGRESS } }, 202);
      if (input.endsWith('/jobs/job2'))
        return json({
          id: 'job2',
          kind: 'regenerate',
          status: renderEnded ? 'succeeded' : 'running',
          progress: PROGRESS,
          result: renderEnded ? { sameAudioAs: null } : null,
        });
      return json({ items: [] });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const lineButton = (text: string) =>
  within(screen.getByRole('list', { name: 'Lines of the chapter' })).getByRole('button', { name: new RegExp(text) });

describe('a new take being rendered on the listening page', () => {
  it('is shown on its line and in its panel while another line is chosen, and a toast says when it is ready', async () => {
    renderInStudio(<ListenPage />);
    await userEvent.click(await screen.findByRole('button', { name: /Line 1\./ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Render a new take' }));
    await screen.findByText(/A new take is being rendered/);
    expect(screen.getByRole('progressbar', { name: 'Rendering the new take' })).toBeTruthy();
    expect(lineButton('Line 1\\.').textContent).toContain('rendering a new take…');

    await userEvent.click(lineButton('Line 2\\.'));
    expect(screen.queryByText(/A new take is being rendered/)).toBeNull();
    expect(lineButton('Line 1\\.').textContent).toContain('rendering a new take…');
    expect(lineButton('Line 2\\.').textContent).not.toContain('rendering');

    await userEvent.click(lineButton('Line 1\\.'));
    await screen.findByText(/A new take is being rendered/);

    await userEvent.click(lineButton('Line 2\\.'));
    renderEnded = true;
    await screen.findByText(
      'The new take of “Line 1.” is ready: the chapter and its packages were rebuilt with it.',
      {},
      { timeout: 10_000 },
    );
    await waitFor(() => expect(lineButton('Line 1\\.').textContent).not.toContain('rendering'));
    // It follows the job as the page does (polling from 0.5 s): over 4 s alone, past the default 5 s on a busy machine.
  }, 30_000);

  it('names a line of dialogue inside the notice’s quotation marks without its own', async () => {
    lineOneText = '"Shall we walk to the _old_ mill?"';
    renderInStudio(<ListenPage />);
    await userEvent.click(await screen.findByRole('button', { name: /Shall we walk/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Render a new take' }));
    await screen.findByText(/A new take is being rendered/);
    renderEnded = true;
    await screen.findByText(
      'The new take of “Shall we walk to the old mill?” is ready: the chapter and its packages were rebuilt with it.',
      {},
      { timeout: 10_000 },
    );
  }, 30_000);
});
