import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChapterSummary } from '../../api/types';

/** A chapter has lines to check while its current plan holds a flagged line or one with no known speaker. */
export function hasLinesToCheck(chapter: ChapterSummary): boolean {
  return chapter.review !== null && (chapter.review.flagged > 0 || chapter.review.unknownSpeaker > 0);
}

export type LinesToCheck = 'flagged' | 'unknown';

/** What a chapter's lines to check are: its flagged lines, or its lines with no known speaker when it has no flag. */
export function linesToCheck(chapter: ChapterSummary): LinesToCheck | undefined {
  if (!chapter.review) return undefined;
  if (chapter.review.flagged > 0) return 'flagged';
  return chapter.review.unknownSpeaker > 0 ? 'unknown' : undefined;
}

/** The first chapter after `currentId` in reading order with lines to check, wrapping round to the book's start. */
export function nextChapterToCheck(chapters: ChapterSummary[], currentId: string | undefined): ChapterSummary | null {
  const start = chapters.findIndex((chapter) => chapter.id === currentId);
  const after = [...chapters.slice(start + 1), ...chapters.slice(0, Math.max(0, start))];
  return after.find(hasLinesToCheck) ?? null;
}

interface ChapterPickerProps {
  chapters: ChapterSummary[];
  selectedId: string | undefined;
  /** What else the option says about a chapter (its review decision, open comments). */
  notesOf(chapter: ChapterSummary): string[];
  /** Whether a running plan job is planning this chapter now (a chapter without a plan then is not "not planned"). */
  beingPlanned?(chapter: ChapterSummary): boolean;
  /** `show`: the lines to open the chapter on (the next chapter to check opens on what there is to check). */
  onSelect(chapterId: string, show?: LinesToCheck): void;
}

/**
 * The plan's chapter picker: each chapter says how many of its lines are flagged or have no known speaker (counts
 * the chapter list carries, so a whole book costs no extra request), the list can be narrowed to the chapters with
 * lines to check, and one button goes to the next such chapter.
 */
export function ChapterPicker({ chapters, selectedId, notesOf, beingPlanned, onSelect }: ChapterPickerProps) {
  const { t } = useTranslation('plan');
  const [onlyToCheck, setOnlyToCheck] = useState(false);
  const toCheck = chapters.filter(hasLinesToCheck);
  // The chapter on screen stays in the list even when it has nothing left to check, so the picker still names it.
  const listed = onlyToCheck
    ? chapters.filter((chapter) => hasLinesToCheck(chapter) || chapter.id === selectedId)
    : chapters;
  const next = nextChapterToCheck(chapters, selectedId);
  const selected = chapters.find((chapter) => chapter.id === selectedId);

  const countsOf = (chapter: ChapterSummary): string[] => {
    if (!chapter.review) return [beingPlanned?.(chapter) ? t('picker.beingPlanned') : t('picker.notPlanned')];
    const counts: string[] = [];
    if (chapter.review.flagged > 0) counts.push(t('picker.flagged', { count: chapter.review.flagged }));
    if (chapter.review.unknownSpeaker > 0) counts.push(t('picker.unknown', { count: chapter.review.unknownSpeaker }));
    return counts;
  };
  const notesFor = (chapter: ChapterSummary): string[] => [...countsOf(chapter), ...notesOf(chapter)];

  return (
    <div className="plan__chapters">
      <div className="field field--inline">
        <label htmlFor="plan-chapter">{t('chapter')}</label>
        <select id="plan-chapter" value={selectedId ?? ''} onChange={(event) => onSelect(event.target.value)}>
          {listed.map((chapter) => {
            const notes = notesFor(chapter);
            return (
              <option key={chapter.id} value={chapter.id}>
                {chapter.title}
                {notes.length ? ` — ${notes.join(', ')}` : ''}
              </option>
            );
          })}
        </select>
      </div>
      {/* A select shows its option clipped to the select's width (on a phone, to the first words of a title): the
          chapter on screen says its counts in full beside it. */}
      {selected && notesFor(selected).length > 0 && (
        <p className="small plan__chapter-notes">{t('picker.thisChapter', { notes: notesFor(selected).join(', ') })}</p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={onlyToCheck} onChange={(event) => setOnlyToCheck(event.target.checked)} />
        {t('picker.onlyToCheck', { count: toCheck.length })}
      </label>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={next === null}
        onClick={() => next && onSelect(next.id, linesToCheck(next))}
      >
        {next ? t('picker.next') : t('picker.noneToCheck')}
      </button>
    </div>
  );
}
