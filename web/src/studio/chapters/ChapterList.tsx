import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router-dom';
import type { ChapterSummary } from '../../api/types';
import { Badge } from '../../ui/Badge';
import { useFormat } from '../../ui/format';
import { chapterNumbers, matchesChapter } from './chapterSearch';

interface ChapterListProps {
  chapters: ChapterSummary[];
  /** Link target of a chapter. */
  hrefOf(chapter: ChapterSummary): string;
  /** Reordering is offered only to editors. */
  onReorder?(chapterIds: string[]): void;
  /** Per chapter, something to show beside it (review state, open threads). */
  extra?(chapter: ChapterSummary): React.ReactNode;
  label: string;
}

/** Past this many, finding a chapter by scrolling is slow: the list gets a search box. */
export const SEARCH_FROM = 13;

/** The moved order: `id` taken out and put at `toIndex`. */
export function moveChapter(ids: string[], id: string, toIndex: number): string[] {
  const from = ids.indexOf(id);
  if (from < 0 || toIndex < 0 || toIndex >= ids.length) return ids;
  return arrayMove(ids, from, toIndex);
}

/**
 * The book's chapters in reading order, with type badges and word counts. Editors reorder them by dragging the
 * handle (mouse or touch), by keyboard on the handle (Space, arrows, Space, announced to screen readers), or with
 * the move up/down buttons. A long book's list has a search box (title words or a chapter's number); while it narrows
 * the list, reordering waits, since moving a chapter past the ones hidden would put it where nobody saw.
 */
export function ChapterList({ chapters, hrefOf, onReorder: reorder, extra, label }: ChapterListProps) {
  const { t } = useTranslation('chapters');
  const navigate = useNavigate();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const searchable = chapters.length >= SEARCH_FROM;
  const searching = searchable && query.trim() !== '';
  const numbers = chapterNumbers(chapters);
  const shown = searching
    ? chapters.filter((chapter) => matchesChapter(chapter, numbers.get(chapter.id) ?? null, query))
    : chapters;
  const onReorder = searching ? undefined : reorder;
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    } else if (event.key === 'Enter' && searching && shown.length > 0) {
      event.preventDefault();
      void navigate(hrefOf(shown[0]));
    }
  };
  const ids = chapters.map((chapter) => chapter.id);
  const titleOf = (id: string | number) => chapters.find((chapter) => chapter.id === id)?.title ?? '';
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  // dnd-kit reports "over itself" right after pick-up; saying so would drown "Picked up …".
  const justPicked = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      justPicked.current = true;
      return t('dnd.picked', { title: titleOf(active.id) });
    },
    onDragOver: ({ active, over }) => {
      const first = justPicked.current;
      justPicked.current = false;
      if (!over || (first && over.id === active.id)) return undefined;
      return t('dnd.over', { title: titleOf(active.id), position: ids.indexOf(String(over.id)) + 1 });
    },
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.dropped', { title: titleOf(active.id), position: ids.indexOf(String(over.id)) + 1 })
        : t('dnd.cancelled', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('dnd.cancelled', { title: titleOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder?.(moveChapter(ids, String(active.id), ids.indexOf(String(over.id))));
  };

  const list = (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="chapter-list" aria-label={label}>
          {shown.map((chapter, index) => (
            <ChapterRow
              key={chapter.id}
              chapter={chapter}
              href={hrefOf(chapter)}
              reorderable={Boolean(onReorder)}
              isFirst={index === 0}
              isLast={index === shown.length - 1}
              onMove={(delta) => onReorder?.(moveChapter(ids, chapter.id, index + delta))}
              extra={extra?.(chapter)}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
  if (!searchable) return list;
  return (
    <>
      <div className="field chapter-find">
        <label htmlFor={searchId}>{t('find.label')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          aria-describedby={`${searchId}-hint ${searchId}-count`}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onSearchKey}
        />
        <p id={`${searchId}-hint`} className="small muted">
          {t(reorder ? 'find.hintReorder' : 'find.hint')}
        </p>
        <p id={`${searchId}-count`} className="small" aria-live="polite">
          {!searching
            ? null
            : shown.length === 0
              ? t('find.none', { query: query.trim() })
              : t('find.shown', { shown: shown.length, total: chapters.length })}
        </p>
      </div>
      {shown.length > 0 && list}
    </>
  );
}

function ChapterRow({
  chapter,
  href,
  reorderable,
  isFirst,
  isLast,
  onMove,
  extra,
}: {
  chapter: ChapterSummary;
  href: string;
  reorderable: boolean;
  isFirst: boolean;
  isLast: boolean;
  onMove(delta: number): void;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation('chapters');
  const format = useFormat();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: chapter.id,
    disabled: !reorderable,
  });
  return (
    <li
      ref={setNodeRef}
      className={`chapter-list__item${isDragging ? ' chapter-list__item--dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {reorderable && (
        <button
          type="button"
          className="drag-handle"
          aria-label={t('list.drag', { title: chapter.title })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⋮⋮</span>
        </button>
      )}
      <NavLink to={href} className="chapter-list__link">
        <span className="chapter-list__title" title={chapter.title}>
          {chapter.title}
        </span>
        <span className="chapter-list__meta">
          <Badge tone={chapter.chapterType === 'chapter' ? 'neutral' : 'info'}>
            {t(`types.${chapter.chapterType}`)}
          </Badge>
          <span className="small muted">
            {t('list.words', { count: chapter.stats.words, formatted: format.number(chapter.stats.words) })}
          </span>
        </span>
      </NavLink>
      {extra}
      {reorderable && (
        <span className="chapter-list__move">
          <button
            type="button"
            className="icon-button"
            aria-label={t('list.moveUp', { title: chapter.title })}
            disabled={isFirst}
            onClick={() => onMove(-1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('list.moveDown', { title: chapter.title })}
            disabled={isLast}
            onClick={() => onMove(1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
        </span>
      )}
    </li>
  );
}
