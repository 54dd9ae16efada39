import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describedByIds, FieldNotes } from './FieldNotes';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  type?: 'text' | 'number';
  inputMode?: 'text' | 'numeric' | 'decimal';
  list?: string;
  placeholder?: string;
  autoComplete?: string;
}

/** A labelled input whose hint and error are tied to it with `aria-describedby`, so screen readers read them out. */
export function TextField(props: TextFieldProps) {
  const { t } = useTranslation();
  const { id, label, value, onChange, hint, error, required, multiline } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = describedByIds(hintId, errorId, hint, error);
  const common = {
    id,
    name: id,
    value,
    required,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field__required"> ({t('form.required')})</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={props.rows ?? 4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          list={props.list}
          autoComplete={props.autoComplete ?? 'off'}
          step={props.type === 'number' ? 'any' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}
