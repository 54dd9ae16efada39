import { useTranslation } from 'react-i18next';
import { useAutoCast, useCasting } from '../../api/casting';
import { useChapters } from '../../api/chapters';
import { useCharacters } from '../../api/characters';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { Loading } from '../../ui/Loading';
import { useToast } from '../../ui/Toasts';
import { useStudio } from '../StudioContext';
import { CharacterVoices } from './CharacterVoices';
import { castCounts } from './speakingCast';
import { VoiceBrowser } from './VoiceBrowser';

/** Voices for everyone: auto-cast, adjust a character's voice and hear it read their own lines, browse voices. */
export function CastingPage() {
  const { project, access, status } = useStudio();
  const { t } = useTranslation('casting');
  const errorText = useErrorText();
  const toast = useToast();
  const casting = useCasting(project.id);
  const characters = useCharacters(project.id);
  const chapters = useChapters(project.id);
  const autoCast = useAutoCast(project.id);

  if (casting.isPending || characters.isPending) return <Loading />;
  if (casting.isError) return <Alert tone="error">{errorText(casting.error)}</Alert>;
  const summary = casting.data;
  const cast = castCounts(status.facts, characters.data, chapters.data);

  return (
    <div className="step-page">
      <header className="step-page__header step-page__header--actions">
        <div>
          <h2>{t('title')}</h2>
          <p className="muted">
            {t('summary', { done: cast.voiced, total: cast.speaking })}
            {cast.silent > 0 && <> {t('silent', { count: cast.silent })}</>}
          </p>
        </div>
        {access.canEdit && (
          <button
            type="button"
            className="button button--primary"
            disabled={autoCast.isPending || summary.characterCount === 0}
            onClick={() =>
              autoCast.mutate(undefined, {
                onSuccess: (result) => toast.show(t('autoCast.done', { count: result.charactersWithVoice })),
              })
            }
          >
            {t('autoCast.action')}
          </button>
        )}
      </header>
      {autoCast.error && <Alert tone="error">{errorText(autoCast.error, { conflict: t('autoCast.noVoices') })}</Alert>}
      {summary.characterCount === 0 && <Alert tone="info">{t('needsCharacters')}</Alert>}
      <CharacterVoices
        characters={characters.data ?? []}
        bookLocale={summary.pool.bookLocale}
        canEdit={access.canEdit}
      />
      <VoiceBrowser bookLocale={summary.pool.bookLocale} pool={summary.pool.voiceNames} canEdit={access.canEdit} />
    </div>
  );
}
