import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useChapters } from '../../api/chapters';
import { useCharacters, useStartJob } from '../../api/characters';
import { isFinished, jobFraction, useJobProgress } from '../../api/jobs';
import { useThreads } from '../../api/reviews';
import { ApiError } from '../../api/client';
import { useChapterSegments } from '../../api/segments';
import type { Segment } from '../../api/types';
import { UNKNOWN_SPEAKER } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { ProgressBar } from '../../ui/ProgressBar';
import { LexiconEntryDialog } from '../pronunciation/LexiconEntryDialog';
import { ChapterThreads } from '../review/ChapterThreads';
import { DecisionBar } from '../review/DecisionBar';
import { useStudio } from '../StudioContext';
import { BulkAssign } from './BulkAssign';
import { ChapterPicker } from './ChapterPicker';
import { OutdatedPlan } from './OutdatedPlan';
import { PlanFilters, applyFilter, filterFromLink, type SegmentFilter } from './PlanFilters';
import { READING_VIEW_ID, ReadingView } from './ReadingView';
import { SegmentInspector } from './SegmentInspector';
import { speakerOptions } from './speakers';
import { relocate } from './lineRelocation';
import { useChapterToasts } from './useChapterToasts';
import { usePlanEdits } from './usePlanEdits';
import { useJobCounts, withCounts } from '../jobCounts';

/** A line's id the chapter no longer has: the edit went to its new id, or the page said it could not. */
const isGone = (error: unknown) => error instanceof ApiError && error.status === 404;

/**
 * The plan, chapter by chapter: who reads every line. Fix speakers (one at a time or all shown lines at once), edit,
 * split and merge lines, with undo and clear conflicts; reviewers read the same view and comment or decide.
 */
export function PlanPage() {
  const { project, access, status } = useStudio();
  const { chapterId } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation('plan');
  const jobCounts = useJobCounts();
  const errorText = useErrorText();
  const format = useFormat();
  const chapters = useChapters(project.id);
  const characters = useCharacters(project.id);
  const threads = useThreads(project.id);
  const startPlan = useStartJob(project.id, 'plan');
  const [jobId, setJobId] = useState<string | null>(null);
  const activePlan = status.activeJob?.kind === 'plan' ? status.activeJob.id : null;
  const job = useJobProgress(project.id, jobId ?? activePlan);
  const planning = Boolean(job.data && !isFinished(job.data));
  // A plan job names the chapters it plans when it plans some only; without a list it plans the whole book. From the
  // click on: the start is answered once the server has checked the book, seconds later on a busy host, and meanwhile
  // the page said "not planned. Use “Plan the book”" under the button just pressed.
  const starting = startPlan.isPending ? ((startPlan.variables ?? {}) as { chapterIds?: unknown }) : undefined;
  const plannedByJob = planning ? job.data?.input.chapterIds : starting?.chapterIds;
  const beingPlanned = (chapterId: string | undefined) =>
    (planning || starting !== undefined) &&
    chapterId !== undefined &&
    (!Array.isArray(plannedByJob) || (plannedByJob as unknown[]).includes(chapterId));
  const selectedChapterId = chapterId ?? chapters.data?.[0]?.id;
  const segments = useChapterSegments(project.id, selectedChapterId);
  // A link to a chapter's lines to check (the review page's "3 flagged lines") opens on them.
  const linkedShow = useSearchParams()[0].get('show');
  const [filter, setFilter] = useState<SegmentFilter>(() => filterFromLink(linkedShow) ?? { kind: 'all' });
  const [followedShow, setFollowedShow] = useState(linkedShow);
  if (followedShow !== linkedShow) {
    setFollowedShow(linkedShow);
    const asked = filterFromLink(linkedShow);
    if (asked) setFilter(asked);
  }
  // The line chosen, and the id it had when chosen: new words give it a new id, and its editor stays the same one.
  // `following`: the line was answered under a new id the chapter's lines, not read again yet, do not hold.
  const [selectedLine, setSelectedLine] = useState<{ id: string; chosenAs: string; following?: boolean } | null>(null);
  const selectedId = selectedLine?.id ?? null;
  // The chosen line as last shown, to find it again when its id goes.
  const [lastSelected, setLastSelected] = useState<Segment | null>(null);
  const setSelectedId = (id: string | null) =>
    setSelectedLine((line) => (id === null ? null : line?.id === id ? line : { id, chosenAs: id }));
  // The chosen line answered under a new id (new words, a split, a merge): the same editor follows it.
  const followLine = (fromId: string, toId: string) =>
    setSelectedLine((line) => (line?.id === fromId ? { id: toId, chosenAs: line.chosenAs, following: true } : line));
  const edits = usePlanEdits(project.id, { onLineMoved: followLine });
  // A notice about a line (a conflict, a change not sent) belongs to the chapter it was shown on: it goes when the
  // producer opens another chapter, where its line number would name some other line.
  const [noticesChapterId, setNoticesChapterId] = useState(selectedChapterId);
  if (noticesChapterId !== selectedChapterId) {
    setNoticesChapterId(selectedChapterId);
    if (edits.conflict) edits.clearConflict();
    if (edits.unapplied.length > 0) edits.clearUnapplied();
  }
  // Toasts about a line of this chapter ("Now read by The Ghost.") go with it too, and one answered after the producer
  // moved on is not said over the other chapter's lines.
  const chapterToasts = useChapterToasts(selectedChapterId);
  // One left out after the producer moved on (its save was answered late) says which chapter it was in.
  const unappliedByChapter = useMemo(() => {
    const byChapter = new Map<string, number[]>();
    for (const edit of edits.unapplied)
      byChapter.set(edit.chapterId, [...(byChapter.get(edit.chapterId) ?? []), edit.position]);
    return [...byChapter];
  }, [edits.unapplied]);
  const [selection, setSelection] = useState<{ segmentId: string; text: string } | null>(null);
  const [lexiconText, setLexiconText] = useState<string | null>(null);
  const speakerSelectRef = useRef<HTMLSelectElement>(null);
  const base = `/projects/${encodeURIComponent(project.id)}/plan`;

  const speakers = useMemo(() => speakerOptions(characters.data ?? [], t('narrator')), [characters.data, t]);
  const speakerName = (speakerId: string) =>
    speakerId === UNKNOWN_SPEAKER
      ? t('unknown')
      : (speakers.find((speaker) => speaker.id === speakerId)?.name ?? t('removedSpeaker'));
  const allSegments = segments.data ?? [];
  const shown = applyFilter(allSegments, filter);
  let selected = allSegments.find((segment) => segment.id === selectedId) ?? null;
  if (selected && selectedLine?.following) setSelectedLine({ id: selectedLine.id, chosenAs: selectedLine.chosenAs });
  // Until the chapter is read again the panel keeps the line as it was shown, so it stays mounted.
  if (!selected && selectedLine?.following) selected = lastSelected;
  if (!selected && selectedLine && lastSelected?.id === selectedLine.id) {
    // The chapter's plan was written again (new words for another line, here or elsewhere): every line has a new id,
    // and the chosen one keeps its words and its place. The panel follows it.
    selected = relocate(allSegments, lastSelected) ?? null;
    if (selected) setSelectedLine({ id: selected.id, chosenAs: selectedLine.chosenAs });
  }
  if (selected !== lastSelected && selected) setLastSelected(selected);
  const chapterThreads = (threads.data ?? []).filter((thread) => thread.chapterId === selectedChapterId);
  const openBySegment = useMemo(() => {
    const counts = new Map<string, number>();
    for (const thread of chapterThreads)
      if (thread.segmentId && thread.status === 'open')
        counts.set(thread.segmentId, (counts.get(thread.segmentId) ?? 0) + 1);
    return counts;
  }, [chapterThreads]);
  const chapterReview = status.review?.chapters.find((chapter) => chapter.chapterId === selectedChapterId);
  const hasPlan = (status.facts?.segmentCount ?? 0) > 0;

  const jumpFlagged = (direction: 1 | -1) => {
    const index = shown.findIndex((segment) => segment.id === selectedId);
    const ordered = direction === 1 ? shown.slice(index + 1) : shown.slice(0, Math.max(0, index)).reverse();
    const next = ordered.find((segment) => segment.flagged || segment.speakerId === UNKNOWN_SPEAKER);
    if (next) setSelectedId(next.id);
    else if (selectedChapterId)
      chapterToasts.show({ chapterId: selectedChapterId, message: t('keys.noMoreFlagged'), tone: 'info' });
  };
  // Undo reverses the last change wherever it was made: made in another chapter, the button and its toast name the
  // line, or the producer would see nothing change here and a line elsewhere go back unseen.
  const lastChange = edits.lastChange;
  const chapterTitle = (id: string) => chapters.data?.find((chapter) => chapter.id === id)?.title ?? '';
  const undoneElsewhere =
    lastChange && lastChange.chapterId !== selectedChapterId
      ? { line: lastChange.position, chapter: chapterTitle(lastChange.chapterId) }
      : null;
  const undoLast = () => {
    if (!lastChange) return;
    const toast = {
      chapterId: lastChange.chapterId,
      message: t('undone'),
      elsewhere: t('undoneInChapter', { line: lastChange.position, chapter: chapterTitle(lastChange.chapterId) }),
    };
    void edits.undoLast().then((ok) => ok && chapterToasts.show(toast));
  };
  const assign = async (segment: Segment, speakerId: string) => {
    // Choosing a speaker is the fix a flag asks for: the line is checked now.
    const ok = await edits.apply(segment, { speakerId, ...(segment.flagged ? { flagged: false } : {}) });
    if (ok)
      chapterToasts.show({ chapterId: segment.chapterId, message: t('assigned', { name: speakerName(speakerId) }) });
  };

  if (chapters.isPending || characters.isPending) return <Loading />;
  if (!chapters.data?.length)
    return (
      <div className="empty-state">
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.noChapters')}</p>
      </div>
    );

  return (
    <div className="plan">
      <header className="step-page__header step-page__header--actions">
        <div>
          <h2>{t('title')}</h2>
          <p className="muted">{t('intro')}</p>
        </div>
        {access.canEdit && (
          <button
            type="button"
            className="button button--primary"
            disabled={planning || startPlan.isPending}
            onClick={() => startPlan.mutate({}, { onSuccess: ({ job: started }) => setJobId(started.id) })}
          >
            {hasPlan ? t('planAgain') : t('planBook')}
          </button>
        )}
      </header>
      {startPlan.error && <Alert tone="error">{errorText(startPlan.error, { conflict: t('busy') })}</Alert>}
      {planning && job.data && (
        <ProgressBar
          label={t('planning')}
          value={jobFraction(job.data)}
          detail={withCounts(t('planning'), jobCounts(job.data))}
        />
      )}
      {job.data?.status === 'failed' && <Alert tone="error">{t('planFailed')}</Alert>}
      {!planning && (
        <OutdatedPlan
          chapters={chapters.data}
          canEdit={access.canEdit}
          busy={startPlan.isPending}
          onPlan={(chapterIds) =>
            startPlan.mutate({ chapterIds }, { onSuccess: ({ job: started }) => setJobId(started.id) })
          }
        />
      )}

      <div className="plan__toolbar">
        <ChapterPicker
          chapters={chapters.data}
          selectedId={selectedChapterId}
          beingPlanned={(chapter) => beingPlanned(chapter.id)}
          notesOf={(chapter) => {
            const review = status.review?.chapters.find((item) => item.chapterId === chapter.id);
            return [
              review && review.decision !== 'pending' ? t(`decisionShort.${review.decision}`) : null,
              review && review.openThreads > 0 ? t('openThreadsShort', { count: review.openThreads }) : null,
            ].filter((note): note is string => note !== null);
          }}
          onSelect={(id, show) => {
            setSelectedId(null);
            // Set here as well as by the link: already on `?show=flagged`, the link alone would not change the filter.
            if (show) setFilter({ kind: show });
            navigate(`${base}/${encodeURIComponent(id)}${show ? `?show=${show}` : ''}`);
          }}
        />
        <PlanFilters filter={filter} speakers={speakers} onChange={setFilter} segments={allSegments} />
        {access.canEdit && shown.length > 0 && filter.kind !== 'all' && (
          <BulkAssign
            segments={shown}
            speakers={speakers}
            apply={edits.apply}
            chapterTitle={chapterTitle}
            toasts={chapterToasts}
          />
        )}
      </div>

      {chapterReview && <DecisionBar projectId={project.id} review={chapterReview} canApprove={access.canApprove} />}
      {edits.conflict && (
        <Alert tone="warning" title={t('conflict.title')}>
          <p>{t('conflict.body')}</p>
          <button type="button" className="button button--secondary button--small" onClick={edits.clearConflict}>
            {t('conflict.ok')}
          </button>
        </Alert>
      )}
      {unappliedByChapter.length > 0 && (
        <Alert tone="warning" title={t('unapplied.title')}>
          {unappliedByChapter.map(([chapterId, positions]) => (
            <p key={chapterId}>
              {t(chapterId === selectedChapterId ? 'unapplied.body' : 'unapplied.bodyInChapter', {
                count: positions.length,
                lines: format.list(positions.map((position) => format.number(position))),
                chapter: chapters.data?.find((chapter) => chapter.id === chapterId)?.title ?? '',
              })}
            </p>
          ))}
          <button type="button" className="button button--secondary button--small" onClick={edits.clearUnapplied}>
            {t('unapplied.ok')}
          </button>
        </Alert>
      )}
      {edits.error && !edits.conflict && !isGone(edits.error) && <Alert tone="error">{errorText(edits.error)}</Alert>}

      {segments.isPending ? (
        <Loading />
      ) : allSegments.length === 0 ? (
        <Alert tone="info">
          {beingPlanned(selectedChapterId)
            ? t('empty.beingPlanned')
            : access.canEdit
              ? t('empty.notPlanned')
              : t('empty.notPlannedReadOnly')}
        </Alert>
      ) : (
        <div className="plan__body">
          <div className="plan__reading">
            <p className="small muted" aria-live="polite">
              {t('showing', {
                count: allSegments.length,
                shown: format.number(shown.length),
                total: format.number(allSegments.length),
              })}
            </p>
            <ReadingView
              label={t('readingLabel')}
              segments={shown}
              speakerName={speakerName}
              selectedId={selectedId}
              onSelect={(id) => {
                setSelectedId(id);
                if (selection && selection.segmentId !== id) setSelection(null);
              }}
              openThreads={openBySegment}
              onTextSelected={(segment, text) => {
                setSelectedId(segment.id);
                setSelection({ segmentId: segment.id, text });
              }}
              onCommand={(command) => {
                if (command === 'nextFlagged') jumpFlagged(1);
                if (command === 'previousFlagged') jumpFlagged(-1);
                if (command === 'assign') speakerSelectRef.current?.focus();
                if (command === 'undo' && access.canEdit) undoLast();
                if (command === 'comment') document.getElementById('new-line-comment')?.focus();
              }}
            />
            <details className="keys-help">
              <summary>{t('keys.title')}</summary>
              <dl>
                {(['move', 'flagged', 'assign', 'undo', 'comment'] as const).map((key) => (
                  <div key={key}>
                    <dt>{t(`keys.list.${key}.keys`)}</dt>
                    <dd>{t(`keys.list.${key}.does`)}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </div>
          <aside className="plan__side">
            {selected ? (
              <SegmentInspector
                key={selectedLine?.chosenAs}
                ref={speakerSelectRef}
                segment={selected}
                speakers={speakers}
                speakerName={speakerName}
                threads={chapterThreads.filter((thread) => thread.segmentId === selected.id)}
                saving={edits.saving}
                onAssign={(speakerId) => void assign(selected, speakerId)}
                onKeyboardAssigned={() => document.getElementById(READING_VIEW_ID)?.focus()}
                onPatch={(patch) => void edits.apply(selected, patch)}
                onTheirText={() => edits.showConflict({ segmentId: selected.id, current: selected })}
                onLineReplaced={followLine}
                selectedText={selection?.segmentId === selected.id ? selection.text : null}
                onAddPronunciation={setLexiconText}
              />
            ) : (
              <p className="muted small">{t('selectLine')}</p>
            )}
            {access.canEdit && edits.canUndo && (
              <button type="button" className="button button--secondary button--small" onClick={undoLast}>
                {undoneElsewhere ? t('undoInChapter', undoneElsewhere) : t('undo')}
              </button>
            )}
            {selectedChapterId && (
              <ChapterThreads
                projectId={project.id}
                chapterId={selectedChapterId}
                threads={chapterThreads.filter((thread) => !thread.segmentId)}
              />
            )}
            <p className="small">
              <Link to={`/projects/${encodeURIComponent(project.id)}/pronunciation`}>{t('toPronunciation')}</Link>
            </p>
          </aside>
        </div>
      )}
      {lexiconText && (
        <LexiconEntryDialog
          initial={{ grapheme: lexiconText, locale: project.metadata.language }}
          onClose={() => setLexiconText(null)}
        />
      )}
    </div>
  );
}
