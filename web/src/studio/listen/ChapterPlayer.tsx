import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChapterWaveform } from '../../api/listening';
import { Waveform } from './Waveform';

/**
 * The chapter master in an audio element (the short-lived media link, streamed with HTTP Range, so seeking fetches
 * only what is heard) above its waveform, drawn from the peaks the server measured. Pressing the waveform seeks
 * the audio; the audio's position moves the waveform's cursor.
 */
export function ChapterPlayer({
  url,
  audioRef,
  waveform,
  currentTime,
  onTime,
}: {
  url: string;
  audioRef: RefObject<HTMLAudioElement | null>;
  waveform: ChapterWaveform | undefined;
  currentTime: number;
  onTime(seconds: number): void;
}) {
  const { t } = useTranslation('listen');
  const seek = (seconds: number) => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.currentTime = seconds;
    onTime(seconds);
  };
  return (
    <div className="chapter-player">
      <div className="chapter-player__wave">
        {waveform && waveform.peaks.length > 0 && (
          <Waveform peaks={waveform.peaks} durationSec={waveform.durationSec} currentTime={currentTime} onSeek={seek} />
        )}
      </div>
      <audio
        ref={audioRef}
        className="chapter-player__audio"
        data-testid="chapter-audio"
        controls
        preload="metadata"
        src={url}
        aria-label={t('player.label')}
        onTimeUpdate={(event) => onTime(event.currentTarget.currentTime)}
        onSeeked={(event) => onTime(event.currentTarget.currentTime)}
      />
    </div>
  );
}
