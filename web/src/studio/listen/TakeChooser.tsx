import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinished, jobFraction, useJobProgress } from '../../api/jobs';
import { takeAudioLink, useRegenerateSegment, useSelectTake, useTakes, type Take } from '../../api/listening';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { ProgressBar } from '../../ui/ProgressBar';
import { LineText } from '../../ui/LineText';

/**
 * One line's takes, newest first: play any of them (the current one and every earlier one) to compare, choose which
 * one production uses, or render a new one. Only takes that still match the line can be chosen.
 */
export function TakeChooser({
  projectId,
  segmentId,
  text,
  canEdit,
  busy,
  renderJobId,
  onRenderStarted,
}: {
  projectId: string;
  segmentId: string;
  text: string;
  canEdit: boolean;
  /** A job is running for the project: choosing or regenerating would be refused. */
  busy: boolean;
  /** The job rendering a new take of this line, asked for here or before the line was chosen again. */
  renderJobId?: string;
  onRenderStarted?(jobId: string): void;
}) {
  const { t } = useTranslation('listen');
  const format = useFormat();
  const errorText = useErrorText();
  const takes = useTakes(projectId, segmentId);
  const select = useSelectTake(projectId);
  const regenerate = useRegenerateSegment(projectId);
  // Follow the job rendering a new take of the line (the page keeps it while another line is open) or the one this
  // chooser started, so the new take shows as soon as it is done however short the job was.
  const renderJob = renderJobId ?? regenerate.data?.job.id;
  const started = useJobProgress(projectId, renderJob ?? select.data?.job.id);
  const outcome = started.data && isFinished(started.data) ? started.data.status : null;
  // A voice that says a line the same way every time gives back the audio of the take it replaced.
  const sameAudio = outcome === 'succeeded' && Boolean(renderJob) && Boolean(started.data?.result?.sameAudioAs);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const items = takes.data?.items ?? [];
  const numberOf = (take: Take) => items.length - items.indexOf(take);

  const play = async (take: Take) => {
    setLoadError(null);
    try {
      const link = await takeAudioLink(projectId, segmentId, take.takeId);
      const audio = audioRef.current;
      if (!audio) return;
      audio.src = link.url;
      setPlaying(take.takeId);
      await audio.play();
    } catch (error) {
      setLoadError(error);
    }
  };

  return (
    <section className="card take-chooser" aria-labelledby="take-chooser-title">
      <h3 id="take-chooser-title" className="card__title">
        {t('takes.title')}
      </h3>
      <blockquote className="take-chooser__line">
        <LineText text={text} />
      </blockquote>
      {takes.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('takes.none')}</p>
      ) : (
        <ul className="plain-list take-list" aria-label={t('takes.listLabel')}>
          {items.map((take) => (
            <li key={take.takeId} className="take-list__item">
              <div className="take-list__name">
                <strong>{t('takes.name', { number: numberOf(take) })}</strong>
                <span className="small muted">
                  {format.dateTime(take.createdAt)}
                  {take.durationMs > 0 && <> · {format.duration(take.durationMs / 1000)}</>}
                </span>
                {take.current && <Badge tone="success">{t('takes.current')}</Badge>}
                {!take.matchesLine && <Badge tone="warning">{t('takes.outdated')}</Badge>}
              </div>
              <div className="button-row button-row--compact">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void play(take)}
                  aria-pressed={playing === take.takeId}
                  aria-label={t('takes.playLabel', { number: numberOf(take) })}
                >
                  {t('takes.play')}
                </button>
                {canEdit && !take.current && take.matchesLine && (
                  <button
                    type="button"
                    className="button button--small button--primary"
                    disabled={busy || select.isPending}
                    onClick={() => select.mutate({ segmentId, takeId: take.takeId })}
                    aria-label={t('takes.useLabel', { number: numberOf(take) })}
                  >
                    {t('takes.use')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <audio
        ref={audioRef}
        className="take-chooser__audio"
        controls
        aria-label={t('takes.player')}
        onEnded={() => setPlaying(null)}
      />
      {canEdit && (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={busy || regenerate.isPending || (Boolean(renderJob) && outcome === null)}
            onClick={() => regenerate.mutate(segmentId, { onSuccess: ({ job }) => onRenderStarted?.(job.id) })}
          >
            {t('takes.regenerate')}
          </button>
        </div>
      )}
      {busy && canEdit && <p className="small muted">{t('takes.busy')}</p>}
      {outcome === 'succeeded' && !sameAudio && <Alert tone="success">{t('takes.done')}</Alert>}
      {sameAudio && <Alert tone="info">{t('takes.sameAudio')}</Alert>}
      {outcome !== null && outcome !== 'succeeded' && <Alert tone="error">{t('takes.jobFailed')}</Alert>}
      {outcome === null && select.isSuccess && <Alert tone="success">{t('takes.selected')}</Alert>}
      {outcome === null && renderJob && (
        <>
          <Alert tone="success">{t('takes.regenerating')}</Alert>
          <ProgressBar label={t('takes.renderProgress')} value={started.data ? jobFraction(started.data) : null} />
        </>
      )}
      {(select.error || regenerate.error || loadError !== null) && (
        <Alert tone="error">
          {errorText(select.error ?? regenerate.error ?? loadError, { unprocessable: t('takes.outdatedRefused') })}
        </Alert>
      )}
    </section>
  );
}
