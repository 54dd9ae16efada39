import { useTranslation } from 'react-i18next';
import type { BookMetadata } from '../api/types';
import { useFormat } from '../ui/format';

/** Read-only book metadata, for people who may look but not change (validators). */
export function MetadataSummary({ metadata }: { metadata: BookMetadata }) {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const list = (items: string[]) => (items.length ? format.list(items) : null);
  const series = metadata.series
    ? metadata.series.number == null
      ? metadata.series.name
      : t('seriesWithNumber', { name: metadata.series.name, number: metadata.series.number })
    : null;
  const rows: [string, string | null][] = [
    [t('fields.title'), metadata.title],
    [t('fields.subtitle'), metadata.subtitle],
    [t('fields.authors'), list(metadata.authors)],
    [t('fields.narrators'), list(metadata.narrators)],
    [t('fields.translators'), list(metadata.translators)],
    [t('fields.adaptors'), list(metadata.adaptors)],
    [t('fields.language'), `${format.languageName(metadata.language)} (${metadata.language})`],
    [t('fields.description'), metadata.description],
    [t('fields.keywords'), list(metadata.keywords)],
    [t('fields.categories'), list(metadata.categories)],
    [t('fields.publisher'), metadata.publisher],
    [t('fields.publicationDate'), metadata.publicationDate],
    [t('fields.series'), series],
    [t('fields.isbn'), metadata.isbn],
    [t('fields.rights'), metadata.rights],
    [t('fields.digitalVoiceDisclosure'), metadata.digitalVoiceDisclosure],
  ];
  return (
    <dl className="summary">
      {rows.map(([label, value]) => (
        <div key={label} className="summary__row">
          <dt>{label}</dt>
          <dd>{value ?? <span className="muted">{t('notSet')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
