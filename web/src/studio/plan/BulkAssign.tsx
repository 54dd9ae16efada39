import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentPatch } from '../../api/segments';
import type { Segment } from '../../api/types';
import type { SpeakerOption } from './speakers';
import type { ChapterToasts } from './useChapterToasts';

/**
 * "Assign all of these to …": every line the filter shows gets the chosen speaker, one ETag-checked save each, so a
 * line someone else changed meanwhile is reported instead of overwritten. The saves go on when the producer opens
 * another chapter; their outcome then names the chapter they were in.
 */
export function BulkAssign({
  segments,
  speakers,
  apply,
  chapterTitle,
  toasts,
}: {
  segments: Segment[];
  speakers: SpeakerOption[];
  apply(segment: Segment, patch: SegmentPatch): Promise<boolean>;
  chapterTitle(chapterId: string): string;
  toasts: ChapterToasts;
}) {
  const { t } = useTranslation('plan');
  const [speakerId, setSpeakerId] = useState(speakers[0]?.id ?? '');
  const [running, setRunning] = useState(false);
  const run = async () => {
    const chapterId = segments[0]?.chapterId;
    if (!chapterId) return;
    setRunning(true);
    let done = 0;
    let refused = 0;
    for (const segment of segments) {
      if (segment.speakerId === speakerId && !segment.flagged) continue;
      const ok = await apply(segment, { speakerId, ...(segment.flagged ? { flagged: false } : {}) });
      if (ok) done++;
      else refused++;
    }
    setRunning(false);
    const name = speakers.find((speaker) => speaker.id === speakerId)?.name ?? '';
    const chapter = chapterTitle(chapterId);
    toasts.show({
      chapterId,
      message: t('bulk.done', { count: done, name }),
      elsewhere: t('bulk.doneInChapter', { count: done, name, chapter }),
      tone: refused ? 'error' : 'success',
    });
    if (refused)
      toasts.show({
        chapterId,
        message: t('bulk.refused', { count: refused }),
        elsewhere: t('bulk.refusedInChapter', { count: refused, chapter }),
        tone: 'error',
      });
  };
  return (
    <div className="bulk-assign" role="group" aria-label={t('bulk.label')}>
      <label htmlFor="bulk-speaker">{t('bulk.assignAll', { count: segments.length })}</label>
      <select id="bulk-speaker" value={speakerId} onChange={(event) => setSpeakerId(event.target.value)}>
        {speakers.map((speaker) => (
          <option key={speaker.id} value={speaker.id}>
            {speaker.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={running}
        onClick={() => void run()}
      >
        {running ? t('bulk.running') : t('bulk.apply')}
      </button>
    </div>
  );
}
