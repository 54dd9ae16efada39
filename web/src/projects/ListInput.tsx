import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describedByIds, FieldNotes } from '../ui/FieldNotes';

interface ListInputProps {
  id: string;
  label: string;
  hint?: string;
  values: string[];
  onChange(values: string[]): void;
  error?: string;
  required?: boolean;
  maxItems: number;
}

/**
 * A list of short texts (authors, keywords…): type and press Enter or "Add". What is still typed when the field
 * loses focus is added too, so nothing is lost when someone goes straight to "Save".
 */
export function ListInput({ id, label, hint, values, onChange, error, required, maxItems }: ListInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const hintId = useId();
  const errorId = `${id}-error`;
  const full = values.length >= maxItems;

  const commit = () => {
    const value = draft.trim();
    if (!value || full) return;
    if (!values.includes(value)) onChange([...values, value]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  const describedBy = describedByIds(hintId, errorId, hint, error);

  return (
    <div className={`field field--list${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field__required"> ({t('form.required')})</span>}
      </label>
      {values.length > 0 && (
        <ul className="chips" aria-label={t('list.added', { label })}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span>{value}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('list.remove', { value })}
                onClick={() => onChange(values.filter((item) => item !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field__row">
        <input
          id={id}
          value={draft}
          disabled={full}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <button type="button" className="button button--secondary" onClick={commit} disabled={full || !draft.trim()}>
          {t('list.add')}
        </button>
      </div>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}
