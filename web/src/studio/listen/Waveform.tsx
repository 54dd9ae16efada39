import { useId, useMemo, type PointerEvent } from 'react';
import { downsample, pointerFraction, WAVEFORM_HEIGHT, waveformPath } from './waveformPath';

/**
 * The chapter's shape, drawn from peaks the server measured (nothing is decoded in the browser), with the part
 * already heard in another colour and a cursor at the playing position. Pressing on it seeks. It is a picture for
 * pointer users: the audio element's own controls seek by keyboard, so the drawing is hidden from assistive
 * technology. Plain SVG attributes, no inline style: the app's Content-Security-Policy allows no inline styles.
 */
export function Waveform({
  peaks,
  durationSec,
  currentTime,
  onSeek,
}: {
  peaks: readonly number[];
  durationSec: number;
  currentTime: number;
  onSeek(seconds: number): void;
}) {
  const clipId = `waveform-played-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const bars = useMemo(() => downsample(peaks), [peaks]);
  const path = useMemo(() => waveformPath(bars), [bars]);
  const width = Math.max(1, bars.length);
  const played = durationSec > 0 ? Math.min(1, Math.max(0, currentTime / durationSec)) * width : 0;
  const seek = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(pointerFraction(event.clientX, box.left, box.width) * durationSec);
  };
  return (
    <svg
      className="waveform"
      data-testid="waveform"
      viewBox={`0 0 ${width} ${WAVEFORM_HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      onPointerDown={seek}
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={0} y={0} width={played} height={WAVEFORM_HEIGHT} />
        </clipPath>
      </defs>
      <path className="waveform__bars" d={path} />
      <path className="waveform__bars waveform__bars--played" d={path} clipPath={`url(#${clipId})`} />
      <rect
        className="waveform__cursor"
        data-testid="waveform-cursor"
        x={Math.max(0, played - width / 800)}
        y={0}
        width={width / 400}
        height={WAVEFORM_HEIGHT}
      />
    </svg>
  );
}
