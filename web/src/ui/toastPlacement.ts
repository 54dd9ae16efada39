import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Where the toasts stand: a corner of the window, the bottom right first. */
export type ToastCorner = 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start';
const CORNERS: readonly ToastCorner[] = ['bottom-end', 'bottom-start', 'top-end', 'top-start'];
/** The stack's distance from the window's edges (var(--space-4)). */
const MARGIN_PX = 16;
const FIELDS = 'input:not([type="hidden"]), textarea, select, [contenteditable="true"]';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box a stack of this size would take in a corner of a window of this size. */
export function cornerBox(corner: ToastCorner, size: { width: number; height: number }, view: Box): Box {
  const left = corner.endsWith('start') ? view.left + MARGIN_PX : view.right - MARGIN_PX - size.width;
  const top = corner.startsWith('top') ? view.top + MARGIN_PX : view.bottom - MARGIN_PX - size.height;
  return { left, top, right: left + size.width, bottom: top + size.height };
}

/**
 * The corner whose toasts would cover the fewest fields, never the one being typed in: a toast over the comment
 * box hid what the producer typed and took the click meant for it. Ties keep the usual order (bottom right first).
 */
export function chooseCorner(
  size: { width: number; height: number },
  view: Box,
  fields: readonly { box: Box; focused: boolean }[],
): ToastCorner {
  let best: { corner: ToastCorner; cost: number } | undefined;
  for (const corner of CORNERS) {
    const box = cornerBox(corner, size, view);
    const cost = fields.reduce((sum, field) => (overlaps(box, field.box) ? sum + (field.focused ? 1000 : 1) : sum), 0);
    if (!best || cost < best.cost) best = { corner, cost };
  }
  return best?.corner ?? 'bottom-end';
}

function fieldsOnScreen(stack: HTMLElement) {
  const focused = document.activeElement;
  const found: { box: Box; focused: boolean }[] = [];
  for (const element of document.querySelectorAll<HTMLElement>(FIELDS)) {
    if (stack.contains(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    found.push({ box, focused: element === focused });
  }
  // Whatever else holds the focus (the reading view, a button) is not to be covered either.
  if (focused instanceof HTMLElement && focused !== document.body && !found.some((field) => field.focused)) {
    const box = focused.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && !stack.contains(focused)) found.push({ box, focused: true });
  }
  return found;
}

/**
 * Places the toast stack in the corner where it covers no field (see `chooseCorner`), looked at again whenever a
 * toast comes, the focus moves, the page scrolls or the window changes size, while any toast shows.
 */
/** `shown` names the toasts on screen (their ids), empty when there is none. */
export function useToastCorner(stack: RefObject<HTMLElement | null>, shown: string): ToastCorner {
  const [corner, setCorner] = useState<ToastCorner>('bottom-end');
  useLayoutEffect(() => {
    if (!shown) return;
    let frame = 0;
    const place = () => {
      frame = 0;
      const element = stack.current;
      if (!element) return;
      const { width, height } = element.getBoundingClientRect();
      const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      setCorner(chooseCorner({ width, height }, view, fieldsOnScreen(element)));
    };
    const later = () => {
      if (!frame) frame = window.requestAnimationFrame(place);
    };
    place();
    document.addEventListener('focusin', later);
    window.addEventListener('scroll', later, true);
    window.addEventListener('resize', later);
    return () => {
      if (frame) window.cancelAnimationFrame(frame);
      document.removeEventListener('focusin', later);
      window.removeEventListener('scroll', later, true);
      window.removeEventListener('resize', later);
    };
  }, [stack, shown]);
  // With no toast there is nothing to place: the next one starts from the usual corner and is placed again.
  useEffect(() => {
    if (!shown) setCorner('bottom-end');
  }, [shown]);
  return corner;
}
