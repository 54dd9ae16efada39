import { useTranslation } from 'react-i18next';
import type { Package } from '../../api/production';

type Rule = Package['readiness']['rules'][number];
type Value = NonNullable<Rule['expectedValue']>;

/**
 * What a readiness rule measured, in the reader's language: each value from its code and params, with numbers written
 * the reader's way ("0,57 h" in Portuguese). Packages built before rules carried codes have only the server's English
 * text, shown as such.
 */
export function MeasuredText({ rule }: { rule: Rule }) {
  const say = useValueSayer();
  const { t } = useTranslation('delivery');
  if (!rule.measuredValues?.length) return <span lang="en">{rule.measured}</span>;
  const expected = rule.expectedValue?.code === 'literal' ? String(rule.expectedValue.params.text ?? '') : '';
  const values = rule.measuredValues
    .map(say)
    .map((text) => (rule.id === 'format' ? formatAsTheRetailerNamesIt(text, expected) : text))
    .join(', ');
  if (!rule.failingFile) return <>{values}</>;
  const others = rule.failingFile.otherFailingFiles;
  return (
    <>
      {t('values.failingFile', { file: rule.failingFile.name, value: values })}
      {others > 0 && <> {t('values.moreFiles', { count: others })}</>}
    </>
  );
}

/** What the retailer expects of a rule, in the reader's language, or the server's English for an older package. */
export function ExpectedText({ rule }: { rule: Rule }) {
  const say = useValueSayer();
  if (!rule.expectedValue) return <span lang="en">{rule.expected}</span>;
  return <>{say(rule.expectedValue)}</>;
}

function useValueSayer(): (value: Value) => string {
  const { t, i18n } = useTranslation('delivery');
  const language = i18n.language;
  const number = (amount: string | number | undefined, decimals?: string | number) => {
    const digits = decimals === undefined ? undefined : Number(decimals);
    return new Intl.NumberFormat(language, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits ?? 3,
    }).format(Number(amount ?? 0));
  };
  // Pixel sizes are grouped the reader's way, as the cover panel writes them ("3.000 × 3.000 px" in Portuguese).
  const pixels = (amount: string | number | undefined) => number(amount, 0);
  const say = (value: Value): string => {
    const p = value.params;
    const unit = String(p.unit ?? '');
    switch (value.code) {
      case 'quantity':
        return t('values.quantity', { value: number(p.value, p.decimals), unit });
      case 'at_most':
      case 'at_least':
      case 'less_than':
        return t(`values.${value.code}`, { value: number(p.value), unit });
      case 'range':
        return t('values.range', { min: number(p.min), max: number(p.max), unit });
      case 'file_count':
        return t('values.file_count', { count: Number(p.count ?? 0) });
      case 'channel_layout': {
        const channels = Number(p.channels ?? 0);
        if (channels === 1) return t('values.mono');
        if (channels === 2) return t('values.stereo');
        return t('values.channels', { count: channels });
      }
      case 'markers':
        return t('values.markers', { count: Number(p.count ?? 0), titled: Number(p.titled ?? 0) });
      case 'all_markers_titled':
        return t('values.all_markers_titled', { min: Number(p.min ?? 1) });
      case 'chapter_markers':
        return t(Number(p.credits) ? 'values.chapter_markers_credits' : 'values.chapter_markers', {
          count: Number(p.chapters ?? 0),
          markers: Number(p.count ?? 0),
          titled: Number(p.titled ?? 0),
        });
      case 'marker_per_chapter':
        return t(Number(p.credits) ? 'values.marker_per_chapter_credits' : 'values.marker_per_chapter', {
          count: Number(p.count ?? 0),
        });
      case 'cover_measured':
        return `${pixels(p.width)} × ${pixels(p.height)} px ${String(p.colorSpace ?? '')} ${String(p.format ?? '')}`;
      case 'cover_expected': {
        const size = Number(p.maxPx)
          ? t('values.range', { min: pixels(p.minPx), max: pixels(p.maxPx), unit: 'px' })
          : t('values.at_least', { value: pixels(p.minPx), unit: 'px' });
        const parts = [Number(p.square) ? t('values.square') : '', size, Number(p.rgb) ? 'RGB' : '', String(p.formats)];
        return parts.filter(Boolean).join(', ');
      }
      case 'literal':
        return String(p.text ?? '');
      default:
        return t(`values.${value.code}`);
    }
  };
  return say;
}

/**
 * The audio probe names a container by its reader's whole family ("mov,mp4,m4a,3gp,3g2,mj2/aac"), which reads as six
 * formats to a producer: the family member the retailer accepts (from the expected "mp4/aac, mp3/mp3"), else the
 * first, is the one said.
 */
function formatAsTheRetailerNamesIt(measured: string, expected: string): string {
  const slash = measured.lastIndexOf('/');
  if (slash < 0) return measured;
  const family = measured.slice(0, slash).split(',');
  if (family.length < 2) return measured;
  const accepted = expected.split(',').map((format) => format.trim().split('/')[0]);
  return `${accepted.find((container) => family.includes(container)) ?? family[0]}${measured.slice(slash)}`;
}
