import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMergeCharacter } from '../../api/characters';
import type { Character } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { useErrorText } from '../../ui/errorText';
import { useToast } from '../../ui/Toasts';
import { useStudio } from '../StudioContext';

/** Two entries that are one person: this one's lines and aliases move to the chosen character. */
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
  const merge = useMergeCharacter(project.id);
  const [target, setTarget] = useState(others[0]?.id ?? '');
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
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name}
            </option>
          ))}
        </select>
      </div>
      {merge.error && <Alert tone="error">{errorText(merge.error)}</Alert>}
    </Dialog>
  );
}
