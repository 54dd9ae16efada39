import { act, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardsTable } from './CardsTable';

/**
 * jsdom lays nothing out, so each box is given a width: the box is `room` wide and its table, laid out as a table,
 * `columns` wide (as cards it fits any box). A resize is reported by calling the observer's callback.
 */
let room = 0;
let columns = 0;
let resized: () => void = () => undefined;

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('table-scroll') ? room : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
    if (!this.classList.contains('table-scroll')) return 0;
    const asCards = this.querySelector('table')?.classList.contains('data-table--cards');
    return asCards ? room : Math.max(room, columns);
  });
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        resized = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const rows = (kind: string) => (
  <CardsTable className="readiness__table">
    <thead>
      <tr>
        <th scope="col">{kind}</th>
      </tr>
    </thead>
  </CardsTable>
);
const table = () => render(rows('Kind')).container.querySelector('table') as HTMLTableElement;

describe('CardsTable', () => {
  it('stays a table in a box its columns fit, however narrow the screen', () => {
    room = 700;
    columns = 640;
    expect(table().className).toBe('data-table readiness__table');
  });

  it('is a stack of cards in a box its columns do not fit', () => {
    room = 700;
    columns = 900;
    expect(table().className).toBe('data-table data-table--cards readiness__table');
  });

  it('is a table again when its box grows to fit its columns, measured as a table while shown as cards', () => {
    room = 700;
    columns = 900;
    const shown = table();
    expect(shown.classList.contains('data-table--cards')).toBe(true);
    room = 1000;
    act(() => resized());
    expect(shown.classList.contains('data-table--cards')).toBe(false);
    room = 800;
    act(() => resized());
    expect(shown.classList.contains('data-table--cards')).toBe(true);
  });

  it('is measured again when its content changes, though neither it nor its box changed size', async () => {
    room = 700;
    columns = 900;
    const view = render(rows('A column name long enough to need cards'));
    const shown = view.container.querySelector('table') as HTMLTableElement;
    expect(shown.classList.contains('data-table--cards')).toBe(true);
    columns = 600;
    view.rerender(rows('Kind'));
    // The content's change is reported after the render, as the browser does.
    await waitFor(() => expect(shown.classList.contains('data-table--cards')).toBe(false));
  });
});
