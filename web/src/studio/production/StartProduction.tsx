import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useChapters } from '../../api/chapters';
import { useEstimate } from '../../api/estimate';
import { useTenantUsage } from '../../api/costs';
import { PLATFORMS, useStartProduction, type Platform } from '../../api/production';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Stat } from '../../ui/Stat';
import { FlaggedLinesNote } from '../estimate/FlaggedLinesNote';
import { useStudio } from '../StudioContext';
import { useProjectChoice } from '../studioMemory';
import { ChapterSelection } from './ChapterSelection';

type Scope = 'all' | 'approved' | 'selection';
const NONE: ReadonlySet<string> = new Set();
const QUOTAS = ['monthlyCharacters', 'concurrentJobs', 'storageBytes'] as const;
type Quota = (typeof QUOTAS)[number];
/** The retailers a first production of a project builds for, until the producer chooses others. */
const FIRST_PLATFORMS: Platform[] = ['apple', 'acx'];

/** The production form: which packages, which chapters, what it costs and what is left of the month's quota. */
export function StartProduction() {
  const { project, status } = useStudio();
  const { t } = useTranslation(['production', 'estimate']);
  const format = useFormat();
  const errorText = useErrorText();
  // The retailers and the chapters chosen are the producer's until they choose others: the form is drawn afresh after
  // each job.
  const [platforms, setPlatforms] = useProjectChoice<Platform[]>(project.id, 'production.platforms', FIRST_PLATFORMS);
  const [scope, setScope] = useProjectChoice<Scope>(project.id, 'production.scope', 'all');
  const [selected, setSelected] = useProjectChoice<ReadonlySet<string>>(project.id, 'production.chapters', NONE);
  const chapters = useChapters(project.id);
  const liveChapters = (chapters.data ?? []).filter((chapter) => !chapter.deleted);
  // In book order, whatever order they were chosen in; a chapter deleted since it was chosen is not sent.
  const selection = liveChapters.filter((chapter) => selected.has(chapter.id)).map((chapter) => chapter.id);
  // A selection's figures are its own (the production of it bills those chapters only); the approved chapters are
  // known to the server alone, so that choice shows the whole book's figures and says so.
  const estimate = useEstimate(project.id, platforms, scope === 'selection' ? selection : undefined);
  const usage = useTenantUsage();
  const start = useStartProduction(project.id);

  // The organization's quota, whoever is looking: a creator's own costs would understate what is used.
  const remaining = usage.data?.monthlyCharacters.remaining;
  // A start reserves the lines and the spoken credits against what running productions leave, so the warning follows
  // the estimate's own quota figures when it has them; the lines alone would miss credits that do not fit.
  const startQuota = estimate.data?.quota?.monthlyCharacters;
  const needed = startQuota?.requested ?? estimate.data?.billableCharacters;
  const room = startQuota?.remaining ?? remaining;
  const overQuota = room !== undefined && needed !== undefined && needed > room;
  const blocking = estimate.data?.problems.filter((problem) => problem.severity === 'blocking') ?? [];
  // Warnings let the job run yet say a package would fail its retailer's rules (no cover, no ISBN) or leave something
  // out: said here too, or the producer learns it only on the delivery page after the production.
  const warnings = estimate.data?.problems.filter((problem) => problem.severity !== 'blocking') ?? [];
  // "Approved chapters only" with no chapter approved (for what it sounds like now) has nothing to produce: the server
  // refuses it, so the form says so before the click. Unknown while the review is being read: the server decides.
  const approvedNow = status.review?.chapters.filter(
    (chapter) => chapter.decision === 'approved' && !chapter.approvalStale,
  ).length;
  const noneApproved = scope === 'approved' && approvedNow === 0;
  const canStart =
    platforms.length > 0 &&
    !start.isPending &&
    (scope !== 'selection' || selection.length > 0) &&
    !noneApproved &&
    blocking.length === 0;

  const submit = () =>
    start.mutate({
      platforms,
      allowUnknownSpeakers: false,
      approvedOnly: scope === 'approved',
      ...(scope === 'selection' ? { chapterIds: selection } : {}),
    });

  return (
    <section className="card start-production" aria-labelledby="start-production">
      <h3 id="start-production" className="card__title">
        {t('start.title')}
      </h3>
      <fieldset className="form__section form__section--compact">
        <legend>{t('start.platforms')}</legend>
        <div className="checkbox-row">
          {PLATFORMS.map((platform) => (
            <label key={platform} className="checkbox">
              <input
                type="checkbox"
                checked={platforms.includes(platform)}
                onChange={(event) =>
                  setPlatforms((list) =>
                    event.target.checked ? [...list, platform] : list.filter((item) => item !== platform),
                  )
                }
              />
              {t(`estimate:platformNames.${platform}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="form__section form__section--compact">
        <legend>{t('start.chapters')}</legend>
        <div className="checkbox-row">
          {(['all', 'approved', 'selection'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name="scope" checked={scope === value} onChange={() => setScope(value)} />
              {t(`start.scope.${value}`)}
            </label>
          ))}
        </div>
        {scope === 'selection' && (
          <ChapterSelection chapters={liveChapters} selected={selected} onChange={setSelected} />
        )}
      </fieldset>
      {estimate.data && (
        <dl className="stat-grid stat-grid--figures">
          <Stat label={t('start.cost')} value={format.usd(estimate.data.estimate.totalUsd)} />
          <Stat label={t('start.characters')} value={format.number(estimate.data.billableCharacters)} />
          <Stat label={t('start.remaining')} value={remaining === undefined ? '—' : format.number(remaining)} />
          <Stat label={t('start.audio')} value={format.duration(estimate.data.estimatedAudioSeconds)} />
        </dl>
      )}
      {estimate.data && <p className="small muted">{t('start.audioNote')}</p>}
      {scope === 'approved' && estimate.data && <p className="small muted">{t('start.wholeBookFigures')}</p>}
      {noneApproved && (
        <Alert tone="warning">
          {t('start.noneApproved')}{' '}
          <Link to={`/projects/${encodeURIComponent(project.id)}/review`}>{t('start.toReview')}</Link>
        </Alert>
      )}
      {scope !== 'all' && <p className="small muted">{t('start.scopeNote')}</p>}
      {overQuota && <Alert tone="warning">{t('start.overQuota', { needed: format.number(needed!) })}</Alert>}
      {blocking.length > 0 && <Alert tone="warning">{t('start.blocked', { count: blocking.length })}</Alert>}
      {blocking.length === 0 && warnings.length > 0 && (
        <Alert tone="warning">
          {t('start.warnings', { count: warnings.length })}{' '}
          <Link to={`/projects/${encodeURIComponent(project.id)}/estimate`}>{t('start.seeWarnings')}</Link>
        </Alert>
      )}
      <FlaggedLinesNote />
      {start.isError && <Alert tone="error">{describeRefusal(start.error)}</Alert>}
      {start.isSuccess && <Alert tone="success">{t('start.started')}</Alert>}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={!canStart} onClick={submit}>
          {t('start.submit')}
        </button>
      </div>
    </section>
  );

  function describeRefusal(error: unknown): string {
    if (error instanceof ApiError && error.code === 'quota_exceeded') {
      const quota = error.details.quota as Quota | undefined;
      if (quota && (QUOTAS as readonly string[]).includes(quota)) {
        const limit = Number(error.details.limit ?? 0);
        return t(`refusals.${quota}`, {
          limit: quota === 'storageBytes' ? format.bytes(limit) : format.number(limit),
        });
      }
    }
    // Refused because no chapter is approved (someone withdrew the last approval meanwhile), not for the plan.
    if (error instanceof ApiError && error.code === 'unprocessable' && refusedField(error) === 'approvedOnly')
      return t('refusals.noneApproved');
    if (error instanceof ApiError && error.code === 'unprocessable') return t('refusals.blocked');
    return errorText(error);
  }
}

/** The request field a refusal names, in its details or its field list. */
function refusedField(error: ApiError): string | undefined {
  return typeof error.details.field === 'string' ? error.details.field : error.fields[0]?.field;
}
