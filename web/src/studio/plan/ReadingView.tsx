import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../api/types';
import { UNKNOWN_SPEAKER } from '../../api/types';
import { useFormat } from '../../ui/format';
import { speakerColour } from './speakers';
import { LineText } from '../../ui/LineText';

/** Above this many lines only the visible ones are in the page (a chapter can have thousands). */
export const VIRTUALIZE_ABOVE = 150;
const ESTIMATED_ROW_PX = 72;
/** The one reading view of a page, for handing the keyboard back to it. */
export const READING_VIEW_ID = 'reading-view';

export interface ReadingViewProps {
  segments: Segment[];
  /** Speaker id → display name (narrator and unknown included). */
  speakerName(speakerId: string): string;
  selectedId: string | null;
  onSelect(segmentId: string): void;
  /** Open comment threads per segment id. */
  openThreads?: ReadonlyMap<string, number>;
  /** Keys the view does not handle itself (assign, undo, next flagged) go to the page. */
  onCommand?(command: 'nextFlagged' | 'previousFlagged' | 'assign' | 'undo' | 'comment'): void;
  /** Text the reader selected inside one line (to add a pronunciation). */
  onTextSelected?(segment: Segment, text: string): void;
  label: string;
}

/**
 * The chapter as a reading view: every line with its speaker's colour and name, how sure the attribution is, and
 * flags. One focusable listbox: arrows (or j/k) move between lines, n/p jump to the next/previous flagged line,
 * a assigns, u undoes, c comments. Long chapters are virtualized.
 */
export function ReadingView(props: ReadingViewProps) {
  const { segments, selectedId, onSelect, onCommand, label } = props;
  const { t } = useTranslation('plan');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = segments.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 8,
    enabled: virtual,
    initialRect: { width: 800, height: 640 },
  });
  const selectedIndex = segments.findIndex((segment) => segment.id === selectedId);

  useEffect(() => {
    if (selectedIndex < 0) return;
    if (virtual) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    else document.getElementById(rowId(segments[selectedIndex].id))?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedIndex, virtual, virtualizer, segments]);

  const move = (delta: number) => {
    if (segments.length === 0) return;
    // With nothing selected, moving down starts at the first line and moving up at the last.
    const from = selectedIndex >= 0 ? selectedIndex : delta > 0 ? -1 : segments.length;
    onSelect(segments[Math.min(segments.length - 1, Math.max(0, from + delta))].id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.metaKey || (event.ctrlKey && event.key !== 'z')) return;
    const commands: Record<string, () => void> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      Home: () => move(-segments.length),
      End: () => move(segments.length),
      n: () => onCommand?.('nextFlagged'),
      p: () => onCommand?.('previousFlagged'),
      a: () => onCommand?.('assign'),
      u: () => onCommand?.('undo'),
      z: () => event.ctrlKey && onCommand?.('undo'),
      c: () => onCommand?.('comment'),
    };
    const command = commands[event.key];
    if (!command) return;
    event.preventDefault();
    command();
  };

  const rows = virtual
    ? virtualizer.getVirtualItems().map((item) => ({ index: item.index, start: item.start }))
    : segments.map((_, index) => ({ index, start: 0 }));

  return (
    <>
      <p id="reading-view-keys" className="visually-hidden">
        {t('keys.summary')}
      </p>
      <div
        ref={scrollRef}
        id={READING_VIEW_ID}
        className="reading-view"
        role="listbox"
        aria-label={label}
        aria-activedescendant={selectedIndex >= 0 ? rowId(segments[selectedIndex].id) : undefined}
        aria-describedby="reading-view-keys"
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div
          className="reading-view__inner"
          style={virtual ? { height: virtualizer.getTotalSize(), position: 'relative' } : undefined}
        >
          {rows.map(({ index, start }) => (
            <SegmentRow
              key={segments[index].id}
              {...props}
              segment={segments[index]}
              position={index + 1}
              setSize={segments.length}
              selected={segments[index].id === selectedId}
              measure={virtual ? virtualizer.measureElement : undefined}
              style={
                virtual
                  ? { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }
                  : undefined
              }
              index={index}
            />
          ))}
        </div>
      </div>
    </>
  );
}

const rowId = (segmentId: string) => `segment-${segmentId}`;

function SegmentRow({
  segment,
  speakerName,
  selected,
  onSelect,
  openThreads,
  onTextSelected,
  position,
  setSize,
  measure,
  style,
  index,
}: ReadingViewProps & {
  segment: Segment;
  selected: boolean;
  position: number;
  setSize: number;
  measure?: (element: Element | null) => void;
  style?: React.CSSProperties;
  index: number;
}) {
  const { t } = useTranslation('plan');
  const format = useFormat();
  const colour = speakerColour(segment.speakerId);
  const threads = openThreads?.get(segment.id) ?? 0;
  const unknown = segment.speakerId === UNKNOWN_SPEAKER;
  // A play's speaker label stays in the text but is never said: shown, set apart.
  const unspoken = Math.min(segment.unspokenChars ?? 0, segment.text.length);
  return (
    <div
      id={rowId(segment.id)}
      ref={measure}
      data-index={index}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      className={`segment${selected ? ' segment--selected' : ''}${segment.kind === 'heading' ? ' segment--heading' : ''}`}
      style={{ ...style, borderLeftColor: colour }}
      onClick={() => onSelect(segment.id)}
      onMouseUp={() => {
        const text = window.getSelection()?.toString().trim() ?? '';
        if (text && onTextSelected) onTextSelected(segment, text);
      }}
    >
      <div className="segment__meta">
        {/* The line's number in its chapter, the one the line's panel, undo and the notices say ("line 3"), not
            its place among the lines a filter shows. */}
        <span className="segment__number small">
          <span aria-hidden="true">{format.number(segment.index + 1)}</span>
          <span className="visually-hidden">{t('lineNumber', { number: segment.index + 1 })}</span>
        </span>
        <span className={`speaker-chip${unknown ? ' speaker-chip--unknown' : ''}`} style={{ backgroundColor: colour }}>
          {speakerName(segment.speakerId)}
        </span>
        {segment.kind !== 'narration' && segment.kind !== 'heading' && (
          <span className="segment__confidence small">
            {t('confidence', { value: format.percent(segment.speakerConfidence) })}
          </span>
        )}
        {segment.flagged && <span className="segment__flag small">{t('flagged')}</span>}
        {segment.speakerSource === 'user' && <span className="segment__source small">{t('checked')}</span>}
        {threads > 0 && <span className="segment__threads small">{t('threads', { count: threads })}</span>}
        {unspoken > 0 && <span className="segment__unspoken-note small">{t('unspoken')}</span>}
      </div>
      <p className="segment__text">
        {unspoken > 0 && (
          <span className="segment__unspoken">
            <LineText text={segment.text} to={unspoken} />
          </span>
        )}
        <LineText text={segment.text} from={unspoken} />
      </p>
    </div>
  );
}
