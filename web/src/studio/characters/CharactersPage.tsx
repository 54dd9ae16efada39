import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChapters } from '../../api/chapters';
import { useCharacters, useStartJob } from '../../api/characters';
import { isFinished, jobFraction, useJobProgress } from '../../api/jobs';
import type { Character } from '../../api/types';
import { NARRATOR } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { Loading } from '../../ui/Loading';
import { ProgressBar } from '../../ui/ProgressBar';
import { speakingCast, speaksIn } from '../casting/speakingCast';
import { useStudio } from '../StudioContext';
import { CharacterCard } from './CharacterCard';
import { CharacterDialog } from './CharacterDialog';
import { MergeDialog } from './MergeDialog';
import { matchesName } from './characterNames';
import { useJobCounts, withCounts } from '../jobCounts';

/** Past this many, a book's characters are a long page to scroll: the list gets a search box. */
const FIND_FROM = 12;

type Editing =
  { kind: 'edit'; character: Character } | { kind: 'add' } | { kind: 'merge'; character: Character } | null;

/** Who is in the book: run detection, then correct it (rename, aliases, merge, split an alias off, delete, add). */
export function CharactersPage() {
  const { project, access, status } = useStudio();
  const { t } = useTranslation('characters');
  const jobCounts = useJobCounts();
  const errorText = useErrorText();
  const characters = useCharacters(project.id);
  // Plans give lines to characters detection found none for: the chapters' speakers count them as speaking.
  const chapters = useChapters(project.id);
  const detect = useStartJob(project.id, 'characters/detect');
  const [jobId, setJobId] = useState<string | null>(null);
  const activeDetection = status.activeJob?.kind === 'characters' ? status.activeJob.id : null;
  const job = useJobProgress(project.id, jobId ?? activeDetection);
  const [editing, setEditing] = useState<Editing>(null);
  const [query, setQuery] = useState('');
  const running = Boolean(job.data && !isFinished(job.data));
  // The list is read again when the job ends: until it is, its count is the one from before detection ("0 found").
  const listReadAfterJob = job.data?.status !== 'succeeded' || characters.dataUpdatedAt > job.dataUpdatedAt;
  const hasChapters = (status.facts?.chapterCount ?? 0) > 0;

  if (characters.isPending) return <Loading />;
  const list = characters.data ?? [];
  const sorted = [...list].sort(
    (a, b) => Number(b.id === NARRATOR) - Number(a.id === NARRATOR) || b.dialogueLineCount - a.dialogueLineCount,
  );
  const finding = list.length > FIND_FROM;
  const searching = finding && Boolean(query.trim());
  const shown = searching ? sorted.filter((character) => matchesName(character, query)) : sorted;
  const speaks = speaksIn(chapters.data);
  // The whole list's counts, under the navigation's words (speaking characters, the narrator included): the page said
  // "74 characters" found, counting the ones who never speak, where the navigation said "60 speaking characters".
  const cast = speakingCast(list, chapters.data);
  const speaking = shown.filter(speaks);
  const silent = shown.filter((character) => !speaks(character)).sort((a, b) => a.name.localeCompare(b.name));
  const card = (character: Character) => (
    <CharacterCard
      key={character.id}
      character={character}
      canEdit={access.canEdit}
      onEdit={() => setEditing({ kind: 'edit', character })}
      onMerge={() => setEditing({ kind: 'merge', character })}
    />
  );

  return (
    <div className="step-page">
      <header className="step-page__header step-page__header--actions">
        <div>
          <h2>{t('title')}</h2>
          <p className="muted">{t('intro')}</p>
        </div>
        {access.canEdit && (
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={running || detect.isPending || !hasChapters}
              onClick={() => detect.mutate({}, { onSuccess: ({ job: started }) => setJobId(started.id) })}
            >
              {list.length > 1 ? t('detect.again') : t('detect.start')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing({ kind: 'add' })}>
              {t('add')}
            </button>
          </div>
        )}
      </header>
      {!hasChapters && <Alert tone="info">{t('needsChapters')}</Alert>}
      {detect.error && <Alert tone="error">{errorText(detect.error, { conflict: t('detect.busy') })}</Alert>}
      {job.data && (running || !listReadAfterJob) && (
        <ProgressBar
          label={t('detect.running')}
          value={jobFraction(job.data)}
          detail={withCounts(t('detect.running'), jobCounts(job.data))}
        />
      )}
      {job.data?.status === 'failed' && <Alert tone="error">{t('detect.failed')}</Alert>}
      {job.data?.status === 'succeeded' && jobId && listReadAfterJob && (
        <Alert tone="success">
          {t('detect.done', { count: cast.speaking })}
          {cast.silent > 0 && <> {t('detect.doneSilent', { count: cast.silent })}</>}
        </Alert>
      )}
      {running && list.length > 1 && <p className="small muted">{t('detect.notFinal')}</p>}
      {characters.isError && <Alert tone="error">{errorText(characters.error)}</Alert>}
      {finding && (
        <div className="field character-find">
          <label htmlFor="character-find">{t('find.label')}</label>
          <input
            id="character-find"
            type="search"
            value={query}
            aria-describedby="character-find-hint character-find-count"
            onChange={(event) => setQuery(event.target.value)}
          />
          <p id="character-find-hint" className="small muted">
            {t('find.hint')}
          </p>
          <p id="character-find-count" className="small" aria-live="polite">
            {!query.trim()
              ? null
              : shown.length === 0
                ? t('find.none', { query: query.trim() })
                : t('find.shown', { shown: shown.length, total: list.length })}
          </p>
        </div>
      )}
      {list.length > 1 && <h3 className="characters__count">{t('speakingTitle', { count: cast.speaking })}</h3>}
      <ul className="card-grid" aria-label={t('listLabel')}>
        {speaking.map(card)}
      </ul>
      {silent.length > 0 && (
        // Open at first: merging or deleting them is the work left on them (a producer may close it).
        <details className="silent-characters" open>
          <summary>{t('silent.title', { count: silent.length })}</summary>
          <p className="small muted">{t('silent.why')}</p>
          <ul className="card-grid" aria-label={t('silent.listLabel')}>
            {silent.map(card)}
          </ul>
        </details>
      )}
      {editing?.kind === 'merge' ? (
        <MergeDialog
          character={editing.character}
          others={list.filter((c) => c.id !== editing.character.id && c.id !== NARRATOR)}
          onClose={() => setEditing(null)}
        />
      ) : editing ? (
        <CharacterDialog
          character={editing.kind === 'edit' ? editing.character : undefined}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
