import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import validationCatalog from '../i18n/locales/en-US/errors.json';

/**
 * Forms check their fields with core's own zod schemas before anything is sent. zod words its messages in English,
 * so the error map below turns each built-in issue into a translation key with its numbers
 * (`i18n:tooLong|{"maximum":300}`); messages a schema spells out itself (refinements such as the ISBN checksum) are
 * translated per field instead (`validation.fields.<field>`).
 */
const PREFIX = 'i18n:';
/** Rule keys without i18next's plural suffixes (`tooLong_one`, `tooLong_other` → `tooLong`). */
type RuleKey = keyof typeof validationCatalog.validation.rules extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K
  : never;
type FieldKey = keyof typeof validationCatalog.validation.fields;

function encode(key: RuleKey, params: Record<string, unknown> = {}): string {
  return `${PREFIX}${key}|${JSON.stringify(params)}`;
}

/** Pass to `schema.safeParse(value, { error: zodErrorMap })` or to the zod resolver's schema options. */
export const zodErrorMap: z.core.$ZodErrorMap = (issue) => {
  const origin = 'origin' in issue ? String(issue.origin) : '';
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (origin === 'string') return minimum <= 1 ? encode('required') : encode('tooShort', { count: minimum });
      if (origin === 'array') return minimum <= 1 ? encode('required') : encode('tooFew', { count: minimum });
      return encode('tooSmall', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (origin === 'string') return encode('tooLong', { count: maximum });
      if (origin === 'array') return encode('tooMany', { count: maximum });
      return encode('tooLarge', { maximum });
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? encode('required') : encode('invalid');
    case 'invalid_format':
      return encode('invalidFormat');
    case 'unrecognized_keys':
      return encode('invalid');
    default:
      return undefined;
  }
};

const rules: Record<string, string> = validationCatalog.validation.rules;
const isRuleKey = (key: string): key is RuleKey => key in rules || `${key}_other` in rules;
const isFieldKey = (key: string): key is FieldKey => key in validationCatalog.validation.fields;

/** The translated text for one field's error message, whichever way it was produced. */
export function useValidationText() {
  const { t } = useTranslation('errors');
  return (message: string | undefined, field: string): string | undefined => {
    if (!message) return undefined;
    if (message.startsWith(PREFIX)) {
      const [key, json] = message.slice(PREFIX.length).split('|');
      const params = JSON.parse(json || '{}') as Record<string, number>;
      if (isRuleKey(key)) return t(`validation.rules.${key}`, params);
    }
    return isFieldKey(field) ? t(`validation.fields.${field}`) : t('validation.rules.invalid');
  };
}
