import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateCharacterRequest, UpdateCharacterRequest } from '@core/api/characters';
import { useSaveCharacter } from '../../api/characters';
import type { Character } from '../../api/types';
import { NARRATOR } from '../../api/types';
import { ListInput } from '../../projects/ListInput';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errorText';
import { useToast } from '../../ui/Toasts';
import { useValidationText, zodErrorMap } from '../../ui/validation';
import { useStudio } from '../StudioContext';

const GENDERS = ['female', 'male', 'unknown'] as const;
const AGES = ['child', 'teen', 'young_adult', 'adult', 'elderly'] as const;
const IMPORTANCES = ['main', 'supporting', 'minor'] as const;

/** Add a character by hand or correct one: checked with the API's own schema before saving. */
export function CharacterDialog({ character, onClose }: { character?: Character; onClose(): void }) {
  const { project } = useStudio();
  const { t } = useTranslation(['characters', 'common']);
  const errorText = useErrorText();
  const validationText = useValidationText();
  const toast = useToast();
  const save = useSaveCharacter(project.id);
  const isNarrator = character?.id === NARRATOR;
  const [aliases, setAliases] = useState<string[]>(character?.aliases ?? []);
  const form = useForm({
    resolver: zodResolver(character ? UpdateCharacterRequest : CreateCharacterRequest, { error: zodErrorMap }),
    defaultValues: {
      name: character?.name ?? '',
      gender: character?.gender ?? 'unknown',
      ageBand: character?.ageBand ?? 'adult',
      description: character?.description ?? '',
      importance: character?.importance ?? 'minor',
      aliases,
    },
  });
  const nameError = validationText(form.formState.errors.name?.message, 'name');
  const submit = form.handleSubmit((values) =>
    save.mutate(
      { characterId: character?.id, etag: character?.etag, input: { ...values, aliases } },
      {
        onSuccess: () => {
          toast.show(character ? t('dialog.saved') : t('dialog.added'));
          onClose();
        },
      },
    ),
  );
  return (
    <Dialog
      open
      title={
        character ? t('dialog.editTitle', { name: isNarrator ? t('narrator') : character.name }) : t('dialog.addTitle')
      }
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" form="character-form" className="button button--primary" disabled={save.isPending}>
            {t('dialog.save')}
          </button>
        </>
      }
    >
      <form id="character-form" className="form" noValidate onSubmit={(event) => void submit(event)}>
        {save.error && <Alert tone="error">{errorText(save.error)}</Alert>}
        <div className={`field${nameError ? ' field--invalid' : ''}`}>
          <label htmlFor="character-name">{t('dialog.name')}</label>
          <input
            id="character-name"
            {...form.register('name')}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'character-name-error' : undefined}
          />
          {nameError && (
            <p id="character-name-error" className="field__error">
              {nameError}
            </p>
          )}
        </div>
        {!isNarrator && (
          <ListInput
            id="character-aliases"
            label={t('dialog.aliases')}
            hint={t('dialog.aliasesHint')}
            values={aliases}
            onChange={(next) => {
              setAliases(next);
              form.setValue('aliases', next);
            }}
            maxItems={50}
          />
        )}
        <div className="form__grid form__grid--two">
          <div className="field">
            <label htmlFor="character-gender">{t('dialog.gender')}</label>
            <select id="character-gender" {...form.register('gender')}>
              {GENDERS.map((gender) => (
                <option key={gender} value={gender}>
                  {t(`gender.${gender}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="character-age">{t('dialog.age')}</label>
            <select id="character-age" {...form.register('ageBand')}>
              {AGES.map((age) => (
                <option key={age} value={age}>
                  {t(`age.${age}`)}
                </option>
              ))}
            </select>
          </div>
          {!isNarrator && (
            <div className="field">
              <label htmlFor="character-importance">{t('dialog.importance')}</label>
              <select id="character-importance" {...form.register('importance')}>
                {IMPORTANCES.map((importance) => (
                  <option key={importance} value={importance}>
                    {t(`importance.${importance}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor="character-description">{t('dialog.description')}</label>
          <textarea id="character-description" rows={3} {...form.register('description')} />
        </div>
      </form>
    </Dialog>
  );
}
