import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bookKeys } from '../../api/keys';
import type { Segment } from '../../api/types';
import { renderInStudio, segment } from '../../test/render';
import { SegmentInspector } from './SegmentInspector';
import { usePlanEdits } from './usePlanEdits';

const speakers = [
  { id: 'narrator', name: 'Narrator' },
  { id: 'c1', name: 'Elizabeth' },
  { id: 'c2', name: 'Mr. Darcy' },
];
const speakerName = (id: string) => speakers.find((s) => s.id === id)?.name ?? 'Unknown speaker';

/** The plan page's wiring in small: the inspector's speaker choice saved through usePlanEdits. */
function Harness({ line, onKeyboardAssigned }: { line: Segment; onKeyboardAssigned?: () => void }) {
  const edits = usePlanEdits('p1');
  return (
    <>
      {edits.conflict && <p role="alert">conflict on {edits.conflict.segmentId}</p>}
      <button type="button" onClick={() => void edits.undoLast()}>
        undo
      </button>
      <SegmentInspector
        segment={line}
        speakers={speakers}
        speakerName={speakerName}
        threads={[]}
        saving={edits.saving}
        onAssign={(speakerId) => void edits.apply(line, { speakerId, flagged: false })}
        onKeyboardAssigned={onKeyboardAssigned}
        onPatch={(patch) => void edits.apply(line, patch)}
        selectedText={null}
        onAddPronunciation={() => undefined}
      />
    </>
  );
}

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Answers every save with the line as changed and a new ETag; returns the bodies sent, in order. */
function answerSavesWith(line: Segment, etag: string): unknown[] {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      bodies.push(body);
      return jsonResponse(200, { ...line, ...body, etag });
    }),
  );
  return bodies;
}

/** The harness on a line its chapter's loaded segments already hold, as the plan page has them. */
function renderOnLoadedLine(line: Segment, onKeyboardAssigned?: () => void) {
  const rendered = renderInStudio(<Harness line={line} onKeyboardAssigned={onKeyboardAssigned} />);
  rendered.queryClient.setQueryData(bookKeys.segments('p1', 'c1'), [line]);
  return rendered;
}

describe('changing a line’s speaker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves the new speaker with the line’s ETag, and undo sends the old one back with the new ETag', async () => {
    const line = segment(4, { speakerId: 'unknown', flagged: true });
    const requests: { url: string; method: string; ifMatch: string | null; body: unknown }[] = [];
    let version = 1;
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      const body = JSON.parse(String(init.body));
      requests.push({ url, method: String(init.method), ifMatch: headers.get('If-Match'), body });
      version++;
      return jsonResponse(200, { ...line, ...body, etag: `"e4-v${version}"` });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { queryClient } = renderOnLoadedLine(line);

    const select = screen.getByLabelText('Speaker');
    expect((select as HTMLSelectElement).value).toBe('unknown');
    fireEvent.change(select, { target: { value: 'c2' } });
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toEqual({
      url: '/api/v1/projects/p1/segments/s4',
      method: 'PATCH',
      ifMatch: '"e4"',
      body: { speakerId: 'c2', flagged: false },
    });
    await waitFor(() =>
      expect(queryClient.getQueryData<Segment[]>(bookKeys.segments('p1', 'c1'))?.[0]).toMatchObject({
        speakerId: 'c2',
        etag: '"e4-v2"',
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'undo' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]).toMatchObject({ ifMatch: '"e4-v2"', body: { speakerId: 'unknown', flagged: true } });
  });

  it('refreshes the chapter list, whose flagged and unknown counts the edit moved', async () => {
    const line = segment(2, { speakerId: 'unknown', flagged: true });
    answerSavesWith(line, '"e2-v2"');
    const { queryClient } = renderOnLoadedLine(line);
    queryClient.setQueryData(bookKeys.chapters('p1'), []);
    expect(queryClient.getQueryState(bookKeys.chapters('p1'))?.isInvalidated).toBe(false);
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });
    await waitFor(() => expect(queryClient.getQueryState(bookKeys.chapters('p1'))?.isInvalidated).toBe(true));
  });

  it('shows a conflict and the other person’s version when the line changed meanwhile', async () => {
    const line = segment(7, { speakerId: 'c1' });
    const theirs = { ...line, speakerId: 'narrator', etag: '"theirs"' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(412, {
          error: { code: 'precondition_failed', message: 'changed', details: { current: theirs }, requestId: 'r' },
        }),
      ),
    );
    const { queryClient } = renderOnLoadedLine(line);
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c2' } });
    await screen.findByText('conflict on s7');
    expect(queryClient.getQueryData<Segment[]>(bookKeys.segments('p1', 'c1'))?.[0]).toMatchObject({
      speakerId: 'narrator',
      etag: '"theirs"',
    });
  });

  it('saves nothing while the arrow keys step through the names; Enter saves the one shown and hands back the keys', async () => {
    const line = segment(5, { speakerId: 'narrator', flagged: true });
    const requests = answerSavesWith(line, '"e5-v2"');
    const handBack = vi.fn();
    renderOnLoadedLine(line, handBack);
    const select = screen.getByLabelText('Speaker') as HTMLSelectElement;

    // A closed picker changes its value on each arrow key, as browsers do.
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.change(select, { target: { value: 'c1' } });
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.change(select, { target: { value: 'c2' } });
    expect(select.value).toBe('c2');
    expect(screen.getByText(/Press Enter to give this line to Mr\. Darcy/)).toBeTruthy();
    expect(requests).toEqual([]);

    fireEvent.keyDown(select, { key: 'Enter' });
    await waitFor(() => expect(requests).toEqual([{ speakerId: 'c2', flagged: false }]));
    expect(handBack).toHaveBeenCalledTimes(1);
  });

  it('goes back to the saved speaker on Escape, and saves the name shown when the keys leave the picker', async () => {
    const line = segment(6, { speakerId: 'narrator' });
    const requests = answerSavesWith(line, '"e6-v2"');
    renderOnLoadedLine(line);
    const select = screen.getByLabelText('Speaker') as HTMLSelectElement;

    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.change(select, { target: { value: 'c1' } });
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(select.value).toBe('narrator');
    expect(screen.queryByText(/Press Enter/)).toBeNull();

    fireEvent.keyDown(select, { key: 'e' });
    fireEvent.change(select, { target: { value: 'c1' } });
    expect(requests).toEqual([]);
    fireEvent.blur(select);
    await waitFor(() => expect(requests).toEqual([{ speakerId: 'c1', flagged: false }]));
  });

  it('offers reviewers no speaker control, only the discussion', () => {
    renderInStudio(<Harness line={segment(1, { speakerId: 'c1' })} />, { canEdit: false, canComment: true });
    expect(screen.queryByLabelText('Speaker')).toBeNull();
    expect(screen.getByText('Read by Elizabeth')).toBeTruthy();
    expect(screen.getByLabelText('Comment on this line')).toBeTruthy();
  });
});
