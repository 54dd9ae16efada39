import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobProgress } from '../../api/jobs';
import type { Job } from '../../api/types';
import { lineWords } from '../../ui/LineText';
import { useToast } from '../../ui/Toasts';

/** A new take asked for one line: the job rendering it, the line's words (to name it), and whether it ended. */
export interface LineRender {
  jobId: string;
  text: string;
  ended: boolean;
}

/** How much of a line a notice quotes: enough to recognise it, short enough for a toast. */
const QUOTED_CHARACTERS = 48;
/** Marks that open and close a quotation, each with its closing mark. */
const ENCLOSING_QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»', '‘': '’', "'": "'", '„': '“' };
const quoted = (text: string) => {
  // Quoted as the list shows it: a toast is plain text, so italics underscores are left out rather than shown. A line
  // of dialogue brings its own quotation marks, and the notice's own around them read “"Shall we walk…"”.
  const spoken = lineWords(text).trim();
  const closing = ENCLOSING_QUOTES[spoken[0] ?? ''];
  const words =
    closing && spoken.length > 2 && spoken.endsWith(closing) && !spoken.slice(1, -1).includes(closing)
      ? spoken.slice(1, -1).trim()
      : spoken;
  return words.length > QUOTED_CHARACTERS ? `${words.slice(0, QUOTED_CHARACTERS - 1).trimEnd()}…` : words;
};

/**
 * The new takes being rendered, by line, kept by the page rather than by the line's panel: choosing another line
 * (which replaces the panel) no longer forgets that one is being rendered, the list marks the line meanwhile, and a
 * toast says when its take is ready, whichever line is open then.
 */
export function useLineRenders() {
  const [renders, setRenders] = useState<ReadonlyMap<string, LineRender>>(new Map());
  const started = useCallback(
    (segmentId: string, jobId: string, text: string) =>
      setRenders((current) => new Map(current).set(segmentId, { jobId, text, ended: false })),
    [],
  );
  const ended = useCallback(
    (segmentId: string, jobId: string) =>
      setRenders((current) => {
        const render = current.get(segmentId);
        return render?.jobId === jobId ? new Map(current).set(segmentId, { ...render, ended: true }) : current;
      }),
    [],
  );
  const rendering = new Set([...renders].filter(([, render]) => !render.ended).map(([segmentId]) => segmentId));
  return { renders, rendering, started, ended };
}

/** Follows one line's render job (polling as every job is followed) and says when its take is ready. */
function RenderWatch({
  projectId,
  segmentId,
  render,
  onEnded,
}: {
  projectId: string;
  segmentId: string;
  render: LineRender;
  onEnded(segmentId: string, jobId: string): void;
}) {
  const { t } = useTranslation('listen');
  const toast = useToast();
  useJobProgress(projectId, render.jobId, (job: Job) => {
    onEnded(segmentId, job.id);
    if (job.status === 'succeeded') toast.show(t('takes.ready', { line: quoted(render.text) }));
    else toast.show(t('takes.renderFailed', { line: quoted(render.text) }), 'error');
  });
  return null;
}

/** One watch per line still being rendered. */
export function RenderWatches({
  projectId,
  renders,
  onEnded,
}: {
  projectId: string;
  renders: ReadonlyMap<string, LineRender>;
  onEnded(segmentId: string, jobId: string): void;
}) {
  return (
    <>
      {[...renders]
        .filter(([, render]) => !render.ended)
        .map(([segmentId, render]) => (
          <RenderWatch
            key={render.jobId}
            projectId={projectId}
            segmentId={segmentId}
            render={render}
            onEnded={onEnded}
          />
        ))}
    </>
  );
}
