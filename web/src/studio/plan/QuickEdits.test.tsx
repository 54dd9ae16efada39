import { QueryClient, useQuery } from '@tanstack/react-query';
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
  { id: 'c3', name: 'Jane' },
];
const speakerName = (id: string) => speakers.find((s) => s.id === id)?.name ?? 'Unknown speaker';

/** The plan page's wiring: the line shown is the chapter's cached version of it, edited through usePlanEdits. */
function Harness({ lineId }: { lineId: string }) {
  const edits = usePlanEdits('p1');
  const lines = useQuery<Segment[]>({ queryKey: bookKeys.segments('p1', 'c1'), enabled: false });
  const line = lines.data?.find((s) => s.id === lineId);
  if (!line) return null;
  return (
    <>
      {edits.conflict && <p>conflict on {edits.conflict.segmentId}</p>}
      <SegmentInspector
        segment={line}
        speakers={speakers}
        speakerName={speakerName}
        threads={[]}
        saving={edits.saving}
        onAssign={(speakerId) => void edits.apply(line, { speakerId })}
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

/**
 * A server that holds the line and checks If-Match as the API does, answering each save only when the test lets it
 * (a slow answer). `othersEdit` changes the line as another producer would.
 */
function slowServer(line: Segment) {
  let stored = line;
  let version = 1;
  const requests: { ifMatch: string | null; body: Record<string, unknown> }[] = [];
  const answers: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const ifMatch = new Headers(init.headers).get('If-Match');
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      requests.push({ ifMatch, body });
      return new Promise<Response>((resolve) => {
        answers.push(() => {
          if (ifMatch !== stored.etag) {
            resolve(
              jsonResponse(412, {
                error: {
                  code: 'precondition_failed',
                  message: 'changed',
                  details: { current: stored },
                  requestId: 'r',
                },
              }),
            );
            return;
          }
          stored = { ...stored, ...body, etag: `"v${++version}"` };
          resolve(jsonResponse(200, stored));
        });
      });
    }),
  );
  return {
    requests,
    answerNext: () => answers.shift()!(),
    othersEdit: (patch: Partial<Segment>) => (stored = { ...stored, ...patch, etag: `"theirs"` }),
    stored: () => stored,
  };
}

function renderLine(line: Segment) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(bookKeys.segments('p1', 'c1'), [line]);
  return renderInStudio(<Harness lineId={line.id} />, {}, queryClient);
}

const cached = (rendered: ReturnType<typeof renderLine>) =>
  rendered.queryClient.getQueryData<Segment[]>(bookKeys.segments('p1', 'c1'))![0];

describe('quick edits of one line', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('send the next edit only after the previous answer, with the ETag it brought, and show no conflict', async () => {
    const server = slowServer(segment(4, { speakerId: 'narrator', flagged: true }));
    const rendered = renderLine(server.stored());

    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });
    await waitFor(() => expect(server.requests).toHaveLength(1));
    fireEvent.click(screen.getByLabelText('Flag for review'));
    // The page shows both edits at once, while the first is still being answered.
    expect(cached(rendered)).toMatchObject({ speakerId: 'c1', flagged: false });
    expect(server.requests).toHaveLength(1);

    server.answerNext();
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests[1]).toEqual({ ifMatch: '"v2"', body: { flagged: false } });
    server.answerNext();
    await waitFor(() => expect(cached(rendered)).toMatchObject({ etag: '"v3"', speakerId: 'c1', flagged: false }));
    expect(server.stored()).toMatchObject({ speakerId: 'c1', flagged: false });
    expect(screen.queryByText(/conflict on/)).toBeNull();
  });

  it('send the edits made while waiting as one, at their latest value', async () => {
    const server = slowServer(segment(5, { speakerId: 'narrator' }));
    const rendered = renderLine(server.stored());
    const select = () => screen.getByLabelText('Speaker');

    fireEvent.change(select(), { target: { value: 'c1' } });
    await waitFor(() => expect(server.requests).toHaveLength(1));
    fireEvent.change(select(), { target: { value: 'c2' } });
    fireEvent.change(select(), { target: { value: 'c3' } });
    expect(cached(rendered).speakerId).toBe('c3');

    server.answerNext();
    await waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests[1]).toEqual({ ifMatch: '"v2"', body: { speakerId: 'c3' } });
    server.answerNext();
    await waitFor(() => expect(cached(rendered)).toMatchObject({ etag: '"v3"', speakerId: 'c3' }));
    expect(server.requests).toHaveLength(2);
    expect(screen.queryByText(/conflict on/)).toBeNull();
  });

  it('still show a conflict when someone else changed the line, and drop the edits that waited on it', async () => {
    const server = slowServer(segment(6, { speakerId: 'narrator' }));
    const rendered = renderLine(server.stored());

    server.othersEdit({ speakerId: 'c2' });
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c1' } });
    await waitFor(() => expect(server.requests).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'c3' } });

    server.answerNext();
    await screen.findByText('conflict on s6');
    expect(cached(rendered)).toMatchObject({ speakerId: 'c2', etag: '"theirs"' });
    expect(server.requests).toHaveLength(1);
  });
});
