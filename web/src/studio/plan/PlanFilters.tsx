import { useTranslation } from 'react-i18next';
import type { Segment } from '../../api/types';
import { UNKNOWN_SPEAKER } from '../../api/types';
import type { SpeakerOption } from './speakers';

export type SegmentFilter =
  { kind: 'all' } | { kind: 'unknown' } | { kind: 'flagged' } | { kind: 'speaker'; speakerId: string };

export function applyFilter(segments: Segment[], filter: SegmentFilter): Segment[] {
  switch (filter.kind) {
    case 'all':
      return segments;
    case 'unknown':
      return segments.filter((segment) => segment.speakerId === UNKNOWN_SPEAKER);
    case 'flagged':
      return segments.filter((segment) => segment.flagged);
    case 'speaker':
      return segments.filter((segment) => segment.speakerId === filter.speakerId);
  }
}

/**
 * The lines a link into the plan asks to show (`?show=flagged`, `?show=unknown`): a link that promises a chapter's
 * flagged lines opens on them, not on every line of the chapter. Null for no such request.
 */
export function filterFromLink(show: string | null): SegmentFilter | null {
  return show === 'flagged' || show === 'unknown' ? { kind: show } : null;
}

const encode = (filter: SegmentFilter) => (filter.kind === 'speaker' ? `speaker:${filter.speakerId}` : filter.kind);
const decode = (value: string): SegmentFilter =>
  value.startsWith('speaker:')
    ? { kind: 'speaker', speakerId: value.slice('speaker:'.length) }
    : { kind: value as 'all' | 'unknown' | 'flagged' };

/**
 * The speakers the "by speaker" filter offers: those with a line in the chapter, most lines first (the book's order
 * between equals), and the one chosen even when its last line went to someone else, so the select still names it.
 * A speaker with no line here would only show an empty list.
 */
export function chapterSpeakers(
  speakers: SpeakerOption[],
  segments: Segment[],
  chosenId: string | null,
): { speaker: SpeakerOption; lines: number }[] {
  const lines = new Map<string, number>();
  for (const segment of segments) lines.set(segment.speakerId, (lines.get(segment.speakerId) ?? 0) + 1);
  return speakers
    .map((speaker) => ({ speaker, lines: lines.get(speaker.id) ?? 0 }))
    .filter(({ speaker, lines: count }) => count > 0 || speaker.id === chosenId)
    .sort((a, b) => b.lines - a.lines);
}

/** Which lines to show: all, the unknown ones, the flagged ones, or one speaker's; each with how many there are. */
export function PlanFilters({
  filter,
  speakers,
  segments,
  onChange,
}: {
  filter: SegmentFilter;
  speakers: SpeakerOption[];
  segments: Segment[];
  onChange(filter: SegmentFilter): void;
}) {
  const { t } = useTranslation('plan');
  const count = (f: SegmentFilter) => applyFilter(segments, f).length;
  return (
    <div className="field field--inline">
      <label htmlFor="plan-filter">{t('filters.label')}</label>
      <select id="plan-filter" value={encode(filter)} onChange={(event) => onChange(decode(event.target.value))}>
        <option value="all">{t('filters.all', { count: segments.length })}</option>
        <option value="unknown">{t('filters.unknown', { count: count({ kind: 'unknown' }) })}</option>
        <option value="flagged">{t('filters.flagged', { count: count({ kind: 'flagged' }) })}</option>
        <optgroup label={t('filters.bySpeaker')}>
          {chapterSpeakers(speakers, segments, filter.kind === 'speaker' ? filter.speakerId : null).map(
            ({ speaker, lines }) => (
              <option key={speaker.id} value={`speaker:${speaker.id}`}>
                {t('filters.speaker', { name: speaker.name, count: lines })}
              </option>
            ),
          )}
        </optgroup>
      </select>
    </div>
  );
}
