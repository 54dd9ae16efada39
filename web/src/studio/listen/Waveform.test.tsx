import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Waveform } from './Waveform';
import { downsample, MAX_BARS, pointerFraction, waveformPath } from './waveformPath';

const bars = (path: string) => path.split('M').filter(Boolean);
const barHeight = (bar: string) => Number(/v([\d.]+)/.exec(bar)![1]);

describe('the waveform drawn from server peaks', () => {
  it('draws one bar per peak, the loudest full height, the others in proportion, silence as a hairline', () => {
    const path = waveformPath([0.1, 0.4, 0, 0.2]);
    const heights = bars(path).map(barHeight);
    expect(heights).toEqual([25, 100, 1, 50]);
    expect(bars(path)[1]).toBe('1 0h0.8v100h-0.8z');
  });

  it('keeps a long chapter legible: at most a few hundred bars, each the loudest of its stretch', () => {
    const peaks = Array.from({ length: 1600 }, (_, index) => (index === 801 ? 0.9 : 0.1));
    const bars = downsample(peaks);
    expect(bars).toHaveLength(MAX_BARS);
    expect(bars.filter((bar) => bar === 0.9)).toHaveLength(1);
    expect(bars[Math.floor((801 * MAX_BARS) / 1600)]).toBe(0.9);
    expect(downsample([0.1, 0.2])).toEqual([0.1, 0.2]);
  });

  it('shows the part already heard and moves its cursor with the audio', () => {
    const { container, rerender } = render(
      <Waveform peaks={[0.5, 0.5, 0.5, 0.5]} durationSec={8} currentTime={2} onSeek={vi.fn()} />,
    );
    const played = () => Number(container.querySelector('clipPath rect')!.getAttribute('width'));
    expect(played()).toBe(1);
    rerender(<Waveform peaks={[0.5, 0.5, 0.5, 0.5]} durationSec={8} currentTime={8} onSeek={vi.fn()} />);
    expect(played()).toBe(4);
    const clip = container.querySelector('clipPath')!.id;
    expect(container.querySelector('.waveform__bars--played')!.getAttribute('clip-path')).toBe(`url(#${clip})`);
    expect(clip).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('seeks to where it is pressed', () => {
    const onSeek = vi.fn();
    render(<Waveform peaks={[0.2, 0.3]} durationSec={120} currentTime={0} onSeek={onSeek} />);
    const svg = screen.getByTestId('waveform');
    svg.getBoundingClientRect = () => ({ left: 100, width: 400, top: 0, height: 72 }) as DOMRect;
    fireEvent.pointerDown(svg, { clientX: 200 });
    expect(onSeek).toHaveBeenCalledWith(30);
  });

  it('keeps a press outside the drawing within the chapter', () => {
    expect(pointerFraction(50, 100, 400)).toBe(0);
    expect(pointerFraction(900, 100, 400)).toBe(1);
    expect(pointerFraction(10, 0, 0)).toBe(0);
  });

  it('uses no inline style (the Content-Security-Policy refuses it)', () => {
    const { container } = render(<Waveform peaks={[0.2, 0.3]} durationSec={2} currentTime={1} onSeek={vi.fn()} />);
    expect(container.querySelector('[style]')).toBeNull();
    expect(container.querySelector('style')).toBeNull();
  });
});
