import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseCorner, cornerBox, type ToastCorner } from './toastPlacement';
import { ToastProvider, useToast } from './Toasts';

const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
const size = { width: 300, height: 60 };
/** Where the new take's Play button is drawn: under toasts standing in the bottom right corner. */
const UNDER_THE_TOAST = { left: 900, top: 700, right: 980, bottom: 740 };
const BELOW_THE_SCREEN = { left: 900, top: view.bottom + 100, right: 980, bottom: view.bottom + 140 };
const NOWHERE = { left: 0, top: 0, right: 0, bottom: 0 };

/** Where the new take's Play button is, as the browser would lay it out. */
let newTakeBox = UNDER_THE_TOAST;

beforeEach(() => {
  newTakeBox = UNDER_THE_TOAST;
  // jsdom lays nothing out: the toasts stand in the box of their corner, the new take's button where the test says.
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const element = this as HTMLElement;
    const rect = element.classList.contains('toasts-stack')
      ? cornerBox((element.dataset.corner ?? 'bottom-end') as ToastCorner, size, view)
      : element.dataset.take === 'new'
        ? newTakeBox
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

/** The Listen page's order of events: the toast says the take is ready, then the take list is drawn again. */
function TakeList() {
  const toast = useToast();
  const [takes, setTakes] = useState(['old']);
  return (
    <>
      <button type="button" onClick={() => toast.show('The new take of “Line 1.” is ready.')}>
        Job ended
      </button>
      <button type="button" onClick={() => setTakes(['new', 'old'])}>
        Takes read again
      </button>
      <ul>
        {takes.map((take) => (
          <li key={take}>
            <button type="button" data-take={take}>
              Play {take}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

const corner = () => document.querySelector<HTMLElement>('.toasts-stack')?.dataset.corner;
/** Lets the page's pending placement run: the observer's answer, then the frame it asks for. */
const aFewFrames = () =>
  act(async () => {
    for (let frame = 0; frame < 3; frame++) {
      await Promise.resolve();
      await new Promise((resolve) => window.requestAnimationFrame(resolve));
    }
  });

describe('toasts over content drawn after them', () => {
  it('move off the new take’s Play button drawn under them after they were placed', async () => {
    render(
      <ToastProvider>
        <TakeList />
      </ToastProvider>,
    );
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Job ended' })));
    expect(corner()).toBe('bottom-end');

    act(() => fireEvent.click(screen.getByRole('button', { name: 'Takes read again' })));
    await waitFor(() => expect(corner()).toBe('bottom-start'));
  });

  it('stay put for a control a scroll brings under them, though it was drawn after them (ahead of the screen)', async () => {
    newTakeBox = BELOW_THE_SCREEN;
    render(
      <ToastProvider>
        <TakeList />
      </ToastProvider>,
    );
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Job ended' })));
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Takes read again' })));
    await aFewFrames();
    expect(corner()).toBe('bottom-end');

    newTakeBox = UNDER_THE_TOAST;
    act(() => fireEvent.scroll(window));
    await aFewFrames();
    expect(corner()).toBe('bottom-end');
  });

  it('move for a button drawn under them, as a new toast would be placed, and for nothing less', () => {
    const button = (where: ToastCorner) => ({
      box: cornerBox(where, { width: 40, height: 20 }, view),
      focused: false,
      control: true,
    });
    expect(chooseCorner(size, view, [button('bottom-end')], 'bottom-end')).toBe('bottom-end');
    expect(chooseCorner(size, view, [button('bottom-end')], 'bottom-end', true)).toBe('bottom-start');
    // Every corner covers a button: they stay where they are rather than hop to an equal one.
    const everywhere = (['bottom-end', 'bottom-start', 'top-end', 'top-start'] as const).map(button);
    expect(chooseCorner(size, view, everywhere, 'top-start', true)).toBe('top-start');
  });
});
