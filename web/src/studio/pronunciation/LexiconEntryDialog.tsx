import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateLexiconEntryRequest } from '@core/api/lexicon';
import { auditionVoice, useCasting, useVoices } from '../../api/casting';
import { useSaveLexiconEntry } from '../../api/lexicon';
import type { LexiconEntry } from '../../api/types';
import { NARRATOR } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { AuditionPlayer } from '../../ui/AuditionPlayer';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/Toasts';
import { useValidationText, zodErrorMap } from '../../ui/validation';
import { useStudio } from '../StudioContext';

interface Initial {
  grapheme: string;
  locale: string;
}

/**
 * A pronunciation: the written word and what to say instead (an alias) or its IPA, for the book's language or all.
 * Checked with the API's own schema; an alias can be heard in the narrator's voice before saving.
 */
export function LexiconEntryDialog({
  entry,
  initial,
  onClose,
}: {
  entry?: LexiconEntry;
  initial?: Initial;
  onClose(): void;
}) {
  const { project } = useStudio();
  const { t } = useTranslation(['pronunciation', 'common']);
  const format = useFormat();
  const errorText = useErrorText();
  const validationText = useValidationText();
  const toast = useToast();
  const save = useSaveLexiconEntry(project.id);
  const casting = useCasting(project.id);
  const language = project.metadata.language;
  const voices = useVoices({ language: language.split('-')[0] });
  const form = useForm({
    resolver: zodResolver(CreateLexiconEntryRequest, { error: zodErrorMap }),
    defaultValues: {
      grapheme: entry?.grapheme ?? initial?.grapheme ?? '',
      locale: entry?.locale ?? initial?.locale ?? language,
      kind: entry?.kind ?? 'alias',
      value: entry?.value ?? '',
      wholeWord: entry?.wholeWord ?? true,
      caseSensitive: entry?.caseSensitive ?? false,
      notes: entry?.notes ?? '',
    },
  });
  const [kind, value] = useWatch({ control: form.control, name: ['kind', 'value'] });
  const errors = form.formState.errors;
  const narratorVoice =
    casting.data?.assignments.find((item) => item.characterId === NARRATOR)?.voice?.voiceName ??
    voices.data?.items[0]?.name;
  const localeOptions = [...new Set([language, language.split('-')[0], '*'])];
  const submit = form.handleSubmit((input) =>
    save.mutate(
      { entry, input },
      {
        onSuccess: (change) => {
          toast.show(t('dialog.saved', { grapheme: change.entry.grapheme, count: change.segmentsAffected }));
          onClose();
        },
      },
    ),
  );
  const fieldError = (name: 'grapheme' | 'value') => validationText(errors[name]?.message, name);

  return (
    <Dialog
      open
      title={entry ? t('dialog.editTitle', { grapheme: entry.grapheme }) : t('dialog.addTitle')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" form="lexicon-form" className="button button--primary" disabled={save.isPending}>
            {t('dialog.save')}
          </button>
        </>
      }
    >
      <form id="lexicon-form" className="form" noValidate onSubmit={(event) => void submit(event)}>
        {save.error && <Alert tone="error">{errorText(save.error, { conflict: t('dialog.exists') })}</Alert>}
        {(['grapheme', 'value'] as const).map((name) => (
          <div key={name} className={`field${fieldError(name) ? ' field--invalid' : ''}`}>
            <label htmlFor={`lexicon-${name}`}>
              {name === 'value' ? t(kind === 'ipa' ? 'dialog.ipa' : 'dialog.alias') : t('dialog.grapheme')}
            </label>
            <input
              id={`lexicon-${name}`}
              {...form.register(name)}
              lang={name === 'grapheme' ? language : undefined}
              aria-invalid={fieldError(name) ? true : undefined}
              aria-describedby={`lexicon-${name}-hint${fieldError(name) ? ` lexicon-${name}-error` : ''}`}
            />
            <p id={`lexicon-${name}-hint`} className="field__hint">
              {name === 'grapheme'
                ? t('dialog.graphemeHint')
                : t(kind === 'ipa' ? 'dialog.ipaHint' : 'dialog.aliasHint')}
            </p>
            {fieldError(name) && (
              <p id={`lexicon-${name}-error`} className="field__error">
                {fieldError(name)}
              </p>
            )}
          </div>
        ))}
        <fieldset className="form__section form__section--compact">
          <legend>{t('dialog.kind')}</legend>
          <label className="checkbox">
            <input type="radio" value="alias" {...form.register('kind')} />
            {t('kinds.alias')}
          </label>
          <label className="checkbox">
            <input type="radio" value="ipa" {...form.register('kind')} />
            {t('kinds.ipa')}
          </label>
        </fieldset>
        <div className="form__grid form__grid--two">
          <div className="field">
            <label htmlFor="lexicon-locale">{t('dialog.locale')}</label>
            <select id="lexicon-locale" {...form.register('locale')}>
              {localeOptions.map((option) => (
                <option key={option} value={option}>
                  {option === '*' ? t('dialog.allLanguages') : `${format.languageName(option)} (${option})`}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" {...form.register('wholeWord')} />
              {t('dialog.wholeWord')}
            </label>
            <label className="checkbox">
              <input type="checkbox" {...form.register('caseSensitive')} />
              {t('dialog.caseSensitive')}
            </label>
          </div>
        </div>
        <div className="field">
          <label htmlFor="lexicon-notes">{t('dialog.notes')}</label>
          <textarea id="lexicon-notes" rows={2} {...form.register('notes')} />
        </div>
        {kind === 'alias' && narratorVoice && value.trim() ? (
          <AuditionPlayer
            label={t('dialog.audition')}
            load={(signal) => auditionVoice(narratorVoice, { text: value.trim(), locale: language }, signal)}
          />
        ) : (
          <p className="small muted">{kind === 'ipa' ? t('dialog.ipaAudition') : t('dialog.auditionHint')}</p>
        )}
      </form>
    </Dialog>
  );
}
