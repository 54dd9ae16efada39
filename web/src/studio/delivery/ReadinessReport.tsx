import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Package } from '../../api/production';
import { MIN_COVER_PX } from '../../projects/CoverPanel';
import { Badge } from '../../ui/Badge';
import { CardsTable } from '../../ui/CardsTable';
import { STEP_PATHS, type StepId } from '../steps';
import { ExpectedText, MeasuredText } from './ReadinessValueText';

type Rule = Package['readiness']['rules'][number];

/** Rule ids the report knows how to explain; an unknown one is shown with the server's own description. */
export const KNOWN_RULES = [
  'format',
  'sample-rate',
  'bitrate',
  'cbr',
  'channels',
  'rms',
  'peak',
  'noise-floor',
  'room-tone-head',
  'room-tone-tail',
  'file-length',
  'file-size',
  'total-length',
  'single-file',
  'retail-sample',
  'chapter-markers',
  'credits',
  'isbn',
  'disclosure',
  'cover',
] as const;
type KnownRule = (typeof KNOWN_RULES)[number];
const isKnown = (id: string): id is KnownRule => (KNOWN_RULES as readonly string[]).includes(id);
/**
 * The step where a failed rule is fixed, when it is not fixed by producing again: its fix names the step, and a
 * producer reading it at the end of the workflow is taken there rather than left to find it among twelve.
 */
const FIXED_IN_STEP: Partial<Record<KnownRule, StepId>> = {
  cover: 'book',
  isbn: 'book',
  credits: 'book',
  disclosure: 'book',
  'chapter-markers': 'chapters',
  'file-length': 'chapters',
  'file-size': 'chapters',
};
/** The retailer's own smallest cover when the rule carries it (Apple's is smaller than ACX's), else the strictest. */
const coverMinimum = (rule: Rule): number => Number(rule.expectedValue?.params.minPx) || MIN_COVER_PX;

/**
 * A package's readiness for its retailer, rule by rule, failed rules first: passed or failed (in words and colour), what was measured
 * against what the retailer expects (in the reader's language when the server gave the values as codes), and for a
 * failure what to do about it.
 */
export function ReadinessReport({ pkg, headingId }: { pkg: Package; headingId: string }) {
  const { t } = useTranslation(['delivery', 'estimate']);
  const fixStep = (rule: Rule) => (isKnown(rule.id) ? FIXED_IN_STEP[rule.id] : undefined);
  const failed = pkg.readiness.rules.filter((rule) => !rule.passed).length;
  // What to fix first: a retailer checks a dozen rules or more, and on a phone each is a card of its own.
  const rules = [
    ...pkg.readiness.rules.filter((rule) => !rule.passed),
    ...pkg.readiness.rules.filter((rule) => rule.passed),
  ];
  const nameOf = (rule: Rule) => (isKnown(rule.id) ? t(`rules.${rule.id}.name`) : rule.description);
  return (
    <section className="card readiness" aria-labelledby={headingId}>
      <div className="readiness__head">
        <h3 id={headingId} className="card__title">
          {t(`estimate:platformNames.${pkg.platform}`)}
        </h3>
        {pkg.readiness.passed ? (
          <Badge tone="success">{t('readiness.passed')}</Badge>
        ) : (
          <Badge tone="danger">{t('readiness.failed', { count: failed })}</Badge>
        )}
      </div>
      <CardsTable className="readiness__table">
        <caption className="visually-hidden">
          {t('readiness.caption', { platform: t(`estimate:platformNames.${pkg.platform}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('readiness.rule')}</th>
            <th scope="col">{t('readiness.result')}</th>
            <th scope="col">{t('readiness.measured')}</th>
            <th scope="col">{t('readiness.expected')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            <tr key={`${rule.id}-${index}`} className={rule.passed ? 'rule--passed' : 'rule--failed'}>
              <th scope="row">
                {nameOf(rule)}
                {!rule.passed && (
                  <p className="rule__fix small">
                    {isKnown(rule.id)
                      ? t(`rules.${rule.id}.fix`, { minimum: coverMinimum(rule) })
                      : t('readiness.genericFix')}
                  </p>
                )}
                {!rule.passed && <FixStepLink projectId={pkg.projectId} step={fixStep(rule)} />}
              </th>
              <td>
                <Badge tone={rule.passed ? 'success' : 'danger'}>
                  {rule.passed ? t('readiness.rulePassed') : t('readiness.ruleFailed')}
                </Badge>
              </td>
              <td className="mono" data-label={t('readiness.measured')}>
                <MeasuredText rule={rule} />
              </td>
              <td className="mono" data-label={t('readiness.expected')}>
                <ExpectedText rule={rule} />
              </td>
            </tr>
          ))}
        </tbody>
      </CardsTable>
    </section>
  );
}

/** A link to the step a failed rule is fixed in, on a line of its own under the fix. */
function FixStepLink({ projectId, step }: { projectId: string; step: StepId | undefined }) {
  const { t } = useTranslation(['delivery', 'studio']);
  if (!step) return null;
  return (
    <Link className="rule__step small" to={`/projects/${projectId}/${STEP_PATHS[step]}`}>
      {t('readiness.openStep', { step: t(`studio:steps.${step}`) })}
    </Link>
  );
}
