import type { ReactNode } from 'react';

/** Any space a figure holds ("3 of 6", "3 hr 32 min", "1 234"), made one it cannot break at. */
export function unbroken(figure: string): string {
  return figure.replace(/[ \u2009\u202f]/g, '\u00a0');
}

/**
 * One figure of a `stat-grid--figures` (a cost, a duration, a count): its value never breaks across lines. Its box is
 * at least as wide as the figure, and a box that no longer fits its row moves to the next one instead.
 */
export function Stat({ label, value }: { label: ReactNode; value: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd className="stat__value">{unbroken(value)}</dd>
    </div>
  );
}
