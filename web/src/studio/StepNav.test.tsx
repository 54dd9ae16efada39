import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Package } from '../api/production';
import type { ChapterSummary } from '../api/types';
import i18n from '../i18n';
import { testProject } from '../test/render';
import { StepNav } from './StepNav';
import type { StudioStatus } from './steps';

/** A whole book's counts: thousands of lines, a first page of flagged lines with more behind it. */
function bookStatus(flagged: StudioStatus['flagged']): StudioStatus {
  const project = testProject();
  return {
    project,
    facts: {
      manuscriptStatus: 'ready',
      chapterCount: 1212,
      characterCount: 46,
      charactersWithVoice: 46,
      segmentCount: 32160,
      segmentsWithSpeaker: 32160,
      segmentsRendered: 0,
      chaptersMastered: 0,
      chaptersWithNothingToSpeak: 0,
      packagesReady: 0,
      activeJobId: null,
    },
    activeJob: undefined,
    review: undefined,
    flagged,
  };
}

function renderNav(status: StudioStatus) {
  return render(
    <MemoryRouter>
      <StepNav status={status} />
    </MemoryRouter>,
  );
}

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

describe('the workflow navigation at book size', () => {
  it('writes counts the reader’s way: grouped thousands in English', () => {
    renderNav(bookStatus({ count: 3, more: false }));
    expect(screen.getByText(/32,160 of 32,160 lines attributed/)).toBeTruthy();
    expect(screen.getAllByText(/1,212 chapters/).length).toBeGreaterThan(0);
    expect(screen.getByText('3 flagged lines')).toBeTruthy();
  });

  it('writes counts the reader’s way in Portuguese and Spanish', async () => {
    await i18n.changeLanguage('pt-BR');
    const { unmount } = renderNav(bookStatus(undefined));
    expect(screen.getByText(/32\.160 de 32\.160/)).toBeTruthy();
    unmount();
    await i18n.changeLanguage('es-PE');
    renderNav(bookStatus(undefined));
    expect(screen.getAllByText(/1,212 capítulos/).length).toBeGreaterThan(0);
  });

  it('says a first page of flagged lines is a lower bound, with the plus on the number', () => {
    renderNav(bookStatus({ count: 100, more: true }));
    expect(screen.getByText('100+ flagged lines')).toBeTruthy();
  });
});

describe('the delivery step in the navigation', () => {
  it('says how many chapters changed since the packages were built, in the reader’s language', async () => {
    const status = bookStatus(undefined);
    await i18n.changeLanguage('es-PE');
    renderNav({
      ...status,
      facts: { ...status.facts!, chaptersMastered: 1212, segmentsRendered: 32160, packagesReady: 1 },
      packages: [
        { platform: 'apple', createdAt: '2025-01-10T00:00:00.000Z', readiness: { passed: true } },
      ] as Package[],
      chapters: [
        { id: 'c7', deleted: false, planStatus: 'planned', updatedAt: '2025-01-11T00:00:00.000Z' },
      ] as ChapterSummary[],
    });
    const delivery = screen.getByRole('link', { name: /Entrega/ });
    expect(delivery.textContent).toMatch(/Requiere atención/);
    expect(delivery.textContent).toMatch(/1 capítulo cambió desde los paquetes/);
  });
});

describe('the row of steps on a narrow screen', () => {
  /** Lays the row out as a phone would: 12 steps of 150 px in a 360 px box, scrolled to `scrollLeft`. */
  function asPhoneRow(row: HTMLElement, scrollLeft: number) {
    Object.defineProperty(row, 'clientWidth', { configurable: true, value: 360 });
    Object.defineProperty(row, 'scrollWidth', { configurable: true, value: 1800 });
    row.scrollLeft = scrollLeft;
    fireEvent.scroll(row);
  }

  it('shows an arrow on each end that has steps beyond it, and none once the row ends there', () => {
    renderNav(bookStatus(undefined));
    const row = screen.getByRole('list', { name: 'Workflow' });
    expect(screen.queryByRole('button', { name: 'Later steps' })).toBeNull();

    asPhoneRow(row, 0);
    expect(screen.getByRole('button', { name: 'Later steps' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Earlier steps' })).toBeNull();

    asPhoneRow(row, 700);
    expect(screen.getByRole('button', { name: 'Later steps' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Earlier steps' })).toBeTruthy();

    asPhoneRow(row, 1440);
    expect(screen.queryByRole('button', { name: 'Later steps' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Earlier steps' })).toBeTruthy();
  });

  it('moves the row by most of its width when an arrow is pressed', () => {
    renderNav(bookStatus(undefined));
    const row = screen.getByRole('list', { name: 'Workflow' });
    const scrollBy = vi.fn();
    row.scrollBy = scrollBy;
    asPhoneRow(row, 0);
    fireEvent.click(screen.getByRole('button', { name: 'Later steps' }));
    expect(scrollBy).toHaveBeenCalledWith({ left: 288, behavior: 'smooth' });
  });
});
