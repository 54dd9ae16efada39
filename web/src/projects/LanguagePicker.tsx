import { useTranslation } from 'react-i18next';
import { useFormat } from '../ui/format';
import { describedByIds, FieldNotes } from '../ui/FieldNotes';
import { SUPPORTED_BOOK_LANGUAGES } from './formModel';

interface LanguagePickerProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
}

/**
 * The book's language, chosen from the locales the studio supports, each named in the reader's language and grouped
 * by language. A value from outside the list (an older project) stays selectable so an edit never changes it.
 */
export function LanguagePicker({ id, label, value, onChange, hint, error }: LanguagePickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const options =
    SUPPORTED_BOOK_LANGUAGES.includes(value) || !value
      ? SUPPORTED_BOOK_LANGUAGES
      : [value, ...SUPPORTED_BOOK_LANGUAGES];
  const groups = new Map<string, string[]>();
  for (const tag of options) {
    const base = tag.split('-')[0];
    groups.set(base, [...(groups.get(base) ?? []), tag]);
  }
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        <span className="field__required"> ({t('form.required')})</span>
      </label>
      <select
        id={id}
        name={id}
        className="field__select--fit"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByIds(hintId, errorId, hint, error)}
        required
      >
        {[...groups.entries()].map(([base, tags]) => (
          <optgroup key={base} label={format.languageName(base)}>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {format.languageName(tag)} ({tag})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}
