import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Package } from '../../api/production';
import i18n from '../../i18n';
import { builtPackage } from '../../test/builtPackage';
import { ReadinessReport } from './ReadinessReport';

function acxPackage(rules: Package['readiness']['rules']): Package {
  return builtPackage({
    id: 'job1-acx',
    platform: 'acx',
    version: 2,
    fileName: 'Book - ACX.zip',
    contentType: 'application/zip',
    readiness: { platform: 'acx', passed: rules.every((r) => r.passed), rules },
    stats: { encoded: 3, reused: 0 },
  });
}

/** The report of an ACX package with these rules; it links to other steps of the studio, so it is drawn inside a router. */
const renderReport = (rules: Package['readiness']['rules']) =>
  render(
    <MemoryRouter>
      <ReadinessReport headingId="r" pkg={acxPackage(rules)} />
    </MemoryRouter>,
  );

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

describe('the readiness report', () => {
  it('shows each rule with its result in words, the measured and expected values, and what to do about a failure', () => {
    renderReport([
      { id: 'rms', description: 'RMS level', passed: true, measured: '-20.1 dB', expected: '-23 to -18 dB' },
      {
        id: 'retail-sample',
        description: 'Retail sample',
        passed: false,
        measured: '0.5 min',
        expected: '1-5 min',
      },
    ]);
    expect(screen.getByRole('heading', { name: 'ACX / Audible' })).toBeTruthy();
    expect(screen.getByText('1 rule failed')).toBeTruthy();
    // The failed rule comes first: it is what the producer has to act on.
    const [, failed, passed] = screen.getAllByRole('row');
    expect(within(passed).getByRole('rowheader').textContent).toMatch('RMS level');
    expect(passed.textContent).toMatch('Passed');
    expect(passed.textContent).toMatch('-20.1 dB');
    expect(passed.textContent).toMatch('-23 to -18 dB');
    expect(within(failed).getByRole('rowheader').textContent).toMatch('Retail sample');
    expect(failed.textContent).toMatch('Failed');
    expect(failed.textContent).toMatch('0.5 min');
    expect(failed.textContent).toMatch('1-5 min');
    expect(failed.textContent).toMatch(/retail sample must last 1–5 minutes/);
    // A rule that passed needs no advice.
    expect(passed.textContent).not.toMatch(/produce again/i);
  });

  it('says a package is ready when every rule passes', () => {
    renderReport([{ id: 'cover', description: 'Cover art', passed: true, measured: '3000x3000', expected: '≥ 2400' }]);
    expect(screen.getByText('Ready')).toBeTruthy();
  });

  it("shows a rule it does not know by the server's description, with general advice", () => {
    renderReport([{ id: 'new-rule', description: 'Something new', passed: false, measured: 'a', expected: 'b' }]);
    expect(screen.getByRole('rowheader').textContent).toMatch('Something new');
    expect(screen.getByRole('rowheader').textContent).toMatch('Fix what the rule measures and produce again.');
  });

  it('says the measured and expected values in the reader’s language, numbers written their way', async () => {
    await i18n.changeLanguage('pt-BR');
    renderReport([
      {
        id: 'total-length',
        description: 'Single track length',
        passed: true,
        measured: '0.57 h',
        expected: '< 23 h',
        measuredValues: [{ code: 'quantity', params: { value: 0.57, unit: 'h', decimals: 2 } }],
        expectedValue: { code: 'less_than', params: { value: 23, unit: 'h' } },
      },
      {
        id: 'rms',
        description: 'RMS level',
        passed: false,
        measured: 'ch01.mp3: -28.0 dB (+1 more files)',
        expected: '-23..-18 dB',
        measuredValues: [{ code: 'quantity', params: { value: -28, unit: 'dB', decimals: 1 } }],
        failingFile: { name: 'ch01.mp3', otherFailingFiles: 1 },
        expectedValue: { code: 'range', params: { min: -23, max: -18, unit: 'dB' } },
      },
      {
        id: 'credits',
        description: 'Opening and closing credits',
        passed: false,
        measured: 'missing',
        expected: 'opening and closing credits files',
        measuredValues: [{ code: 'missing', params: {} }],
        expectedValue: { code: 'opening_and_closing_credits', params: {} },
      },
      {
        id: 'channels',
        description: 'All files share one channel layout (all mono or all stereo)',
        passed: false,
        measured: 'mono, stereo',
        expected: 'one layout',
        measuredValues: [
          { code: 'channel_layout', params: { channels: 1 } },
          { code: 'channel_layout', params: { channels: 2 } },
        ],
        expectedValue: { code: 'one_layout', params: {} },
      },
      {
        id: 'chapter-markers',
        description: 'Chapter markers with titles',
        passed: false,
        measured: '4 markers, 3 titled',
        expected: '≥ 1, all titled',
        measuredValues: [{ code: 'markers', params: { count: 4, titled: 3 } }],
        expectedValue: { code: 'all_markers_titled', params: { min: 1 } },
      },
      {
        id: 'sample-rate',
        description: 'Sample rate',
        passed: true,
        measured: '44100 Hz',
        expected: '44100 Hz',
        measuredValues: [{ code: 'quantity', params: { value: 44100, unit: 'Hz' } }],
        expectedValue: { code: 'quantity', params: { value: 44100, unit: 'Hz' } },
      },
    ]);
    // Failed rules first, each group in the packaging's order.
    const [, rms, credits, channels, markers, total, rate] = screen.getAllByRole('row');
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    // A value keeps its unit and its sign on its line: in a narrow column "-21,3 dB" broke before "dB".
    expect(cells(total).slice(1)).toEqual(['0,57\u00a0h', '<\u00a023\u00a0h']);
    expect(cells(rms).slice(1)).toEqual(['ch01.mp3: -28,0\u00a0dB (+1 outro arquivo)', '-23 a -18\u00a0dB']);
    expect(cells(credits).slice(1)).toEqual(['ausente', 'arquivos de créditos de abertura e de encerramento']);
    expect(cells(channels).slice(1)).toEqual(['mono, estéreo', 'o mesmo layout em todos os arquivos']);
    expect(cells(markers).slice(1)).toEqual(['4 marcadores, 3 com título', 'pelo menos 1, todos com título']);
    expect(cells(rate).slice(1)).toEqual(['44.100\u00a0Hz', '44.100\u00a0Hz']);
  });

  it("says an M4B's chapter marks as the package's own chapters and credits, in the reader's language", async () => {
    const markers = (chapters: number, credits: number): Package['readiness']['rules'] => [
      {
        id: 'chapter-markers',
        description: 'Chapter markers with titles',
        passed: true,
        measured: '',
        expected: '',
        measuredValues: [
          {
            code: 'chapter_markers',
            params: { chapters, credits, count: chapters + credits, titled: chapters + credits },
          },
        ],
        expectedValue: { code: 'marker_per_chapter', params: { chapters, credits, count: chapters + credits } },
      },
    ];
    const cells = () =>
      within(screen.getAllByRole('row')[1])
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
        .slice(1);
    const { unmount } = renderReport(markers(3, 2));
    // Three chapters produced: the producer reads three, with the credits that make the five marks.
    expect(cells()).toEqual([
      '3 chapters and the credits (5 markers), 5 titled',
      'one per chapter and credits file (5), all titled',
    ]);
    unmount();
    await i18n.changeLanguage('pt-BR');
    const again = renderReport(markers(1, 0));
    expect(cells()).toEqual(['1 capítulo, 1 de 1 marcadores com título', 'um por capítulo (1), todos com título']);
    again.unmount();
  });

  it('shows the English text of a package built before rules carried their values as codes', async () => {
    await i18n.changeLanguage('pt-BR');
    renderReport([
      {
        id: 'total-length',
        description: 'Total running time',
        passed: true,
        measured: '0.57 h',
        expected: '< 23 h',
      },
    ]);
    const [, row] = screen.getAllByRole('row');
    const [, measured, expected] = within(row).getAllByRole('cell');
    expect(measured.textContent).toBe('0.57 h');
    expect(measured.firstElementChild?.getAttribute('lang')).toBe('en');
    expect(expected.textContent).toBe('< 23 h');
  });

  it('writes a cover’s measured and expected pixel sizes, and how to fix it, with the reader’s thousands separator', async () => {
    await i18n.changeLanguage('es-PE');
    renderReport([
      {
        id: 'cover',
        description: 'Cover art',
        passed: false,
        measured: '2000x2000 srgb jpeg',
        expected: 'square, >= 2400 px',
        measuredValues: [
          { code: 'cover_measured', params: { width: 2000, height: 2000, colorSpace: 'sRGB', format: 'JPEG' } },
        ],
        expectedValue: {
          code: 'cover_expected',
          params: { minPx: 1400, maxPx: 0, square: 1, rgb: 1, formats: 'JPEG' },
        },
      },
    ]);
    const [, cover] = screen.getAllByRole('row');
    expect(cover.textContent).toMatch('2,000 × 2,000 px sRGB JPEG');
    expect(cover.textContent).toMatch('1,400 px');
    // The advice names this retailer's minimum, the one its rule expects.
    expect(cover.textContent).toMatch('al menos 1,400 px en el paso del libro');
    expect(cover.textContent).not.toMatch(/\b1400\b|\b2000\b/);
  });

  it('links a failure fixed in another step to that step, and a failure fixed by producing again to none', () => {
    renderReport([
      { id: 'cover', description: 'Cover art', passed: false, measured: 'missing', expected: 'square' },
      { id: 'chapter-markers', description: 'Markers', passed: false, measured: '0', expected: '1' },
      { id: 'peak', description: 'Peak level', passed: false, measured: '-1 dB', expected: '-3 dB' },
      { id: 'isbn', description: 'ISBN', passed: true, measured: 'ok', expected: 'ok' },
    ]);
    const [, cover, markers, peak, isbn] = screen.getAllByRole('row');
    expect(within(cover).getByRole('link', { name: 'Open the Book step' }).getAttribute('href')).toBe('/projects/p1/');
    expect(within(markers).getByRole('link', { name: 'Open the Chapters step' }).getAttribute('href')).toBe(
      '/projects/p1/chapters',
    );
    expect(within(peak).queryByRole('link')).toBeNull();
    expect(within(isbn).queryByRole('link')).toBeNull();
  });

  it('names the measured container as the retailer does, not by the audio probe’s whole family of names', () => {
    const literal = (text: string) => ({ code: 'literal' as const, params: { text } });
    renderReport([
      {
        id: 'format',
        description: 'Audio format accepted by the retailer',
        passed: true,
        measured: 'mov,mp4,m4a,3gp,3g2,mj2/aac',
        expected: 'mp4/aac',
        measuredValues: [literal('mov,mp4,m4a,3gp,3g2,mj2/aac')],
        expectedValue: literal('mp4/aac'),
      },
    ]);
    const [, row] = screen.getAllByRole('row');
    expect(row.textContent).toContain('mp4/aacmp4/aac');
    expect(row.textContent).not.toContain('3gp');
  });
});
