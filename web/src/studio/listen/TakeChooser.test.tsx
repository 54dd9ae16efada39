import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInStudio } from '../../test/render';
import { TakeChooser } from './TakeChooser';

const takes = {
  segmentId: 's1',
  currentTakeId: 'take-new',
  items: [
    { takeId: 'take-new', durationMs: 2100, createdAt: '2025-02-02T10:00:00.000Z', current: true, matchesLine: true },
    { takeId: 'take-mid', durationMs: 2000, createdAt: '2025-02-01T10:00:00.000Z', current: false, matchesLine: true },
    { takeId: 'take-old', durationMs: 1900, createdAt: '2025-01-01T10:00:00.000Z', current: false, matchesLine: false },
  ],
};

/** A job's counts as the API gives them before it has done anything. */
const NO_PROGRESS = { segmentsDone: 0, segmentsTotal: 0, chaptersDone: 0, chaptersTotal: 0 };

let requests: { method: string; url: string }[];
/** What the regeneration job says when it ends. */
let retakeResult: { sameAudioAs: string | null };

beforeEach(() => {
  requests = [];
  retakeResult = { sameAudioAs: null };
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      requests.push({ method, url: input });
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (input.endsWith('/takes')) return json(takes);
      if (input.endsWith('/audio-link'))
        return json({ url: `/api/v1/media/t.${input.split('/').at(-2)}`, contentType: 'audio/wav', expiresAt: '' });
      if (input.endsWith('/select')) return json({ job: { id: 'job1' } }, 202);
      if (input.endsWith('/regenerate'))
        return json({ job: { id: 'job2', kind: 'regenerate', status: 'queued', progress: NO_PROGRESS } }, 202);
      if (input.endsWith('/jobs/job2'))
        return json({ id: 'job2', kind: 'regenerate', status: 'succeeded', result: retakeResult });
      return json({ error: { code: 'not_found', message: 'no' } }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('the take chooser', () => {
  it('lists every take newest first, saying which is in use and which no longer match the line', async () => {
    renderInStudio(<TakeChooser projectId="p1" segmentId="s1" text="It is a fine day." canEdit busy={false} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual(['Take 3', 'Take 2', 'Take 1']);
    expect(items[0].textContent).toMatch('In use');
    expect(items[2].textContent).toMatch('Earlier text or voice');
  });

  it('plays the current take and earlier ones through their media links', async () => {
    renderInStudio(<TakeChooser projectId="p1" segmentId="s1" text="It is a fine day." canEdit busy={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Play take 1' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Take audio').getAttribute('src')).toBe('/api/v1/media/t.take-old'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Play take 3' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Take audio').getAttribute('src')).toBe('/api/v1/media/t.take-new'),
    );
    expect(screen.getByRole('button', { name: 'Play take 3' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('offers to use only earlier takes that still match the line, and asks the API to select it', async () => {
    renderInStudio(<TakeChooser projectId="p1" segmentId="s1" text="It is a fine day." canEdit busy={false} />);
    await screen.findAllByRole('listitem');
    expect(screen.queryByRole('button', { name: 'Use this take (take 3)' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Use this take (take 1)' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Use this take (take 2)' }));
    await screen.findByText(/Take chosen/);
    expect(requests).toContainEqual({ method: 'POST', url: '/api/v1/projects/p1/segments/s1/takes/take-mid/select' });
  });

  it('says the chapter was rebuilt with a new take, or that the voice gave back the same audio', async () => {
    const rendered = renderInStudio(
      <TakeChooser projectId="p1" segmentId="s1" text="It is a fine day." canEdit busy={false} />,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Render a new take' }));
    await screen.findByText(/rebuilt with this line’s take|rebuilt with this line's take/);
    expect(screen.queryByText(/same audio/)).toBeNull();
    rendered.unmount();

    retakeResult = { sameAudioAs: 'take-mid' };
    renderInStudio(<TakeChooser projectId="p1" segmentId="s1" text="It is a fine day." canEdit busy={false} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Render a new take' }));
    await screen.findByText(/the voice gave back the same audio/);
    expect(screen.queryByText(/rebuilt with this line/)).toBeNull();
  });

  it('renders no choice or regeneration for someone who cannot edit', async () => {
    renderInStudio(<TakeChooser projectId="p1" segmentId="s1" text="x" canEdit={false} busy={false} />);
    await screen.findAllByRole('listitem');
    expect(screen.queryByRole('button', { name: /Use this take/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Render a new take' })).toBeNull();
    expect(screen.getAllByRole('button', { name: /Play take/ })).toHaveLength(3);
  });
});
