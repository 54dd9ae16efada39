import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useChapters } from '../../api/chapters';
import { bookKeys } from '../../api/keys';
import { useCharacters } from '../../api/characters';
import { useChapterAudioLink, useChapterTimeline, useChapterWaveform, type TimelineSegment } from '../../api/listening';
import { NARRATOR, UNKNOWN_SPEAKER } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { ProgressBar } from '../../ui/ProgressBar';
import { useFormat } from '../../ui/format';
import { useErrorText } from '../../ui/errorText';
import { Loading } from '../../ui/Loading';
import { useStudio } from '../StudioContext';
import { ChapterPlayer } from './ChapterPlayer';
import { LoudnessPanel } from './LoudnessPanel';
import { SegmentLines } from './SegmentLines';
import { RenderWatches, useLineRenders } from './lineRenders';
import { TakeChooser } from './TakeChooser';
import '../../styles/studio2.css';

/** Listen to a chapter with its text beside the waveform; pick a line to hear, compare and choose its takes. */
export function ListenPage() {
  const { project, access, status } = useStudio();
  const { chapterId: routeChapter } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation('listen');
  const errorText = useErrorText();
  const format = useFormat();
  const queryClient = useQueryClient();
  const chapters = useChapters(project.id);
  // While a production runs, each chapter it finishes can be heard at once: the chapters are read again whenever the
  // job says one more is done, rather than only when the whole job ends.
  const production = status.activeJob?.kind === 'produce' ? status.activeJob : undefined;
  const chaptersDone = production?.progress.chaptersDone;
  useEffect(() => {
    if (chaptersDone === undefined || chaptersDone === 0) return;
    void queryClient.invalidateQueries({ queryKey: bookKeys.chapters(project.id) });
  }, [chaptersDone, project.id, queryClient]);
  const characters = useCharacters(project.id);
  const mastered = (chapters.data ?? []).filter((chapter) => chapter.hasMaster);
  const chapterId = routeChapter ?? mastered[0]?.id;
  const timeline = useChapterTimeline(project.id, chapterId);
  const master = timeline.data?.master ?? null;
  const link = useChapterAudioLink(project.id, chapterId, master?.masteredAt);
  const waveform = useChapterWaveform(project.id, chapterId, master?.masteredAt);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [time, setTime] = useState(0);
  const [selected, setSelected] = useState<TimelineSegment | undefined>();
  const lineRenders = useLineRenders();
  const base = `/projects/${encodeURIComponent(project.id)}/listen`;

  const speakerName = (speakerId: string) =>
    speakerId === NARRATOR
      ? t('lines.narrator')
      : speakerId === UNKNOWN_SPEAKER
        ? t('lines.unknown')
        : (characters.data?.find((c) => c.id === speakerId)?.name ?? speakerId);

  const playFrom = (segment: TimelineSegment) => {
    const audio = audioRef.current;
    if (!audio || segment.startSec === null) return;
    audio.currentTime = segment.startSec;
    void audio.play().catch(() => undefined);
  };

  if (chapters.isPending) return <Loading />;
  return (
    <div className="step-page listen">
      <header className="step-page__header">
        <h2>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </header>
      <RenderWatches projectId={project.id} renders={lineRenders.renders} onEnded={lineRenders.ended} />
      {production && (
        <Alert tone="info" title={t(mastered.length === 0 ? 'producing.first' : 'producing.more')}>
          <ProgressBar
            label={t('producing.progress')}
            value={
              production.progress.chaptersTotal > 0
                ? production.progress.chaptersDone / production.progress.chaptersTotal
                : null
            }
            detail={
              production.progress.chaptersTotal > 0
                ? t('producing.chapters', {
                    count: production.progress.chaptersTotal,
                    done: format.number(production.progress.chaptersDone),
                    total: format.number(production.progress.chaptersTotal),
                  })
                : t('producing.starting')
            }
          />
          <Link to={`/projects/${encodeURIComponent(project.id)}/production`}>{t('producing.follow')}</Link>
        </Alert>
      )}
      {mastered.length === 0 ? (
        !production && (
          <Alert tone="info">
            {t('nothingYet')}{' '}
            <Link to={`/projects/${encodeURIComponent(project.id)}/production`}>{t('toProduction')}</Link>
          </Alert>
        )
      ) : (
        <>
          <div className="field field--inline">
            <label htmlFor="listen-chapter">{t('chapter')}</label>
            <select
              id="listen-chapter"
              value={chapterId}
              onChange={(event) => {
                setSelected(undefined);
                setTime(0);
                navigate(`${base}/${encodeURIComponent(event.target.value)}`);
              }}
            >
              {mastered.map((chapter) => (
                <option key={chapter.id} value={chapter.id}>
                  {chapter.title}
                </option>
              ))}
            </select>
          </div>
          {timeline.isError && <Alert tone="error">{errorText(timeline.error)}</Alert>}
          {timeline.isPending ? (
            <Loading />
          ) : (
            timeline.data && (
              <div className="listen__layout">
                <div className="listen__main">
                  {link.data ? (
                    <ChapterPlayer
                      url={link.data.url}
                      audioRef={audioRef}
                      waveform={waveform.data}
                      currentTime={time}
                      onTime={setTime}
                    />
                  ) : link.isError ? (
                    <Alert tone="error">{errorText(link.error)}</Alert>
                  ) : (
                    <Loading />
                  )}
                  <SegmentLines
                    segments={timeline.data.segments}
                    currentTime={time}
                    selectedId={selected?.segmentId}
                    rendering={lineRenders.rendering}
                    speakerName={speakerName}
                    onPlayFrom={playFrom}
                    onSelect={setSelected}
                  />
                </div>
                <aside className="listen__side">
                  {master && <LoudnessPanel master={master} />}
                  {selected ? (
                    <TakeChooser
                      key={selected.segmentId}
                      projectId={project.id}
                      segmentId={selected.segmentId}
                      text={selected.text}
                      canEdit={access.canEdit}
                      busy={Boolean(status.activeJob)}
                      renderJobId={lineRenders.renders.get(selected.segmentId)?.jobId}
                      onRenderStarted={(jobId) => lineRenders.started(selected.segmentId, jobId, selected.text)}
                    />
                  ) : (
                    <p className="muted small">{t('takes.pick')}</p>
                  )}
                </aside>
              </div>
            )
          )}
        </>
      )}
    </div>
  );
}
