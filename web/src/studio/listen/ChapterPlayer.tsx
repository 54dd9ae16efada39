import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';

/**
 * The chapter master in an audio element (the short-lived media link, streamed with HTTP Range) with its waveform
 * drawn by wavesurfer.js, which follows the element: seeking on the waveform seeks the audio and vice versa.
 */
export function ChapterPlayer({
  url,
  audioRef,
  onTime,
}: {
  url: string;
  audioRef: RefObject<HTMLAudioElement | null>;
  onTime(seconds: number): void;
}) {
  const { t } = useTranslation('listen');
  const waveRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const audio = audioRef.current;
    const container = waveRef.current;
    if (!audio || !container) return;
    const wave = WaveSurfer.create({
      container,
      media: audio,
      height: 72,
      waveColor: '#9aa5b8',
      progressColor: '#2f5fb3',
      cursorColor: '#1c2b45',
      normalize: true,
    });
    return () => wave.destroy();
  }, [audioRef, url]);
  return (
    <div className="chapter-player">
      <div ref={waveRef} className="chapter-player__wave" aria-hidden="true" />
      <audio
        ref={audioRef}
        className="chapter-player__audio"
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
