import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router-dom';
import i18n from '../../i18n';
import { ProblemList, type Problem } from './ProblemList';

const chapters: Record<string, string> = { c1: 'The Storm', c2: 'Harbour Lights' };
const characters: Record<string, string> = { ch1: 'Rosa' };

function renderList(problems: Problem[]) {
  return render(
    <MemoryRouter>
      <ProblemList
        id="problems"
        title="Problems"
        empty="Nothing"
        problems={problems}
        projectId="p1"
        titleOf={(id) => (id ? (chapters[id] ?? '') : '')}
        nameOf={(id) => (id ? (characters[id] ?? '') : '')}
      />
    </MemoryRouter>,
  );
}

const items = () => within(screen.getByRole('list')).getAllByRole('listitem');

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

describe('the estimate’s problem list', () => {
  it('shows each problem’s severity, what it is and a link to where it is fixed', () => {
    renderList([
      { code: 'segment_too_long', severity: 'blocking', message: 'x', chapterId: 'c1', segmentId: 's4' },
      { code: 'chapter_not_planned', severity: 'blocking', message: 'x', chapterId: 'c2' },
      { code: 'voice_missing', severity: 'blocking', message: 'x', characterId: 'ch1' },
      { code: 'isbn_missing', severity: 'warning', message: 'x', platform: 'acx' },
      { code: 'no_chapters', severity: 'blocking', message: 'x' },
    ]);
    const [line, chapter, voice, isbn, manuscript] = items();
    expect(line.textContent).toContain('Blocking');
    expect(line.textContent).toContain('A line in “The Storm” is too long for one request; split it.');
    expect(within(line).getByRole('link', { name: 'Find the line in “The Storm”' }).getAttribute('href')).toBe(
      '/projects/p1/plan/c1',
    );
    expect(within(chapter).getByRole('link', { name: 'Open “Harbour Lights” in the plan' }).getAttribute('href')).toBe(
      '/projects/p1/plan/c2',
    );
    expect(voice.textContent).toContain('Rosa has no voice yet.');
    expect(within(voice).getByRole('link', { name: 'Go to casting' }).getAttribute('href')).toBe(
      '/projects/p1/casting',
    );
    expect(isbn.textContent).toContain('Warning');
    expect(isbn.textContent).toContain('the ACX / Audible package');
    expect(within(isbn).getByRole('link', { name: 'Edit the book details' }).getAttribute('href')).toBe('/projects/p1');
    expect(within(manuscript).getByRole('link', { name: 'Upload a manuscript' }).getAttribute('href')).toBe(
      '/projects/p1/manuscript',
    );
  });

  it('lists every problem of the same code in one chapter once, with keys React can tell apart', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderList([
      { code: 'nothing_to_speak', severity: 'warning', message: 'x', chapterId: 'c1', segmentId: 's1' },
      { code: 'nothing_to_speak', severity: 'warning', message: 'x', chapterId: 'c1', segmentId: 's2' },
      { code: 'unknown_speakers', severity: 'blocking', message: 'x', chapterId: 'c1' },
      { code: 'unknown_speakers', severity: 'blocking', message: 'x', chapterId: 'c1' },
    ]);
    expect(items()).toHaveLength(4);
    expect(consoleError.mock.calls.flat().join(' ')).not.toMatch(/same key/);
  });

  it('shows the server’s message for a code this build does not know', () => {
    renderList([{ code: 'narrator_on_strike', severity: 'blocking', message: 'The narrator is on strike' }]);
    expect(items()[0].textContent).toContain('The narrator is on strike');
    expect(screen.getByText('The narrator is on strike').getAttribute('lang')).toBe('en');
  });

  it('speaks the reader’s language', async () => {
    await i18n.changeLanguage('es-PE');
    renderList([{ code: 'segment_too_long', severity: 'blocking', message: 'x', chapterId: 'c1', segmentId: 's4' }]);
    expect(items()[0].textContent).toContain('Bloqueante');
    expect(screen.getByRole('link', { name: 'Buscar la línea en “The Storm”' })).toBeTruthy();
    await i18n.changeLanguage('pt-BR');
    expect(items()[0].textContent).toContain('Impeditivo');
  });
});
