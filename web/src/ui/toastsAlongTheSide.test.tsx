import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { choosePlace, cornerBox, placeBox, type ToastCorner } from './toastPlacement';
import { ToastProvider, useToast } from './Toasts';

const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
const size = { width: 300, height: 60 };
const CORNERS: readonly ToastCorner[] = ['bottom-end', 'bottom-start', 'top-end', 'top-start'];
const NOWHERE = { left: 0, top: 0, right: 0, bottom: 0 };
/** A button in each corner of the window, as wide as the toasts: the Listen page's take list, line list and header. */
const buttonIn = (corner: ToastCorner) => ({
  box: cornerBox(corner, { width: 320, height: 40 }, view),
  focused: false,
});

const overlaps = (a: typeof NOWHERE, b: typeof NOWHERE) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('toasts when every corner covers a control', () => {
  it('move along the side of the window to the nearest spot that covers nothing', () => {
    const controls = CORNERS.map((corner) => ({ ...buttonIn(corner), control: true }));
    const place = choosePlace(size, view, controls);
    expect(place.corner).toBe('bottom-end');
    expect(place.offset).toBeGreaterThan(0);
    const box = placeBox(place, size, view);
    expect(controls.filter((control) => overlaps(box, control.box))).toEqual([]);
    expect(box.bottom).toBeLessThanOrEqual(view.bottom);
  });

  it('stay in their spot along the side while a scroll brings controls under them, not the focused one', () => {
    const controls = CORNERS.map((corner) => ({ ...buttonIn(corner), control: true }));
    const placed = choosePlace(size, view, controls);
    const scrolledUnder = { box: placeBox(placed, size, view), focused: false, control: true };
    expect(choosePlace(size, view, [...controls, scrolledUnder], placed)).toEqual(placed);
    const focusedUnder = { ...scrolledUnder, focused: true };
    expect(choosePlace(size, view, [...controls, focusedUnder], placed)).not.toEqual(placed);
  });

  it('stay in a corner that covers nothing, and stand in the usual corner when nothing is free', () => {
    expect(choosePlace(size, view, [{ ...buttonIn('bottom-end'), control: true }])).toEqual({
      corner: 'bottom-start',
      offset: 0,
    });
    // A control filling the whole window leaves no free spot: the corners decide as before.
    const wall = { box: view, focused: false, control: true };
    expect(choosePlace(size, view, [wall])).toEqual({ corner: 'bottom-end', offset: 0 });
  });
});

describe('the toast stack on a page whose four corners hold controls', () => {
  beforeEach(() => {
    // jsdom lays nothing out: the toasts stand where their corner and offset put them, each button in its corner.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const element = this as HTMLElement;
      const rect = element.classList.contains('toasts-stack')
        ? placeBox(
            { corner: (element.dataset.corner ?? 'bottom-end') as ToastCorner, offset: Number(element.dataset.offset) },
            size,
            view,
          )
        : element.dataset.corner
          ? buttonIn(element.dataset.corner as ToastCorner).box
          : NOWHERE;
      return {
        ...rect,
        x: rect.left,
        y: rect.top,
        width: rect.right - rect.left,
        height: rect.bottom - rect.top,
        toJSON: () => rect,
      };
    });
  });
  afterEach(() => vi.restoreAllMocks());

  function Page() {
    const toast = useToast();
    return (
      <>
        {CORNERS.map((corner) => (
          <button key={corner} type="button" data-corner={corner} onClick={() => toast.show('The new take is ready.')}>
            Play take in {corner}
          </button>
        ))}
      </>
    );
  }

  it('raises the toasts off Take 1’s Play button in the bottom right corner to a free spot above it', () => {
    render(
      <ToastProvider>
        <Page />
      </ToastProvider>,
    );
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Play take in top-start' })));
    const stack = document.querySelector<HTMLElement>('.toasts-stack')!;
    expect(stack.dataset.corner).toBe('bottom-end');
    expect(Number(stack.dataset.offset)).toBeGreaterThan(0);
    expect(stack.style.bottom).toBe(`calc(var(--space-4) + ${stack.dataset.offset}px)`);
    const toasts = stack.getBoundingClientRect();
    expect(overlaps(toasts, buttonIn('bottom-end').box)).toBe(false);
  });
});
