import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditionVoice, useSetCastingPool, useVoices, type VoiceFilters } from '../../api/casting';
import type { Voice } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { AuditionPlayer } from '../../ui/AuditionPlayer';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useToast } from '../../ui/Toasts';
import { useStudio } from '../StudioContext';
import { CardsTable } from '../../ui/CardsTable';

const GENDERS: Voice['gender'][] = ['female', 'male', 'neutral'];

/** The engine's voices, filtered by language, locale, gender and style; audition any; choose the casting pool. */
export function VoiceBrowser({ bookLocale, pool, canEdit }: { bookLocale: string; pool: string[]; canEdit: boolean }) {
  const { project } = useStudio();
  const { t } = useTranslation('casting');
  const format = useFormat();
  const errorText = useErrorText();
  const toast = useToast();
  const [filters, setFilters] = useState<VoiceFilters>({ language: bookLocale.split('-')[0], gender: '' });
  const voices = useVoices(filters);
  const all = useVoices({});
  const setPool = useSetCastingPool(project.id);
  const [selected, setSelected] = useState<Set<string>>(new Set(pool));
  const languages = [...new Set((all.data?.items ?? []).map((voice) => voice.locale.split('-')[0]))].sort();
  const locales = [...new Set((all.data?.items ?? []).map((voice) => voice.locale))]
    .filter((locale) => !filters.language || locale.startsWith(`${filters.language}-`))
    .sort();
  const styles = [...new Set((voices.data?.items ?? []).flatMap((voice) => voice.styles))].sort();
  const poolChanged = selected.size !== pool.length || pool.some((name) => !selected.has(name));

  const toggle = (name: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <section className="card" aria-labelledby="voice-browser-title">
      <h3 id="voice-browser-title" className="card__title">
        {t('browser.title')}
      </h3>
      <p className="muted small">{t('browser.intro')}</p>
      <div className="toolbar">
        <div className="toolbar__filter">
          <label htmlFor="voice-language">{t('browser.language')}</label>
          <select
            id="voice-language"
            value={filters.language ?? ''}
            onChange={(event) => setFilters({ ...filters, language: event.target.value, locale: '' })}
          >
            <option value="">{t('browser.any')}</option>
            {languages.map((language) => (
              <option key={language} value={language}>
                {format.languageName(language)}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__filter">
          <label htmlFor="voice-locale">{t('browser.locale')}</label>
          <select
            id="voice-locale"
            value={filters.locale ?? ''}
            onChange={(event) => setFilters({ ...filters, locale: event.target.value })}
          >
            <option value="">{t('browser.any')}</option>
            {locales.map((locale) => (
              <option key={locale} value={locale}>
                {format.languageName(locale)} ({locale})
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__filter">
          <label htmlFor="voice-gender">{t('browser.gender')}</label>
          <select
            id="voice-gender"
            value={filters.gender ?? ''}
            onChange={(event) => setFilters({ ...filters, gender: event.target.value as Voice['gender'] | '' })}
          >
            <option value="">{t('browser.any')}</option>
            {GENDERS.map((gender) => (
              <option key={gender} value={gender}>
                {t(`gender.${gender}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__filter">
          <label htmlFor="voice-style">{t('browser.style')}</label>
          <select
            id="voice-style"
            value={filters.style ?? ''}
            onChange={(event) => setFilters({ ...filters, style: event.target.value })}
          >
            <option value="">{t('browser.any')}</option>
            {styles.map((style) => (
              <option key={style} value={style}>
                {style}
              </option>
            ))}
          </select>
        </div>
      </div>
      {voices.isPending ? (
        <Loading />
      ) : voices.isError ? (
        <Alert tone="error">{errorText(voices.error)}</Alert>
      ) : (
        <CardsTable>
          <caption className="visually-hidden">{t('browser.caption')}</caption>
          <thead>
            <tr>
              {canEdit && <th scope="col">{t('browser.inPool')}</th>}
              <th scope="col">{t('browser.voice')}</th>
              <th scope="col">{t('browser.locale')}</th>
              <th scope="col">{t('browser.gender')}</th>
              <th scope="col">{t('browser.styles')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('browser.audition')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {voices.data.items.map((voice) => (
              <tr key={voice.name}>
                {canEdit && (
                  <td data-label={t('browser.inPool')}>
                    <input
                      type="checkbox"
                      checked={selected.has(voice.name)}
                      aria-label={t('browser.poolToggle', { voice: voice.name })}
                      onChange={() => toggle(voice.name)}
                    />
                  </td>
                )}
                <th scope="row" className="mono">
                  {voice.name}
                </th>
                <td data-label={t('browser.locale')}>{format.languageName(voice.locale)}</td>
                <td data-label={t('browser.gender')}>{t(`gender.${voice.gender}`)}</td>
                <td data-label={t('browser.styles')}>{voice.styles.length ? voice.styles.join(', ') : '—'}</td>
                <td>
                  <AuditionPlayer
                    label={t('browser.auditionVoice', { voice: voice.name })}
                    shortLabel={t('browser.audition')}
                    load={(signal) => auditionVoice(voice.name, { locale: voice.locale }, signal)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </CardsTable>
      )}
      {canEdit && (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={!poolChanged || selected.size === 0 || setPool.isPending}
            onClick={() =>
              setPool.mutate([...selected], {
                onSuccess: () => toast.show(t('browser.poolSaved', { count: selected.size })),
              })
            }
          >
            {t('browser.savePool', { count: selected.size })}
          </button>
          {setPool.error && <Alert tone="error">{errorText(setPool.error)}</Alert>}
        </div>
      )}
    </section>
  );
}
