import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

const CARDS = 'data-table--cards';

/**
 * A table that is a table while its columns fit its box and a stack of cards, one per row, each value under its
 * column's name (`data-label`), only when they do not. A width at which every table became cards turned short tables
 * (a job history, a package or two) into cards at a 1024-px tablet that had room for their columns; the box is
 * measured instead, so a table of three short columns stays a table where one of eight long ones becomes cards.
 */
export function CardsTable({ className, children }: { className?: string; children: ReactNode }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const cards = useCardsWhenColumnsOverflow(boxRef);
  return (
    <div className="table-scroll" ref={boxRef}>
      <table className={['data-table', cards ? CARDS : '', className ?? ''].filter(Boolean).join(' ')}>
        {children}
      </table>
    </div>
  );
}

/**
 * Whether the table in the box is wider than the box when laid out as a table. Measured before the first paint, so a
 * table that fits is never shown as cards for a frame, and again whenever the box or the table changes size (a resized
 * window) or the table's content changes (rows that arrive, another language, a value written differently): as cards
 * a new text often keeps the table's size, and a table once too wide would stay cards.
 */
export function useCardsWhenColumnsOverflow(boxRef: RefObject<HTMLElement | null>): boolean {
  const [cards, setCards] = useState(false);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const table = box?.querySelector('table');
    if (!box || !table) return undefined;
    const measure = () => {
      // Cards are as narrow as any box, so the table is measured as a table, and shown again as it was, all before
      // the browser paints.
      const shownAsCards = table.classList.contains(CARDS);
      if (shownAsCards) table.classList.remove(CARDS);
      const overflows = box.scrollWidth > box.clientWidth;
      if (shownAsCards) table.classList.add(CARDS);
      setCards(overflows);
    };
    measure();
    const changed = new MutationObserver(measure);
    changed.observe(table, { childList: true, subtree: true, characterData: true });
    // jsdom, under the unit tests, has no ResizeObserver.
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    resized?.observe(box);
    resized?.observe(table);
    return () => {
      changed.disconnect();
      resized?.disconnect();
    };
  }, [boxRef]);
  return cards;
}
