import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { auditionCharacter, useSetVoice, useVoices, type VoiceChoice } from '../../api/casting';
import type { Character, Voice } from '../../api/types';
import { NARRATOR } from '../../api/types';
import { ActionLabel } from '../../ui/ActionLabel';
import { Alert } from '../../ui/Alert';
import { AuditionPlayer } from '../../ui/AuditionPlayer';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/Toasts';
import { useTextDraft } from '../../ui/useTextDraft';
import { useStudio } from '../StudioContext';

/** Per character: voice, style, style degree, rate and pitch, saved per row, with an audition of their own lines. */
export function CharacterVoices({
  characters,
  bookLocale,
  canEdit,
}: {
  characters: Character[];
  bookLocale: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation('casting');
  const voices = useVoices({ language: bookLocale.split('-')[0] });
  const sorted = [...characters].sort(
    (a, b) => Number(b.id === NARRATOR) - Number(a.id === NARRATOR) || b.dialogueLineCount - a.dialogueLineCount,
  );
  const saved = sorted.map((character) => ({ character, key: character.voice ? savedKey(character.voice) : null }));
  return (
    <section className="card" aria-labelledby="character-voices-title">
      <h3 id="character-voices-title" className="card__title">
        {t('characters.title')}
      </h3>
      <div className="table-scroll">
        <table className="data-table data-table--fit">
          <caption className="visually-hidden">{t('characters.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('characters.character')}</th>
              <th scope="col">{t('characters.voice')}</th>
              <th scope="col">{t('characters.style')}</th>
              <th scope="col">{t('characters.rate')}</th>
              <th scope="col">{t('characters.pitch')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('characters.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((character) => (
              <VoiceRow
                key={character.id}
                character={character}
                voices={voices.data?.items ?? []}
                canEdit={canEdit}
                saved={saved}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A voice choice as one comparable value: its fields in one order, an absent style or degree as null. */
function choiceKey(choice: VoiceChoice): string {
  return JSON.stringify([
    choice.voiceName,
    choice.style ?? null,
    choice.styleDegree ?? null,
    choice.ratePercent ?? 0,
    choice.pitchPercent ?? 0,
  ]);
}

function savedKey(voice: NonNullable<Character['voice']>): string {
  return choiceKey({
    voiceName: voice.voiceName,
    style: voice.style ?? undefined,
    styleDegree: voice.styleDegree ?? undefined,
    ratePercent: voice.ratePercent ?? 0,
    pitchPercent: voice.pitchPercent ?? 0,
  });
}

function choiceOf(key: string): VoiceChoice {
  const [voiceName, style, styleDegree, ratePercent, pitchPercent] = JSON.parse(key) as [
    string,
    string | null,
    number | null,
    number,
    number,
  ];
  return { voiceName, style: style ?? undefined, styleDegree: styleDegree ?? undefined, ratePercent, pitchPercent };
}

const refusedByTheirs = (error: unknown) => error instanceof ApiError && error.status === 412;

/** The voices of the character's gender first (each group in the catalogue's order), the others still offered. */
function voicesFor(character: Character, voices: Voice[]): Voice[] {
  if (character.gender === 'unknown') return voices;
  return [
    ...voices.filter((voice) => voice.gender === character.gender),
    ...voices.filter((voice) => voice.gender !== character.gender),
  ];
}

/** Who the character is, so forty voices can be chosen without going back to the characters page. */
function CharacterFacts({ character }: { character: Character }) {
  const { t } = useTranslation('characters');
  const format = useFormat();
  const lines = t('lines', {
    count: character.dialogueLineCount,
    formatted: format.number(character.dialogueLineCount),
  });
  const facts =
    character.id === NARRATOR
      ? [t('readsNarration'), ...(character.dialogueLineCount > 0 ? [lines] : [])]
      : [t(`gender.${character.gender}`), t(`age.${character.ageBand}`), lines];
  return <span className="casting__facts small muted">{facts.join(' · ')}</span>;
}

/**
 * A character who sounds exactly as the narrator does (same voice, style, rate and pitch) has lines a listener takes
 * for narration: the row being chosen says so, on the character's row or, listing them, on the narrator's.
 */
function SameAsNarrator({
  character,
  choice,
  saved,
}: {
  character: Character;
  choice: VoiceChoice;
  saved: { character: Character; key: string | null }[];
}) {
  const { t } = useTranslation('casting');
  const format = useFormat();
  if (!choice.voiceName) return null;
  const key = choiceKey(choice);
  if (character.id !== NARRATOR) {
    const narrator = saved.find((item) => item.character.id === NARRATOR);
    return narrator?.key === key ? <Alert tone="info">{t('characters.sameAsNarrator')}</Alert> : null;
  }
  const alike = saved.filter((item) => item.character.id !== NARRATOR && item.key === key);
  if (alike.length === 0) return null;
  const names = format.list(alike.map((item) => item.character.name));
  return <Alert tone="info">{t('characters.narratorSharedBy', { count: alike.length, names })}</Alert>;
}

function VoiceRow({
  character,
  voices,
  canEdit,
  saved,
}: {
  character: Character;
  voices: Voice[];
  canEdit: boolean;
  saved: { character: Character; key: string | null }[];
}) {
  const { project } = useStudio();
  const { t } = useTranslation('casting');
  const errorText = useErrorText();
  const toast = useToast();
  const setVoice = useSetVoice(project.id);
  const current = character.voice;
  // The row stays mounted while the character is saved or read again (a new ETag): a choice being made is kept when
  // the server's voice is the one saved from here, and gives way to someone else's with a notice.
  const [overruled, setOverruled] = useState(false);
  const draft = useTextDraft(
    choiceKey({
      voiceName: current?.voiceName ?? '',
      style: current?.style ?? undefined,
      styleDegree: current?.styleDegree ?? undefined,
      ratePercent: current?.ratePercent ?? 0,
      pitchPercent: current?.pitchPercent ?? 0,
    }),
    () => setOverruled(true),
  );
  const choice = choiceOf(draft.text);
  const setChoice = (next: VoiceChoice) => draft.edit(choiceKey(next));
  const voice = voices.find((item) => item.name === choice.voiceName);
  const name = character.id === NARRATOR ? t('narrator') : character.name;
  const dirty =
    choice.voiceName !== (current?.voiceName ?? '') ||
    (choice.style ?? null) !== (current?.style ?? null) ||
    (choice.ratePercent ?? 0) !== (current?.ratePercent ?? 0) ||
    (choice.pitchPercent ?? 0) !== (current?.pitchPercent ?? 0) ||
    (choice.styleDegree ?? null) !== (current?.styleDegree ?? null);
  const id = (field: string) => `voice-${character.id}-${field}`;
  return (
    <tr>
      <th scope="row">
        {name}
        <CharacterFacts character={character} />
      </th>
      <td data-label={t('characters.voice')}>
        <label htmlFor={id('voice')} className="visually-hidden">
          {t('characters.voiceFor', { name })}
        </label>
        <select
          id={id('voice')}
          value={choice.voiceName}
          disabled={!canEdit}
          onChange={(event) => setChoice({ ...choice, voiceName: event.target.value, style: undefined })}
        >
          {!choice.voiceName && <option value="">{t('characters.noVoice')}</option>}
          {choice.voiceName && !voice && <option value={choice.voiceName}>{choice.voiceName}</option>}
          {voicesFor(character, voices).map((item) => (
            <option key={item.name} value={item.name}>
              {item.name} · {t(`gender.${item.gender}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('characters.style')}>
        <label htmlFor={id('style')} className="visually-hidden">
          {t('characters.styleFor', { name })}
        </label>
        <select
          id={id('style')}
          value={choice.style ?? ''}
          disabled={!canEdit || !voice || voice.styles.length === 0}
          onChange={(event) => setChoice({ ...choice, style: event.target.value || undefined })}
        >
          <option value="">{t('characters.noStyle')}</option>
          {voice?.styles.map((style) => (
            <option key={style} value={style}>
              {style}
            </option>
          ))}
        </select>
        {choice.style && (
          <>
            <label htmlFor={id('degree')} className="visually-hidden">
              {t('characters.degreeFor', { name })}
            </label>
            <input
              id={id('degree')}
              type="range"
              min={0.1}
              max={2}
              step={0.1}
              value={choice.styleDegree ?? 1}
              disabled={!canEdit}
              onChange={(event) => setChoice({ ...choice, styleDegree: Number(event.target.value) })}
            />
          </>
        )}
      </td>
      <td data-label={t('characters.rate')}>
        <label htmlFor={id('rate')} className="visually-hidden">
          {t('characters.rateFor', { name })}
        </label>
        <input
          id={id('rate')}
          className="input--narrow"
          type="number"
          min={-50}
          max={100}
          step={5}
          value={choice.ratePercent ?? 0}
          disabled={!canEdit}
          onChange={(event) => setChoice({ ...choice, ratePercent: Number(event.target.value) })}
        />
      </td>
      <td data-label={t('characters.pitch')}>
        <label htmlFor={id('pitch')} className="visually-hidden">
          {t('characters.pitchFor', { name })}
        </label>
        <input
          id={id('pitch')}
          className="input--narrow"
          type="number"
          min={-50}
          max={50}
          step={5}
          value={choice.pitchPercent ?? 0}
          disabled={!canEdit}
          onChange={(event) => setChoice({ ...choice, pitchPercent: Number(event.target.value) })}
        />
      </td>
      <td className="data-table__actions">
        {canEdit && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={!dirty || !choice.voiceName || setVoice.isPending}
            onClick={() => {
              draft.sent(choiceKey(choice));
              setOverruled(false);
              setVoice.mutate(
                { character, choice },
                {
                  onSuccess: () => toast.show(t('characters.saved', { name })),
                  // Someone else chose a voice first: theirs is on the row now, and the row says so.
                  onError: (error) => refusedByTheirs(error) && setOverruled(true),
                },
              );
            }}
          >
            <ActionLabel visible={t('characters.saveShort')} full={t('characters.save', { name })} />
          </button>
        )}
        {current && (
          <AuditionPlayer
            label={t('characters.audition', { name })}
            shortLabel={t('characters.auditionShort')}
            load={(signal) => auditionCharacter(project.id, character.id, signal)}
          />
        )}
        <SameAsNarrator character={character} choice={choice} saved={saved} />
        {overruled && <Alert tone="warning">{t('characters.changedMeanwhile', { name })}</Alert>}
        {setVoice.error && !refusedByTheirs(setVoice.error) && <Alert tone="error">{errorText(setVoice.error)}</Alert>}
      </td>
    </tr>
  );
}
