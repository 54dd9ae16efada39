import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMergeCharacter } from '../../api/characters';
import type { Character } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/Toasts';
import { useStudio } from '../StudioContext';
import { rankMergeTargets } from './characterNames';

/**
 * Two entries that are one person: this one's lines and aliases move to the chosen character. The likeliest
 * character is offered first, and each is shown with its lines, so two entries of the same name can be told apart.
 */
export function MergeDialog({
  character,
  others,
  onClose,
}: {
  character: Character;
  others: Character[];
  onClose(): void;
}) {
  const { project } = useStudio();
  const { t } = useTranslation(['characters', 'common']);
  const errorText = useErrorText();
  const toast = useToast();
  const format = useFormat();
  const merge = useMergeCharacter(project.id);
  const [ranked] = useState(() => rankMergeTargets(character, others));
  const [target, setTarget] = useState(ranked[0]?.id ?? '');
  return (
    <Dialog
      open
      title={t('merge.title', { name: character.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!target || merge.isPending}
            onClick={() =>
              merge.mutate(
                { characterId: character.id, intoCharacterId: target },
                {
                  onSuccess: ({ character: merged, segmentsMoved }) => {
                    toast.show(t('merge.done', { name: merged.name, count: segmentsMoved }));
                    onClose();
                  },
                },
              )
            }
          >
            {t('merge.action')}
          </button>
        </>
      }
    >
      <p>{t('merge.body', { name: character.name })}</p>
      <div className="field">
        <label htmlFor="merge-target">{t('merge.into')}</label>
        <select id="merge-target" value={target} onChange={(event) => setTarget(event.target.value)}>
          {ranked.map((other) => (
            <option key={other.id} value={other.id}>
              {t('merge.target', {
                name: other.name,
                count: other.dialogueLineCount,
                formatted: format.number(other.dialogueLineCount),
              })}
            </option>
          ))}
        </select>
      </div>
      {merge.error && <Alert tone="error">{errorText(merge.error)}</Alert>}
    </Dialog>
  );
}
