import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../ui/Alert';
import { TextField } from '../ui/TextField';
import { ListInput } from './ListInput';
import { useValidationText } from '../ui/validation';
import { LanguagePicker } from './LanguagePicker';
import {
  defaultDisclosure,
  isDefaultDisclosure,
  validateMetadata,
  type FieldErrors,
  type FormField,
  type MetadataFormValues,
} from './formModel';

interface ProjectFormProps {
  initialValues: MetadataFormValues;
  submitLabel: string;
  submitting: boolean;
  fieldErrors: FieldErrors;
  /** Problems that belong to no single input (or a general failure). */
  formErrors: string[];
  onSubmit(values: MetadataFormValues): void;
  onCancel?(): void;
}

/** Book metadata, grouped the way a producer thinks about it. Used for both creating and editing a project. */
export function ProjectForm({
  initialValues,
  submitLabel,
  submitting,
  fieldErrors,
  formErrors,
  onSubmit,
  onCancel,
}: ProjectFormProps) {
  const { t } = useTranslation(['projects', 'common']);
  const validationText = useValidationText();
  const [values, setValues] = useState(initialValues);
  const [localErrors, setLocalErrors] = useState<FieldErrors | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Errors found here before sending replace the server's; the server's show when the browser found none.
  const shownErrors = localErrors && Object.keys(localErrors).length > 0 ? localErrors : fieldErrors;
  const errorCount = Object.keys(shownErrors).length + formErrors.length;

  useEffect(() => {
    if (errorCount > 0) summaryRef.current?.focus();
  }, [shownErrors, formErrors, errorCount]);

  const set =
    <K extends FormField>(field: K) =>
    (value: MetadataFormValues[K]) =>
      setValues((current) => {
        const next = { ...current, [field]: value };
        // The disclosure follows the book's language until someone writes their own.
        if (field === 'language' && isDefaultDisclosure(current.digitalVoiceDisclosure)) {
          next.digitalVoiceDisclosure = defaultDisclosure(String(value));
        }
        return next;
      });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateMetadata(values);
    setLocalErrors(problems);
    if (Object.keys(problems).length === 0) onSubmit(values);
  };
  const errorText = (name: FormField) =>
    validationText(shownErrors[name], name === 'seriesNumber' ? 'seriesNumber' : name);
  const field = (name: FormField) => ({ id: `field-${name}`, error: errorText(name) });

  return (
    <form className="form" onSubmit={submit} noValidate aria-describedby={errorCount > 0 ? 'form-errors' : undefined}>
      {errorCount > 0 && (
        <div ref={summaryRef} tabIndex={-1} id="form-errors" className="form__summary">
          <Alert tone="error" title={t('form.errorSummary', { count: errorCount })}>
            <ul>
              {(Object.keys(shownErrors) as FormField[]).map((name) => (
                <li key={name}>
                  <a href={`#field-${name}`}>
                    {t(`fields.${name}`)}: {errorText(name)}
                  </a>
                </li>
              ))}
              {formErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}

      <fieldset className="form__section">
        <legend>{t('form.sections.book')}</legend>
        <TextField
          {...field('title')}
          label={t('fields.title')}
          value={values.title}
          onChange={set('title')}
          required
          maxLength={300}
        />
        <TextField
          {...field('subtitle')}
          label={t('fields.subtitle')}
          value={values.subtitle}
          onChange={set('subtitle')}
          maxLength={300}
        />
        <TextField
          {...field('description')}
          label={t('fields.description')}
          value={values.description}
          onChange={set('description')}
          multiline
          rows={5}
          maxLength={4000}
        />
        <LanguagePicker
          {...field('language')}
          label={t('fields.language')}
          hint={t('hints.language')}
          value={values.language}
          onChange={set('language')}
        />
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('form.sections.contributors')}</legend>
        <div className="form__grid form__grid--two">
          <ListInput
            {...field('authors')}
            label={t('fields.authors')}
            hint={t('hints.list')}
            values={values.authors}
            onChange={set('authors')}
            required
            maxItems={20}
          />
          <ListInput
            {...field('narrators')}
            label={t('fields.narrators')}
            values={values.narrators}
            onChange={set('narrators')}
            maxItems={20}
          />
          <ListInput
            {...field('translators')}
            label={t('fields.translators')}
            values={values.translators}
            onChange={set('translators')}
            maxItems={20}
          />
          <ListInput
            {...field('adaptors')}
            label={t('fields.adaptors')}
            values={values.adaptors}
            onChange={set('adaptors')}
            maxItems={20}
          />
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('form.sections.discovery')}</legend>
        <div className="form__grid form__grid--two">
          <ListInput
            {...field('keywords')}
            label={t('fields.keywords')}
            values={values.keywords}
            onChange={set('keywords')}
            maxItems={25}
          />
          <ListInput
            {...field('categories')}
            label={t('fields.categories')}
            values={values.categories}
            onChange={set('categories')}
            maxItems={10}
          />
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('form.sections.publication')}</legend>
        <div className="form__grid">
          <TextField
            {...field('publisher')}
            label={t('fields.publisher')}
            value={values.publisher}
            onChange={set('publisher')}
            maxLength={200}
          />
          <TextField
            {...field('publicationDate')}
            label={t('fields.publicationDate')}
            hint={t('hints.publicationDate')}
            value={values.publicationDate}
            onChange={set('publicationDate')}
            placeholder="2025-03-14"
            maxLength={10}
          />
          <TextField
            {...field('isbn')}
            label={t('fields.isbn')}
            hint={t('hints.isbn')}
            value={values.isbn}
            onChange={set('isbn')}
            maxLength={20}
          />
          <TextField
            {...field('seriesName')}
            label={t('fields.seriesName')}
            value={values.seriesName}
            onChange={set('seriesName')}
            maxLength={200}
          />
          <TextField
            {...field('seriesNumber')}
            label={t('fields.seriesNumber')}
            value={values.seriesNumber}
            onChange={set('seriesNumber')}
            type="number"
            inputMode="decimal"
          />
        </div>
        <TextField
          {...field('rights')}
          label={t('fields.rights')}
          value={values.rights}
          onChange={set('rights')}
          multiline
          rows={2}
          maxLength={1000}
        />
        <TextField
          {...field('digitalVoiceDisclosure')}
          label={t('fields.digitalVoiceDisclosure')}
          hint={t('hints.digitalVoiceDisclosure')}
          value={values.digitalVoiceDisclosure}
          onChange={set('digitalVoiceDisclosure')}
          multiline
          rows={2}
          required
          maxLength={500}
        />
      </fieldset>

      <div className="form__actions">
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={submitting}>
            {t('common:actions.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={submitting} aria-busy={submitting}>
          {submitting ? t('common:actions.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
