import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Where the toasts stand: a corner of the window, the bottom right first. */
export type ToastCorner = 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start';
const CORNERS: readonly ToastCorner[] = ['bottom-end', 'bottom-start', 'top-end', 'top-start'];
/** The stack's distance from the window's edges (var(--space-4)). */
const MARGIN_PX = 16;
const FIELDS = 'input:not([type="hidden"]), textarea, select, [contenteditable="true"]';
/** Other controls: covering one costs less than covering a field, yet "the new take is ready" over its Play button hid it. */
const CONTROLS = 'button, a[href], audio, video, [role="button"]';
/** What covering each costs: the focused element is never covered while a corner leaves it free. */
const COST = { focused: 1000, field: 3, control: 1 } as const;

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
 * The corner whose toasts would cover the least, never the element with the focus: a toast over the comment box hid
 * what the producer typed and took the click meant for it. A field costs more than a button or a link. Ties keep the
 * usual order (bottom right first). Toasts already standing somewhere (`stay`) move only to cover at least a field
 * less, so they do not hop from corner to corner as a list of links scrolls under them; when the page drew something
 * under them after they were placed (`drawnUnder`: the new take's Play button, drawn after "The new take … is
 * ready"), they move to cover anything less, as a toast coming then would have been placed.
 */
export function chooseCorner(
  size: { width: number; height: number },
  view: Box,
  fields: readonly { box: Box; focused: boolean; control?: boolean }[],
  stay?: ToastCorner,
  drawnUnder = false,
): ToastCorner {
  let best: { corner: ToastCorner; cost: number } | undefined;
  let staying = Infinity;
  for (const corner of CORNERS) {
    const box = cornerBox(corner, size, view);
    const cost = fields.reduce(
      (sum, field) =>
        overlaps(box, field.box)
          ? sum + (field.focused ? COST.focused : field.control ? COST.control : COST.field)
          : sum,
      0,
    );
    if (corner === stay) staying = cost;
    if (!best || cost < best.cost) best = { corner, cost };
  }
  if (stay && best && staying - best.cost < (drawnUnder ? COST.control : COST.field)) return stay;
  return best?.corner ?? 'bottom-end';
}

/** Where the toasts stand: a corner, raised (bottom corners) or lowered (top corners) by `offset` pixels. */
export interface ToastPlace {
  corner: ToastCorner;
  offset: number;
}

/** How far apart the spots along a side of the window are looked at. */
const OFFSET_STEP_PX = 8;

/** What standing at `box` would cover: the focused element far more than a field, a field more than a control. */
function coverCost(box: Box, fields: readonly { box: Box; focused: boolean; control?: boolean }[]): number {
  return fields.reduce(
    (sum, field) =>
      overlaps(box, field.box) ? sum + (field.focused ? COST.focused : field.control ? COST.control : COST.field) : sum,
    0,
  );
}

/** The box of a corner moved `offset` pixels along the window's side, toward its middle. */
export function placeBox(place: ToastPlace, size: { width: number; height: number }, view: Box): Box {
  const box = cornerBox(place.corner, size, view);
  const shift = place.corner.startsWith('top') ? place.offset : -place.offset;
  return { ...box, top: box.top + shift, bottom: box.bottom + shift };
}

/**
 * Where the toasts stand: the corner `chooseCorner` picks while it covers nothing. When every corner covers a control
 * (on the Listen page at a phone's width, the line list, the take list and the header fill all four, and "the new
 * take is ready" stood over Take 1's Play button), the toasts move along the window's sides to the spot nearest a
 * corner that covers nothing, if there is one; toasts already in such a spot stay there while it stays free. A toast
 * coming, or content drawn under the toasts, sends them looking; a scroll does not.
 */
export function choosePlace(
  size: { width: number; height: number },
  view: Box,
  fields: readonly { box: Box; focused: boolean; control?: boolean }[],
  stay?: ToastPlace,
  drawnUnder = false,
): ToastPlace {
  // Toasts already moved along a side stay while their spot is free, and while a scroll brings only controls under
  // them (not the focused element), so they do not hop as a list scrolls under them.
  if (stay?.offset) {
    const here = coverCost(placeBox(stay, size, view), fields);
    if (here === 0 || (!drawnUnder && here < COST.focused)) return stay;
  }
  const corner = chooseCorner(size, view, fields, stay?.offset ? undefined : stay?.corner, drawnUnder);
  if (coverCost(cornerBox(corner, size, view), fields) === 0) return { corner, offset: 0 };
  // Toasts in a corner move along a side only for a new toast or content drawn under them, not for a scroll.
  if (stay && !stay.offset && !drawnUnder) return { corner, offset: 0 };
  const room = view.bottom - view.top - size.height - 2 * MARGIN_PX;
  for (let offset = OFFSET_STEP_PX; offset <= room; offset += OFFSET_STEP_PX) {
    for (const side of ['bottom-end', 'bottom-start'] as const) {
      if (coverCost(placeBox({ corner: side, offset }, size, view), fields) === 0) return { corner: side, offset };
    }
  }
  return { corner, offset: 0 };
}

const USUAL_PLACE: ToastPlace = { corner: 'bottom-end', offset: 0 };

const onScreen = (box: Box) =>
  box.right > box.left && box.bottom > box.top && box.bottom > 0 && box.top < window.innerHeight;

/** Whether a field or a control among the elements the page just drew stands under the toasts. */
function drawnUnderToasts(stack: HTMLElement, drawn: readonly Element[]): boolean {
  const toasts = stack.getBoundingClientRect();
  const selector = `${FIELDS}, ${CONTROLS}`;
  return drawn.some((element) => {
    if (!element.isConnected) return false;
    const inside = element.matches(selector) ? [element] : [...element.querySelectorAll(selector)];
    return inside.some((control) => {
      const box = control.getBoundingClientRect();
      return onScreen(box) && overlaps(box, toasts);
    });
  });
}

function fieldsOnScreen(stack: HTMLElement) {
  const focused = document.activeElement;
  const found: { box: Box; focused: boolean; control: boolean }[] = [];
  for (const [selector, control] of [
    [FIELDS, false],
    [CONTROLS, true],
  ] as const) {
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (stack.contains(element)) continue;
      const box = element.getBoundingClientRect();
      // Only what is on screen: a long page's controls scrolled away are not covered.
      if (!onScreen(box)) continue;
      found.push({ box, focused: element === focused, control });
    }
  }
  // Whatever else holds the focus (the reading view, a button) is not to be covered either.
  if (focused instanceof HTMLElement && focused !== document.body && !found.some((field) => field.focused)) {
    const box = focused.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && !stack.contains(focused)) found.push({ box, focused: true, control: true });
  }
  return found;
}

/**
 * Places the toast stack in the corner where it covers the least (see `chooseCorner`), looked at again whenever a
 * toast comes, the focus moves, the page scrolls, the window changes size or the page draws new elements, while any
 * toast shows. `shown` names the toasts on screen (their ids), empty when there is none. What a scroll brings under
 * the toasts is only moved there, never drawn (a virtualized list draws its rows ahead of the screen), so content
 * drawn under them is told apart from a list scrolled under them without asking when the producer last scrolled.
 */
export function useToastPlace(stack: RefObject<HTMLElement | null>, shown: string): ToastPlace {
  const [place, setPlace] = useState<ToastPlace>(USUAL_PLACE);
  const placed = useRef<ToastPlace | undefined>(undefined);
  useLayoutEffect(() => {
    if (!shown) return;
    let frame = 0;
    /** Elements the page drew since the last placement. */
    let drawn: Element[] = [];
    const placeStack = (stay: ToastPlace | undefined) => {
      frame = 0;
      const element = stack.current;
      const justDrawn = drawn;
      drawn = [];
      if (!element) return;
      const { width, height } = element.getBoundingClientRect();
      const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      const under = stay !== undefined && justDrawn.length > 0 && drawnUnderToasts(element, justDrawn);
      placed.current = choosePlace({ width, height }, view, fieldsOnScreen(element), stay, under);
      setPlace(placed.current);
    };
    const later = () => {
      if (!frame) frame = window.requestAnimationFrame(() => placeStack(placed.current));
    };
    const pageDrew = new MutationObserver((records) => {
      const before = drawn.length;
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof Element && !stack.current?.contains(node)) drawn.push(node);
      if (drawn.length > before) later();
    });
    // A new toast is placed afresh; the focus moving, a scroll or a resize moves the ones shown only if need be.
    placeStack(undefined);
    pageDrew.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', later);
    window.addEventListener('scroll', later, true);
    window.addEventListener('resize', later);
    return () => {
      if (frame) window.cancelAnimationFrame(frame);
      pageDrew.disconnect();
      document.removeEventListener('focusin', later);
      window.removeEventListener('scroll', later, true);
      window.removeEventListener('resize', later);
    };
  }, [stack, shown]);
  // With no toast there is nothing to place: the next one starts from the usual corner and is placed again.
  useEffect(() => {
    if (shown) return;
    placed.current = undefined;
    setPlace(USUAL_PLACE);
  }, [shown]);
  return place;
}
