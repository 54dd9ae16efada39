import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { ChapterSummary, Manuscript } from '../../api/types';
import { ImportReport } from './ImportReport';
import { chapterStats, chapterSummary } from '../../test/chapterSummary';

type Warning = NonNullable<ChapterSummary['detection']>['warnings'][number];

const chapter = (index: number, warnings: Warning[] = [], words = 1200): ChapterSummary =>
  chapterSummary(`c${index}`, { stats: chapterStats(words), detection: { confidence: 0.99, warnings } });

const manuscript: Manuscript = {
  id: 'm1',
  projectId: 'p1',
  fileName: 'book.txt',
  contentType: 'text/plain',
  bytes: 2_000_000,
  sha256: 'x',
  status: 'ready',
  format: 'txt',
  detectedEncoding: 'UTF-8',
  warnings: ['Project Gutenberg header and license removed'],
  notes: [
    { code: 'gutenberg_boilerplate_removed', params: {}, message: 'Project Gutenberg header and license removed' },
  ],
  tocEntries: 0,
  chapterReport: { confidence: 0.8, source: 'lines', sections: 1214, notSpoken: 3, warnings: 2 },
  error: null,
  jobId: 'j1',
  uploadedAt: '2025-01-01T00:00:00.000Z',
  uploadedBy: 'u1',
  etag: '"m1"',
};

function renderReport(chapters: ChapterSummary[] | undefined, shown: Manuscript = manuscript) {
  return render(
    <MemoryRouter>
      <ImportReport
        manuscript={shown}
        chapters={chapters}
        chapterHref={(c) => `/chapters/${c.id}`}
        leftOutHref="/chapters?deleted=shown"
      />
    </MemoryRouter>,
  );
}

describe('the import report', () => {
  it('shows how the chapters were found, the notes about the file and each doubted chapter with a link', () => {
    const long = chapter(7, [{ code: 'long_chapter', message: 'long' }], 2152);
    const rejected = chapter(9, [{ code: 'rejected_heading', message: 'x', offset: 10, line: 'CHAPTER THE LAST' }]);
    renderReport([chapter(1), long, chapter(8), rejected]);
    const report = screen.getByRole('region', { name: 'What the import found' });
    expect(within(report).getByText('1,214 sections, found from lines that read like chapter headings')).toBeTruthy();
    expect(within(report).getByText('80%')).toBeTruthy();
    expect(within(report).getByText(/^3 sections \(front or back matter\)/)).toBeTruthy();
    expect(within(report).getByText('Project Gutenberg header and license removed')).toBeTruthy();
    expect(within(report).getByText('2 chapters to check')).toBeTruthy();
    expect(within(report).getByRole('link', { name: 'Chapter 7' }).getAttribute('href')).toBe('/chapters/c7');
    expect(within(report).getByText(/2,152 words, more than four times a typical chapter/)).toBeTruthy();
    expect(within(report).getByText(/“CHAPTER THE LAST”/)).toBeTruthy();
  });

  it('says what was kept in the book’s terms and links what was left out to where it can be restored', () => {
    const typed = (index: number, chapterType: ChapterSummary['chapterType'], deleted = false) => ({
      ...chapter(index),
      chapterType,
      deleted,
    });
    // A play: its cast list, two acts and three scenes; a deleted chapter is not counted as kept.
    renderReport([
      typed(0, 'front_matter'),
      typed(1, 'part'),
      typed(2, 'chapter'),
      typed(3, 'chapter'),
      typed(4, 'part'),
      typed(5, 'prologue'),
      typed(6, 'chapter', true),
    ]);
    const report = screen.getByRole('region', { name: 'What the import found' });
    expect(within(report).getByText('Kept for production').nextElementSibling?.textContent).toBe(
      '1 front matter section, 2 parts, and 3 chapters',
    );
    const restore = within(report).getByRole('link', { name: 'See them and restore one' });
    expect(restore.getAttribute('href')).toBe('/chapters?deleted=shown');
    expect(restore.closest('dd')?.textContent).toMatch(/^3 sections \(front or back matter\)/);
  });

  it('lists a whole book’s doubts twenty at a time, the rest on request', () => {
    const chapters = Array.from({ length: 300 }, (_, i) => chapter(i + 1, [{ code: 'uncertain_start', message: '' }]));
    renderReport(chapters);
    expect(screen.getAllByRole('listitem')).toHaveLength(1 + 20);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 300' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(1 + 300);
  });

  it('does not say no chapter was doubted before the chapters are known', () => {
    renderReport(undefined);
    expect(screen.queryByText(/chapters? to check|doubted none/)).toBeNull();
    renderReport([chapter(1)]);
    expect(screen.getByText('Chapter detection doubted none of the chapters.')).toBeTruthy();
  });

  describe('notes about the file, from their codes', () => {
    afterEach(async () => {
      await i18n.changeLanguage('en-US');
    });
    const noted: Manuscript = {
      ...manuscript,
      format: 'epub',
      warnings: ['3 TOC entries point nowhere', 'Unrecognised paragraph style: Fancy'],
      notes: [
        { code: 'toc_entries_unresolved', params: { count: 3 }, message: '3 TOC entries point nowhere' },
        { code: 'library_message', params: { source: 'docx' }, message: 'Unrecognised paragraph style: Fancy' },
      ],
    };

    it('says them in Portuguese for a pt-BR producer, with a library’s own words marked as English', async () => {
      await i18n.changeLanguage('pt-BR');
      renderReport([chapter(1)], noted);
      expect(screen.getByText('A importação deixou 2 observações sobre este arquivo.')).toBeTruthy();
      expect(screen.getByText('3 entradas do sumário não apontam para nenhum lugar do livro.')).toBeTruthy();
      expect(screen.queryByText('3 TOC entries point nowhere')).toBeNull();
      const library = screen.getByText('Unrecognised paragraph style: Fancy');
      expect(library.getAttribute('lang')).toBe('en');
      expect(library.closest('li')?.textContent).toMatch(/^Observação do leitor de DOCX/);
    });

    it('says them in Spanish for an es-PE producer', async () => {
      await i18n.changeLanguage('es-PE');
      renderReport([chapter(1)], manuscript);
      expect(screen.getByText('Se quitaron el encabezado y la licencia de Project Gutenberg')).toBeTruthy();
    });
  });
});
