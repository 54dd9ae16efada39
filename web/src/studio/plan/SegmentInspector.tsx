import { forwardRef, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSegmentStructure } from '../../api/segments';
import { useCreateThread, useReply, useSetThreadStatus } from '../../api/reviews';
import type { ReviewThread, Segment } from '../../api/types';
import { UNKNOWN_SPEAKER } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { CommentThread } from '../review/CommentThread';
import { NewCommentForm } from '../review/NewCommentForm';
import { useStudio } from '../StudioContext';
import type { SpeakerOption } from './speakers';
import { useTextDraft } from '../../ui/useTextDraft';

interface SegmentInspectorProps {
  segment: Segment;
  speakers: SpeakerOption[];
  speakerName(speakerId: string): string;
  threads: ReviewThread[];
  saving: boolean;
  onAssign(speakerId: string): void;
  /** A speaker was chosen with the keyboard and Enter: the reader goes back to the lines. */
  onKeyboardAssigned?(): void;
  onPatch(patch: { text?: string; flagged?: boolean }): void;
  /** Someone else's words for the line replaced words being typed (the page shows its conflict notice). */
  onTheirText?(): void;
  /** A split or merge answered the line under a new id (the first part, the merged line): the page stays on it. */
  onLineReplaced?(fromId: string, toId: string): void;
  /** Words the reader selected in this line, offered for the lexicon. */
  selectedText: string | null;
  onAddPronunciation(text: string): void;
}

/**
 * The selected line: change its speaker, edit its text, split or merge, flag it, discuss it. Reviewers see the same
 * panel with only the discussion. The panel stays mounted while its line is saved (a new ETag, or a new id for new
 * words), so nothing being typed or chosen is reset by an answer.
 */
export const SegmentInspector = forwardRef<HTMLSelectElement, SegmentInspectorProps>(function SegmentInspector(
  {
    segment,
    speakers,
    speakerName,
    threads,
    saving,
    onAssign,
    onKeyboardAssigned,
    onPatch,
    onTheirText,
    onLineReplaced,
    selectedText,
    onAddPronunciation,
  },
  speakerRef,
) {
  const { project, access } = useStudio();
  const { t } = useTranslation('plan');
  const errorText = useErrorText();
  const structure = useSegmentStructure(project.id, { onLineReplaced });
  const createThread = useCreateThread(project.id);
  const reply = useReply(project.id);
  const setStatus = useSetThreadStatus(project.id);
  const draft = useTextDraft(segment.text, onTheirText);
  const text = draft.text;
  const [cursor, setCursor] = useState<number | null>(null);
  const reviewError = createThread.error ?? reply.error ?? setStatus.error;
  const speakerChoice = useKeyboardSpeakerChoice(segment.speakerId, onAssign, onKeyboardAssigned);
  const restructure = (action: 'split' | 'merge-next', offset?: number) =>
    structure.mutate({ segment, action, offset });

  return (
    <section className="inspector" aria-labelledby="inspector-title">
      <h3 id="inspector-title" className="inspector__title">
        {t('inspector.title', { position: segment.index + 1 })}
      </h3>
      {access.canEdit ? (
        <>
          <div className="field">
            <label htmlFor="segment-speaker">{t('inspector.speaker')}</label>
            <select
              id="segment-speaker"
              ref={speakerRef}
              value={speakerChoice.value}
              // Not disabled while saving: a disabled control loses the keyboard's focus.
              aria-busy={saving}
              aria-describedby={speakerChoice.pending ? 'segment-speaker-pending' : undefined}
              onKeyDown={speakerChoice.onKeyDown}
              onMouseDown={speakerChoice.onMouseDown}
              onChange={(event) => speakerChoice.onChange(event.target.value)}
              onBlur={speakerChoice.onBlur}
            >
              {segment.speakerId === UNKNOWN_SPEAKER && (
                <option value={UNKNOWN_SPEAKER}>{speakerName(UNKNOWN_SPEAKER)}</option>
              )}
              {speakers.map((speaker) => (
                <option key={speaker.id} value={speaker.id}>
                  {speaker.name}
                </option>
              ))}
            </select>
            {speakerChoice.pending && (
              <p id="segment-speaker-pending" className="field__hint" aria-live="polite">
                {t('inspector.speakerPending', { name: speakerName(speakerChoice.value) })}
              </p>
            )}
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={segment.flagged}
              onChange={(event) => onPatch({ flagged: event.target.checked })}
            />
            {t('inspector.flag')}
          </label>
          <div className="field">
            <label htmlFor="segment-text">{t('inspector.text')}</label>
            <textarea
              id="segment-text"
              rows={4}
              value={text}
              onChange={(event) => draft.edit(event.target.value)}
              onSelect={(event) => setCursor(event.currentTarget.selectionStart)}
            />
          </div>
          <div className="button-row button-row--compact">
            <button
              type="button"
              className="button button--primary button--small"
              disabled={saving || text === segment.text || text.trim() === ''}
              onClick={() => {
                draft.sent(text);
                onPatch({ text });
              }}
            >
              {t('inspector.saveText')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={
                structure.isPending ||
                cursor === null ||
                cursor <= 0 ||
                cursor >= segment.text.length ||
                text !== segment.text
              }
              onClick={() => cursor !== null && restructure('split', cursor)}
            >
              {t('inspector.split')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              // Merged from the words stored: words typed and not saved would be lost by it.
              disabled={structure.isPending || text !== segment.text}
              onClick={() => restructure('merge-next')}
            >
              {t('inspector.mergeNext')}
            </button>
          </div>
          {structure.error && <Alert tone="error">{errorText(structure.error)}</Alert>}
          {selectedText && (
            <div className="inspector__selection">
              <p className="small">{t('inspector.selected', { text: selectedText })}</p>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onAddPronunciation(selectedText)}
              >
                {t('inspector.addPronunciation', { text: selectedText })}
              </button>
            </div>
          )}
        </>
      ) : (
        <p className="small">{t('inspector.spokenBy', { name: speakerName(segment.speakerId) })}</p>
      )}
      <div className="inspector__threads">
        <h4>{t('inspector.comments')}</h4>
        {threads.length === 0 && <p className="small muted">{t('inspector.noComments')}</p>}
        {threads.map((thread) => (
          <CommentThread
            key={thread.id}
            thread={thread}
            canComment={access.canComment}
            busy={reply.isPending || setStatus.isPending}
            onReply={(body) => reply.mutateAsync({ threadId: thread.id, body })}
            onSetStatus={(action) => setStatus.mutate({ threadId: thread.id, action })}
          />
        ))}
        {access.canComment && (
          <NewCommentForm
            id="new-line-comment"
            label={t('inspector.commentOnLine')}
            busy={createThread.isPending}
            onSubmit={(body) =>
              createThread.mutateAsync({
                chapterId: segment.chapterId,
                segmentId: segment.id,
                quote: selectedText ? selectedText.slice(0, 500) : null,
                body,
              })
            }
          />
        )}
        {reviewError && <Alert tone="error">{errorText(reviewError)}</Alert>}
      </div>
    </section>
  );
});

/** Keys that open the list of a closed select: what is chosen in the open list is meant, and saved at once. */
const OPENS_LIST = new Set([' ', 'F4']);

/**
 * The speaker picker as the keyboard uses it: arrows and typed letters on the closed picker step through the names
 * (each step would otherwise save a speaker), Enter saves the name shown, Escape goes back to the saved one, and
 * leaving the picker saves what it shows. A choice made with the mouse or in the opened list is saved at once.
 */
function useKeyboardSpeakerChoice(
  savedSpeakerId: string,
  onAssign: (speakerId: string) => void,
  onKeyboardAssigned: (() => void) | undefined,
) {
  const [draft, setDraft] = useState<string | null>(null);
  const stepping = useRef(false);
  const pending = draft !== null && draft !== savedSpeakerId;
  const commit = () => {
    setDraft(null);
    if (pending) onAssign(draft);
  };
  return {
    value: draft ?? savedSpeakerId,
    pending,
    onKeyDown(event: KeyboardEvent<HTMLSelectElement>) {
      stepping.current = !(
        OPENS_LIST.has(event.key) ||
        event.key === 'Enter' ||
        event.key === 'Escape' ||
        event.altKey
      );
      if (event.key === 'Enter') {
        if (!pending) return;
        event.preventDefault();
        commit();
        onKeyboardAssigned?.();
      } else if (event.key === 'Escape' && pending) {
        event.preventDefault();
        setDraft(null);
      }
    },
    onMouseDown() {
      stepping.current = false;
    },
    onChange(speakerId: string) {
      if (stepping.current) setDraft(speakerId);
      else {
        setDraft(null);
        onAssign(speakerId);
      }
    },
    onBlur() {
      stepping.current = false;
      commit();
    },
  };
}
