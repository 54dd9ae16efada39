import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentPatch } from '../../api/segments';
import type { Segment } from '../../api/types';
import { useToast } from '../../ui/Toasts';
import type { SpeakerOption } from './speakers';

/**
 * "Assign all of these to …": every line the filter shows gets the chosen speaker, one ETag-checked save each, so a
 * line someone else changed meanwhile is reported instead of overwritten.
 */
export function BulkAssign({
  segments,
  speakers,
  apply,
}: {
  segments: Segment[];
  speakers: SpeakerOption[];
  apply(segment: Segment, patch: SegmentPatch): Promise<boolean>;
}) {
  const { t } = useTranslation('plan');
  const toast = useToast();
  const [speakerId, setSpeakerId] = useState(speakers[0]?.id ?? '');
  const [running, setRunning] = useState(false);
  const run = async () => {
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
    toast.show(t('bulk.done', { count: done, name }), refused ? 'error' : 'success');
    if (refused) toast.show(t('bulk.refused', { count: refused }), 'error');
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
