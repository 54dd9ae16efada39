import { useWindowVirtualizer, defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Above this many chapters only those near the screen are in the page: a 183-chapter book drew every card (a
 * decision bar with its dialog each) at once. A shorter book stays whole, so the browser's find-in-page sees it all;
 * a longer one has the page's own chapter search instead.
 */
export const VIRTUALIZE_CHAPTERS_ABOVE = 60;
const ESTIMATED_CARD_PX = 104;
const GAP_PX = 8;

/**
 * The review page's chapter cards, drawn as the window scrolls to them. The card holding the focus always stays in
 * the page (scrolled away, it would take the focus with it), and the cards next to the screen are drawn too, so Tab
 * and Shift+Tab reach the next card, which the browser then scrolls into view.
 */
export function ReviewChapterList<T extends { chapterId: string }>({
  label,
  chapters,
  renderCard,
}: {
  label: string;
  chapters: T[];
  renderCard(chapter: T): ReactNode;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const virtual = chapters.length > VIRTUALIZE_CHAPTERS_ABOVE;
  useLayoutEffect(() => {
    // The list starts below the page's header and filters: the virtualizer counts the window's scroll from there.
    if (virtual && listRef.current) setScrollMargin(listRef.current.getBoundingClientRect().top + window.scrollY);
  }, [virtual]);
  const focusedIndex = focusedId === null ? -1 : chapters.findIndex((chapter) => chapter.chapterId === focusedId);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex < 0 || indexes.includes(focusedIndex) || focusedIndex >= range.count) return indexes;
      return [...indexes, focusedIndex].sort((a, b) => a - b);
    },
    [focusedIndex],
  );
  const virtualizer = useWindowVirtualizer({
    count: chapters.length,
    estimateSize: () => ESTIMATED_CARD_PX,
    overscan: 4,
    gap: GAP_PX,
    scrollMargin,
    rangeExtractor,
    enabled: virtual,
  });

  if (!virtual) {
    return (
      <ul className="review-list" aria-label={label}>
        {chapters.map((chapter) => (
          <li key={chapter.chapterId} className="card review-list__item">
            {renderCard(chapter)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul
      ref={listRef}
      className="review-list review-list--virtual"
      aria-label={label}
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={(event) => {
        const id = (event.target as HTMLElement).closest('li')?.dataset.chapterId;
        if (id) setFocusedId(id);
      }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const chapter = chapters[item.index];
        return (
          <li
            key={chapter.chapterId}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-chapter-id={chapter.chapterId}
            className="card review-list__item"
            aria-setsize={chapters.length}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            {renderCard(chapter)}
          </li>
        );
      })}
    </ul>
  );
}
