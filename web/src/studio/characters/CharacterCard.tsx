import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteCharacter, useSplitAlias } from '../../api/characters';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from '../../api/client';
import { projectPath } from '../../api/keys';
import type { Character, Segment } from '../../api/types';
import { NARRATOR } from '../../api/types';
import { ActionLabel } from '../../ui/ActionLabel';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/Toasts';
import { useStudio } from '../StudioContext';

/** One character: name, aliases, gender, lines spoken, sample lines on request; edit controls for editors. */
export function CharacterCard({
  character,
  canEdit,
  onEdit,
  onMerge,
}: {
  character: Character;
  canEdit: boolean;
  onEdit(): void;
  onMerge(): void;
}) {
  const { project } = useStudio();
  const { t } = useTranslation('characters');
  const format = useFormat();
  const errorText = useErrorText();
  const toast = useToast();
  const remove = useDeleteCharacter(project.id);
  const splitAlias = useSplitAlias(project.id);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showSamples, setShowSamples] = useState(false);
  const isNarrator = character.id === NARRATOR;
  const titleId = `character-${character.id}`;
  const failure = remove.error ?? splitAlias.error;

  return (
    <li className="card character-card" aria-labelledby={titleId}>
      <div className="character-card__head">
        <h3 id={titleId} className="character-card__name">
          {isNarrator ? t('narrator') : character.name}
        </h3>
        <Badge tone={isNarrator ? 'brand' : character.importance === 'main' ? 'info' : 'neutral'}>
          {t(`importance.${character.importance}`)}
        </Badge>
      </div>
      <p className="small muted">
        {t(`gender.${character.gender}`)} · {t(`age.${character.ageBand}`)} ·{' '}
        {/* The count is of dialogue lines, which a third-person narrator has none of: "0 lines" would say it reads nothing. */}
        {isNarrator && `${t('readsNarration')}${character.dialogueLineCount > 0 ? ' · ' : ''}`}
        {(!isNarrator || character.dialogueLineCount > 0) &&
          t('lines', { count: character.dialogueLineCount, formatted: format.number(character.dialogueLineCount) })}
      </p>
      {character.aliases.length > 0 && (
        <ul className="chips" aria-label={t('aliasesOf', { name: character.name })}>
          {character.aliases.map((alias) => (
            <li key={alias} className="chip">
              <span>{alias}</span>
              {canEdit && !isNarrator && (
                <button
                  type="button"
                  className="chip__remove"
                  aria-label={t('splitAlias', { alias })}
                  title={t('splitAlias', { alias })}
                  disabled={splitAlias.isPending}
                  onClick={() =>
                    splitAlias.mutate(
                      { characterId: character.id, alias },
                      { onSuccess: () => toast.show(t('aliasSplit', { alias })) },
                    )
                  }
                >
                  ⤴
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {character.voice && (
        <p className="small">
          {t('voice')}: <span className="mono">{character.voice.voiceName}</span>
        </p>
      )}
      <button
        type="button"
        className="link-button small"
        aria-expanded={showSamples}
        onClick={() => setShowSamples((v) => !v)}
      >
        {showSamples ? t('samples.hide') : t('samples.show')}
      </button>
      {showSamples && <SampleLines characterId={character.id} />}
      {failure && <Alert tone="error">{errorText(failure)}</Alert>}
      {canEdit && (
        <div className="button-row button-row--compact">
          <button type="button" className="button button--secondary button--small" onClick={onEdit}>
            <ActionLabel visible={t('actions.editShort')} full={t('actions.edit', { name: character.name })} />
          </button>
          {!isNarrator && (
            <>
              <button type="button" className="button button--secondary button--small" onClick={onMerge}>
                <ActionLabel visible={t('actions.mergeShort')} full={t('actions.merge', { name: character.name })} />
              </button>
              <button
                type="button"
                className="button button--danger-outline button--small"
                onClick={() => setConfirmDelete(true)}
              >
                <ActionLabel visible={t('actions.deleteShort')} full={t('actions.delete', { name: character.name })} />
              </button>
            </>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('confirmDelete.title', { name: character.name })}
        confirmLabel={t('confirmDelete.action')}
        tone="danger"
        busy={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          // The card goes with the character once the list is read again, and a mutate() callback with it, so the
          // count of flagged lines would never be said; the promise outlives the card. A failure shows on the card.
          void remove
            .mutateAsync({ characterId: character.id })
            .then(
              ({ segmentsFlagged }) => toast.show(t('deleted', { count: segmentsFlagged })),
              () => undefined,
            )
            .finally(() => setConfirmDelete(false))
        }
      >
        <p>{t('confirmDelete.body', { name: character.name, count: character.dialogueLineCount })}</p>
      </ConfirmDialog>
    </li>
  );
}

function SampleLines({ characterId }: { characterId: string }) {
  const { project } = useStudio();
  const { t } = useTranslation('characters');
  const samples = useQuery({
    queryKey: ['project', project.id, 'segments', 'samples', characterId],
    queryFn: ({ signal }) =>
      apiJson<{ items: Segment[] }>(
        `${projectPath(project.id)}/segments?speakerId=${encodeURIComponent(characterId)}&pageSize=3`,
        { signal },
      ),
  });
  if (samples.isPending) return <p className="small muted">{t('samples.loading')}</p>;
  const items = samples.data?.items ?? [];
  if (items.length === 0) return <p className="small muted">{t('samples.none')}</p>;
  return (
    <ul className="sample-lines">
      {items.map((segment) => (
        <li key={segment.id}>
          <q>{segment.text.trim()}</q>
        </li>
      ))}
    </ul>
  );
}
