import { Fragment, useMemo } from 'react';
import { italicRuns } from '@core/speech/italics';

/**
 * A line's words as a reader sees them: the underscores a plain-text book marks italics with (the ones the spoken
 * form drops, `core/speech/italics.ts`) are left out and their words set in italics, as React elements (the text is
 * never parsed as HTML). `from` and `to` show a part of the line, offsets in its typed text.
 */
export function LineText({ text, from = 0, to = text.length }: { text: string; from?: number; to?: number }) {
  const runs = useMemo(() => italicRuns(text), [text]);
  return (
    <>
      {runs.map((run) => {
        const start = Math.max(from, run.start);
        const end = Math.min(to, run.start + run.text.length);
        if (end <= start) return null;
        const words = run.text.slice(start - run.start, end - run.start);
        return run.italic ? <em key={run.start}>{words}</em> : <Fragment key={run.start}>{words}</Fragment>;
      })}
    </>
  );
}

/** The line's words without the italics underscores, for plain text (a toast, a quote in a message). */
export function lineWords(text: string): string {
  return italicRuns(text)
    .map((run) => run.text)
    .join('');
}
