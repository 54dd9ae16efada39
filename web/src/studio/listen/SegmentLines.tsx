import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineSegment } from '../../api/listening';
import { useFormat } from '../../ui/format';
import { segmentAt } from './segmentAt';
import { LineText } from '../../ui/LineText';

/**
 * The chapter's text beside the player, one line per segment: the line being heard is highlighted (and scrolled
 * into view), a click plays from that line and selects it for its takes.
 */
export function SegmentLines({
  segments,
  currentTime,
  selectedId,
  rendering,
  speakerName,
  onPlayFrom,
  onSelect,
}: {
  segments: TimelineSegment[];
  currentTime: number;
  selectedId: string | undefined;
  /** Lines a new take is being rendered for. */
  rendering?: ReadonlySet<string>;
  speakerName(speakerId: string): string;
  onPlayFrom(segment: TimelineSegment): void;
  onSelect(segment: TimelineSegment): void;
}) {
  const { t } = useTranslation('listen');
  const format = useFormat();
  const playing = segmentAt(segments, currentTime);
  const playingRef = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    playingRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [playing?.segmentId]);
  return (
    <ol className="listen-lines" aria-label={t('lines.label')}>
      {segments.map((segment) => {
        const isPlaying = segment.segmentId === playing?.segmentId;
        const classes = ['listen-line'];
        if (isPlaying) classes.push('listen-line--playing');
        if (segment.segmentId === selectedId) classes.push('listen-line--selected');
        if (!segment.spoken) classes.push('listen-line--silent');
        return (
          <li
            key={segment.segmentId}
            ref={isPlaying ? playingRef : undefined}
            className={classes.join(' ')}
            aria-current={isPlaying ? 'true' : undefined}
          >
            <button
              type="button"
              className="listen-line__button"
              onClick={() => {
                onSelect(segment);
                if (segment.startSec !== null) onPlayFrom(segment);
              }}
            >
              {/* The line's number in its chapter, as the plan's reading view and its notices give it. */}
              <span className="listen-line__speaker">
                <span className="listen-line__number" aria-hidden="true">
                  {format.number(segment.index + 1)}
                </span>
                <span className="visually-hidden">{t('lines.number', { number: segment.index + 1 })}</span>{' '}
                {speakerName(segment.speakerId)}
              </span>
              <span className="listen-line__text">
                <LineText text={segment.text} />
              </span>
              {rendering?.has(segment.segmentId) ? (
                <span className="listen-line__note">{t('lines.rendering')}</span>
              ) : (
                !segment.rendered && segment.spoken && <span className="listen-line__note">{t('lines.changed')}</span>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
