import { useTranslation } from 'react-i18next';
import type { ChapterTimeline } from '../../api/listening';
import { useFormat } from '../../ui/format';

/** The chapter master's measured loudness, as the retailers' rules read it. */
export function LoudnessPanel({ master }: { master: NonNullable<ChapterTimeline['master']> }) {
  const { t, i18n } = useTranslation('listen');
  const format = useFormat();
  const decibels = new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const rows: [string, string][] = [
    [t('loudness.integrated'), t('loudness.lufs', { value: decibels.format(master.integratedLufs) })],
    [t('loudness.rms'), t('loudness.db', { value: decibels.format(master.rmsDb) })],
    [t('loudness.peak'), t('loudness.db', { value: decibels.format(master.peakDb) })],
    [t('loudness.truePeak'), t('loudness.db', { value: decibels.format(master.truePeakDb) })],
    [t('loudness.noiseFloor'), t('loudness.db', { value: decibels.format(master.noiseFloorDb) })],
    [t('loudness.duration'), format.duration(master.durationSec)],
  ];
  return (
    <section className="card loudness" aria-labelledby="loudness-title">
      <h3 id="loudness-title" className="card__title">
        {t('loudness.title')}
      </h3>
      <dl className="loudness__list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="small muted">{t('loudness.masteredAt', { when: format.dateTime(master.masteredAt) })}</p>
      {!master.matchesPlan && <p className="small">{t('loudness.outdated')}</p>}
    </section>
  );
}
