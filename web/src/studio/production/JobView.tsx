import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isFinished, jobFraction, useJobProgress } from '../../api/jobs';
import { jobHistoryKey, useCancelJob, useChaptersDuringJob, useRetryJob } from '../../api/production';
import type { Job } from '../../api/types';
import { ActionLabel } from '../../ui/ActionLabel';
import { Alert } from '../../ui/Alert';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { Stat } from '../../ui/Stat';
import { JobPackages } from './JobPackages';

const KNOWN_PHASES = ['queued', 'synthesizing', 'mastering', 'packaging'] as const;
export const STATUS_TONE: Record<Job['status'], BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

const ADVISED_FAILURES = ['tts_failed', 'plan_incomplete', 'quota_exceeded'] as const;

/** What to do about a failed job, by its error code (orchestrations/productionFailure.ts); anything else: retry. */
function failureAdvice(code: string): (typeof ADVISED_FAILURES)[number] | 'production_failed' {
  return (ADVISED_FAILURES as readonly string[]).includes(code)
    ? (code as (typeof ADVISED_FAILURES)[number])
    : 'production_failed';
}

/** One production job, followed live (polling with backoff): phase, counts, ETA, cost so far, chapter by chapter. */
export function JobView({ projectId, job: initial, canEdit }: { projectId: string; job: Job; canEdit: boolean }) {
  const { t } = useTranslation('production');
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  // The job list is not refreshed with the rest of the project when a job ends: this view asks for it.
  const followed = useJobProgress(projectId, isFinished(initial) ? null : initial.id, () =>
    queryClient.invalidateQueries({ queryKey: jobHistoryKey(projectId) }),
  );
  const job = followed.data ?? initial;
  const finished = isFinished(job);
  const chapters = useChaptersDuringJob(projectId, !finished);
  const cancel = useCancelJob(projectId);
  const retry = useRetryJob(projectId);
  const { progress } = job;
  const phase: (typeof KNOWN_PHASES)[number] | 'working' = (KNOWN_PHASES as readonly string[]).includes(progress.phase)
    ? (progress.phase as (typeof KNOWN_PHASES)[number])
    : 'working';
  const selected = Array.isArray(job.input.chapterIds) ? (job.input.chapterIds as string[]) : null;
  const inJob = (chapters.data ?? []).filter((chapter) =>
    job.kind === 'regenerate' ? chapter.id === job.input.chapterId : !selected || selected.includes(chapter.id),
  );
  // The badge beside the title already says the job ended; the bar says what it came to.
  const finishedDetail = () => {
    if (progress.chaptersTotal === 0) return undefined;
    // Counted by the total ("1 of 1 chapter produced"), the figures written the reader's way.
    const values = {
      count: progress.chaptersTotal,
      done: format.number(progress.chaptersDone),
      total: format.number(progress.chaptersTotal),
    };
    const took = secondsTaken(job);
    return took !== null
      ? t('job.producedIn', { ...values, duration: format.duration(took) })
      : t('job.produced', values);
  };
  // What this job mastered can be heard as soon as each chapter is done, the first of them opened on the Listen page.
  const produced = inJob.filter((chapter) => chapter.masteredByJobId === job.id);
  const listenPath = (chapterId: string) =>
    `/projects/${encodeURIComponent(projectId)}/listen/${encodeURIComponent(chapterId)}`;
  const count = (done: number, total: number) =>
    total > 0 ? t('job.doneOfTotal', { done: format.number(done), total: format.number(total) }) : '—';

  return (
    <section className="card job-view" aria-labelledby="job-view-title">
      <div className="job-view__head">
        <h3 id="job-view-title" className="card__title">
          {t(`kinds.${job.kind === 'regenerate' ? 'regenerate' : 'produce'}`)}
        </h3>
        <Badge tone={STATUS_TONE[job.status]}>{t(`status.${job.status}`)}</Badge>
      </div>
      <ProgressBar
        label={t('job.progress')}
        value={finished ? endedFraction(job) : jobFraction(job)}
        detail={finished ? finishedDetail() : t(`phases.${phase}`)}
      />
      <dl className="stat-grid stat-grid--figures" aria-live="polite">
        <Stat label={t('job.chapters')} value={count(progress.chaptersDone, progress.chaptersTotal)} />
        <Stat label={t('job.segments')} value={count(progress.segmentsDone, progress.segmentsTotal)} />
        {finished ? (
          <EndedStat job={job} />
        ) : (
          <Stat
            label={t('job.eta')}
            value={progress.etaSeconds !== null ? format.duration(progress.etaSeconds) : t('job.noEta')}
          />
        )}
        <Stat label={finished ? t('job.costTotal') : t('job.cost')} value={format.usd(progress.costSoFarUsd)} />
      </dl>
      {job.error && (
        <Alert tone="error" title={t('job.failed', { message: job.error.message })}>
          <p>{t(`whatToDo.${failureAdvice(job.error.code)}`, { jobId: job.id })}</p>
        </Alert>
      )}
      {!job.error && job.status === 'cancelled' && <Alert tone="info">{t('whatToDo.cancelled')}</Alert>}
      {inJob.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('job.chapterCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('job.chapter')}</th>
                <th scope="col">{t('job.state')}</th>
              </tr>
            </thead>
            <tbody>
              {inJob.map((chapter) => {
                // Mastered by this very job, or (once it ended) kept from before, left out with nothing to read, or
                // left without audio.
                const mastered = chapter.masteredByJobId === job.id;
                const state = mastered
                  ? 'mastered'
                  : chapter.nothingToSpeak && !chapter.hasMaster
                    ? 'leftOut'
                    : finished
                      ? chapter.hasMaster
                        ? 'unchanged'
                        : 'notDone'
                      : 'waiting';
                return (
                  <tr key={chapter.id}>
                    <th scope="row">{chapter.title}</th>
                    <td>
                      <span className="job-view__state">
                        <Badge tone={state === 'mastered' ? 'success' : state === 'notDone' ? 'warning' : 'neutral'}>
                          {t(`chapterStates.${state}`)}
                        </Badge>
                        {mastered && (
                          <Link to={listenPath(chapter.id)}>
                            <ActionLabel
                              visible={t('job.listen')}
                              full={t('job.listenToChapter', { title: chapter.title })}
                            />
                          </Link>
                        )}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {finished && produced.length > 0 && (
        <p>
          <Link className="button" to={listenPath(produced[0].id)}>
            {produced.length === 1
              ? t('job.listenToChapter', { title: produced[0].title })
              : t('job.listenToProduced', { count: produced.length })}
          </Link>
        </p>
      )}
      {finished && <JobPackages projectId={projectId} job={job} />}
      {canEdit && (
        <div className="button-row">
          {!finished && (
            <button
              type="button"
              className="button button--danger-outline"
              disabled={cancel.isPending || job.cancelRequested}
              onClick={() => cancel.mutate(job.id)}
            >
              {job.cancelRequested ? t('job.cancelling') : t('job.cancel')}
            </button>
          )}
          {(job.status === 'failed' || job.status === 'cancelled') && (
            <button
              type="button"
              className="button button--primary"
              disabled={retry.isPending}
              onClick={() => retry.mutate(job.id)}
            >
              {t('job.retry')}
            </button>
          )}
        </div>
      )}
      {(cancel.error || retry.error) && <Alert tone="error">{errorText(cancel.error ?? retry.error)}</Alert>}
    </section>
  );
}

/**
 * How full an ended job's bar is: a job that failed after rendering every line still produced no chapter, and a full
 * bar beside "0 of 1 chapters" read as done. Its chapters say what it came to; a job that succeeded is full.
 */
function endedFraction(job: Job): number | null {
  if (job.status === 'succeeded') return 1;
  const { chaptersDone, chaptersTotal } = job.progress;
  return chaptersTotal > 0 ? Math.min(1, chaptersDone / chaptersTotal) : jobFraction(job);
}

/** How long an ended job ran, in whole seconds; null when it never started or its times disagree. */
function secondsTaken(job: Job): number | null {
  const took = job.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : NaN;
  return Number.isFinite(took) && took >= 0 ? Math.round(took) : null;
}

/** An ended job has no time left: it says how long it ran, or else when it ended. */
function EndedStat({ job }: { job: Job }) {
  const { t } = useTranslation('production');
  const format = useFormat();
  const took = secondsTaken(job);
  if (took !== null) return <Stat label={t('job.took')} value={format.duration(took)} />;
  return <Stat label={t('job.endedAt')} value={job.finishedAt ? format.dateTime(job.finishedAt) : t('job.noEta')} />;
}
