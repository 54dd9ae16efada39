import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useChapters } from '../../api/chapters';
import { useCharacters } from '../../api/characters';
import { useEstimate } from '../../api/estimate';
import type { ProductionEstimate } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { Stat } from '../../ui/Stat';
import { useStudio } from '../StudioContext';
import { FlaggedLinesNote } from './FlaggedLinesNote';
import { ProblemList } from './ProblemList';

const PLATFORMS = ['apple', 'acx', 'google', 'spotify', 'kobo'] as const;
const COST_KINDS = ['tts_characters', 'llm_tokens', 'compute_seconds', 'storage_bytes'] as const;
type CostKind = (typeof COST_KINDS)[number];

/** What producing the book would cost and take, and what still stands in the way, before anything is spent. */
export function EstimatePage() {
  const { project } = useStudio();
  const { t } = useTranslation('estimate');
  const format = useFormat();
  const errorText = useErrorText();
  const [platforms, setPlatforms] = useState<string[]>(['apple', 'acx']);
  const estimate = useEstimate(project.id, platforms);
  const chapters = useChapters(project.id);
  const characters = useCharacters(project.id);
  const titleOf = (chapterId?: string) => chapters.data?.find((chapter) => chapter.id === chapterId)?.title ?? '';
  const nameOf = (characterId?: string) => characters.data?.find((c) => c.id === characterId)?.name ?? '';

  return (
    <div className="step-page">
      <header className="step-page__header">
        <h2>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </header>
      <fieldset className="form__section form__section--compact">
        <legend>{t('platforms')}</legend>
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
              {t(`platformNames.${platform}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {platforms.length === 0 ? (
        <Alert tone="info">{t('choosePlatform')}</Alert>
      ) : estimate.isPending ? (
        <Loading />
      ) : estimate.isError ? (
        <Alert tone="error">{errorText(estimate.error)}</Alert>
      ) : (
        <EstimateView
          estimate={estimate.data}
          projectId={project.id}
          titleOf={titleOf}
          nameOf={nameOf}
          format={format}
        />
      )}
      <p className="small">
        <Link to={`/projects/${encodeURIComponent(project.id)}/review`}>{t('toReview')}</Link>
      </p>
    </div>
  );
}

function EstimateView({
  estimate,
  projectId,
  titleOf,
  nameOf,
  format,
}: {
  estimate: ProductionEstimate;
  projectId: string;
  titleOf(chapterId?: string): string;
  nameOf(characterId?: string): string;
  format: ReturnType<typeof useFormat>;
}) {
  const { t } = useTranslation('estimate');
  const kindKnown = (kind: string): kind is CostKind => (COST_KINDS as readonly string[]).includes(kind);
  // Blocking problems refuse the job; warnings say what it would skip or which retailer rule a package would fail.
  const blocking = estimate.problems.filter((problem) => problem.severity !== 'warning');
  const warnings = estimate.problems.filter((problem) => problem.severity === 'warning');
  return (
    <>
      <dl className="stat-grid stat-grid--figures stat-grid--rows-of-three">
        <Stat label={t('stats.cost')} value={format.usd(estimate.estimate.totalUsd)} />
        <Stat label={t('stats.characters')} value={format.number(estimate.billableCharacters)} />
        <Stat label={t('stats.audio')} value={format.duration(estimate.estimatedAudioSeconds)} />
        <Stat label={t('stats.work')} value={format.duration(estimate.estimatedSeconds)} />
        <Stat label={t('stats.chapters')} value={format.number(estimate.chapters.length)} />
        <Stat label={t('stats.segments')} value={format.number(estimate.segmentsTotal)} />
      </dl>
      <p className="small muted">{t('stats.audioNote')}</p>
      <section className="card" aria-labelledby="estimate-lines">
        <h3 id="estimate-lines" className="card__title">
          {t('lines.title')}
        </h3>
        <table className="data-table">
          <caption className="visually-hidden">{t('lines.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lines.kind')}</th>
              <th scope="col">{t('lines.quantity')}</th>
              <th scope="col">{t('lines.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {estimate.estimate.lines.map((line) => (
              <tr key={`${line.kind}:${line.rate}`}>
                <th scope="row">{kindKnown(line.kind) ? t(`lines.kinds.${line.kind}`) : line.kind}</th>
                <td>{format.number(line.quantity)}</td>
                <td>{format.usd(line.amountUsd)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('lines.total')}</th>
              <td />
              <td>{format.usd(estimate.estimate.totalUsd)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
      <FlaggedLinesNote />
      <ProblemList
        id="estimate-problems"
        title={t('problems.title', { count: blocking.length })}
        empty={t('problems.none')}
        problems={blocking}
        projectId={projectId}
        titleOf={titleOf}
        nameOf={nameOf}
      />
      {warnings.length > 0 && (
        <ProblemList
          id="estimate-warnings"
          title={t('problems.warningsTitle', { count: warnings.length })}
          problems={warnings}
          projectId={projectId}
          titleOf={titleOf}
          nameOf={nameOf}
        />
      )}
    </>
  );
}
