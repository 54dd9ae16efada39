import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseCorner, cornerBox } from './toastPlacement';
import { ToastProvider, useToast } from './Toasts';

const view = { left: 0, top: 0, right: 1024, bottom: 768 };
const size = { width: 300, height: 60 };
/** Where the line panel's comment box sits on the plan page: the bottom right of the window. */
const commentBox = { left: 700, top: 640, right: 1000, bottom: 720 };

function box(element: Element, rect: { left: number; top: number; right: number; bottom: number }) {
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue({
    ...rect,
    x: rect.left,
    y: rect.top,
    width: rect.right - rect.left,
    height: rect.bottom - rect.top,
    toJSON: () => rect,
  });
}

function Page() {
  const toast = useToast();
  return (
    <>
      <textarea aria-label="Comment on this line" />
      <button type="button" onClick={() => toast.show('Now read by Elizabeth.')}>
        Assign
      </button>
    </>
  );
}

describe('toasts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stand where they cover no field: not over the comment box being typed in', () => {
    render(
      <ToastProvider>
        <Page />
      </ToastProvider>,
    );
    const comment = screen.getByLabelText('Comment on this line');
    box(comment, commentBox);
    box(document.querySelector('.toasts-stack')!, { left: 0, top: 0, right: size.width, bottom: size.height });
    comment.focus();
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Assign' })));

    expect(screen.getByText('Now read by Elizabeth.')).toBeTruthy();
    const stack = document.querySelector<HTMLElement>('.toasts-stack')!;
    expect(stack.dataset.corner).toBe('bottom-start');
    expect(stack.className).toContain('toasts-stack--bottom-start');
  });

  it('never cover the field being typed in, even if that means covering another one', () => {
    const field = (corner: Parameters<typeof cornerBox>[0], focused: boolean) => ({
      box: cornerBox(corner, { width: 40, height: 20 }, view),
      focused,
    });
    expect(chooseCorner(size, view, [])).toBe('bottom-end');
    expect(chooseCorner(size, view, [field('bottom-end', true)])).toBe('bottom-start');
    expect(
      chooseCorner(size, view, [field('bottom-end', true), field('bottom-start', false), field('top-end', false)]),
    ).toBe('top-start');
    // A field costs more to cover than a button: a button is covered rather than a field, two rather than one field.
    const button = (corner: Parameters<typeof cornerBox>[0]) => ({ ...field(corner, false), control: true });
    expect(
      chooseCorner(size, view, [
        field('bottom-end', false),
        button('bottom-start'),
        button('top-end'),
        button('top-start'),
      ]),
    ).toBe('bottom-start');
    expect(
      chooseCorner(size, view, [field('bottom-end', false), field('bottom-start', false), button('top-end')]),
    ).toBe('top-start');
    expect(
      chooseCorner(size, view, [
        field('bottom-end', false),
        field('bottom-start', false),
        field('top-start', false),
        button('top-end'),
        button('top-end'),
      ]),
    ).toBe('top-end');
    // Toasts already shown stay put for a button scrolled under them, and move off a field or the focused element.
    expect(chooseCorner(size, view, [button('bottom-end')], 'bottom-end')).toBe('bottom-end');
    expect(chooseCorner(size, view, [field('bottom-end', false)], 'bottom-end')).toBe('bottom-start');
    expect(chooseCorner(size, view, [button('top-start'), field('top-start', true)], 'top-start')).toBe('bottom-end');
    expect(
      chooseCorner(size, view, [
        field('bottom-end', false),
        field('bottom-start', true),
        field('top-end', false),
        field('top-start', false),
      ]),
    ).toBe('bottom-end');
  });
});
