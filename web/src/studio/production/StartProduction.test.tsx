import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../../admin/testSupport';
import i18n from '../../i18n';
import { chapterSummary } from '../../test/chapterSummary';
import { renderInStudio } from '../../test/render';
import { StudioMemoryProvider } from '../studioMemory';
import { StartProduction } from './StartProduction';

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

const PRODUCTION_CSS = path.resolve(__dirname, '..', '..', 'styles', 'studio2.css');

describe('the production form', () => {
  it('says what the month’s remaining quota counts, next to the characters this production needs', async () => {
    await i18n.changeLanguage('pt-BR');
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: { estimate: { totalUsd: 0 }, billableCharacters: 997, estimatedAudioSeconds: 61, problems: [] },
      },
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 670, limit: 20_000_000, remaining: 19_999_330 } } },
    });
    renderInStudio(<StartProduction />);
    const remaining = await screen.findByText('19.999.330');
    expect(remaining.closest('.stat')?.querySelector('dt')?.textContent).toBe('Caracteres disponíveis neste mês');
  });

  it('lays its four figures out four, two or one to a row, never two over one and one', async () => {
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: { estimate: { totalUsd: 0 }, billableCharacters: 997, estimatedAudioSeconds: 61, problems: [] },
      },
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 670, limit: 20_000_000, remaining: 19_999_330 } } },
    });
    renderInStudio(<StartProduction />);
    const audio = await screen.findByText('Estimated audio length');
    expect(audio.closest('dl')?.querySelectorAll('.stat')).toHaveLength(4);
    expect(screen.getByText(/speaking rate of the voices cast/)).toBeTruthy();
    // jsdom lays nothing out: the rules themselves must make an even grid, its columns chosen by the card's width.
    const css = fs.readFileSync(PRODUCTION_CSS, 'utf8');
    const columns = [...css.matchAll(/\.start-production \.stat-grid--figures\s*\{([^}]*)\}/g)].map(
      (match) => /grid-template-columns:\s*([^;]+);/.exec(match[1])?.[1],
    );
    expect(columns).toEqual(['repeat(4, minmax(0, 1fr))', 'repeat(2, minmax(0, 1fr))', 'minmax(0, 1fr)']);
    expect(css).toMatch(/\.start-production\s*\{\s*container-type:\s*inline-size;/);
  });

  const reviewOf = (decisions: { decision: 'approved' | 'pending'; approvalStale?: boolean }[]) => ({
    chapters: decisions.map(({ decision, approvalStale = false }, index) => ({
      chapterId: `c${index + 1}`,
      title: `Chapter ${index + 1}`,
      order: index,
      decision,
      approvalStale,
      openThreads: 0,
      resolvedThreads: 0,
      approval: null,
    })),
    totals: { chapters: decisions.length, approved: 0, changesRequested: 0, openThreads: 0 },
  });
  const quietEstimate = {
    'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
    'GET /v1/projects/p1/productions/estimate': {
      body: { estimate: { totalUsd: 0 }, billableCharacters: 900, estimatedAudioSeconds: 61, problems: [] },
    },
    'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 0, limit: 2_000, remaining: 2_000 } } },
  };

  it('says before the start that no chapter is approved when only approved ones are to be produced', async () => {
    fakeApi(quietEstimate);
    // One approval went stale (a voice changed since): it no longer counts.
    const review = reviewOf([{ decision: 'pending' }, { decision: 'approved', approvalStale: true }]);
    renderInStudio(<StartProduction />, {}, undefined, { review });
    await screen.findByText('Estimated audio length');
    fireEvent.click(screen.getByLabelText('Approved chapters only'));
    const note = screen.getByText(/^No chapter is approved yet/);
    expect(note.querySelector('a')?.getAttribute('href')).toBe('/projects/p1/review');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Start production' }).disabled).toBe(true);

    fireEvent.click(screen.getByLabelText('All chapters'));
    expect(screen.queryByText(/^No chapter is approved yet/)).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Start production' }).disabled).toBe(false);
  });

  it('says a refusal for want of approved chapters as such, not as a plan that is not ready', async () => {
    const refusal = { code: 'unprocessable', message: 'No chapter is approved', details: { field: 'approvedOnly' } };
    fakeApi({
      ...quietEstimate,
      'POST /v1/projects/p1/productions': { status: 422, body: { error: { ...refusal, requestId: 'r' } } },
    });
    // The page read one approval, withdrawn by the time the production is asked for.
    renderInStudio(<StartProduction />, {}, undefined, { review: reviewOf([{ decision: 'approved' }]) });
    await screen.findByText('Estimated audio length');
    fireEvent.click(screen.getByLabelText('Approved chapters only'));
    fireEvent.click(screen.getByRole('button', { name: 'Start production' }));
    expect(await screen.findByText(/^Refused: no chapter is approved for what it sounds like now/)).toBeTruthy();
    expect(screen.queryByText(/the plan is not ready/)).toBeNull();
  });

  it('says before the start that the packages would fail a retailer rule, with the way to the warnings', async () => {
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: {
          estimate: { totalUsd: 0 },
          billableCharacters: 900,
          estimatedAudioSeconds: 61,
          problems: [
            { code: 'cover_missing', severity: 'warning', platform: 'apple', message: 'No cover' },
            { code: 'cover_missing', severity: 'warning', platform: 'acx', message: 'No cover' },
          ],
        },
      },
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 0, limit: 2_000, remaining: 2_000 } } },
    });
    renderInStudio(<StartProduction />);
    const warning = await screen.findByText(/^2 warnings: production can start, but a package may fail/);
    expect(warning.querySelector('a')?.getAttribute('href')).toBe('/projects/p1/estimate');
  });

  it('warns when the lines fit the month but the credits the start also reserves do not', async () => {
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: {
          estimate: { totalUsd: 0 },
          billableCharacters: 900,
          estimatedAudioSeconds: 61,
          problems: [],
          quota: {
            monthlyCharacters: {
              limit: 2_000,
              used: 600,
              reserved: 400,
              requested: 1_100,
              remaining: 1_000,
              resetsAt: '2027-01-01T00:00:00.000Z',
            },
          },
        },
      },
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 600, limit: 2_000, remaining: 1_400 } } },
    });
    renderInStudio(<StartProduction />);
    const warning = await screen.findByText(/more than your organization has left/);
    expect(warning.textContent).toContain('1,100');
  });

  it('counts the chosen chapters only when producing a selection, not the whole book', async () => {
    const chapterList = [chapterSummary('ch1'), chapterSummary('ch2'), chapterSummary('ch3')];
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: chapterList, continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': (request) => ({
        body: request.path.includes('chapterIds=ch2')
          ? { estimate: { totalUsd: 0 }, billableCharacters: 1_200, estimatedAudioSeconds: 90, problems: [] }
          : { estimate: { totalUsd: 0 }, billableCharacters: 13_423, estimatedAudioSeconds: 814, problems: [] },
      }),
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 0, limit: 20_000_000, remaining: 20_000_000 } } },
    });
    renderInStudio(<StartProduction />);
    await screen.findByText('13,423');
    fireEvent.click(screen.getByLabelText('A selection'));
    fireEvent.click(await screen.findByLabelText('Chapter 2'));
    await screen.findByText('1,200');
    expect(screen.getByText('1 min 30 sec')).toBeTruthy();
    expect(screen.queryByText('13,423')).toBeNull();

    // The approved chapters are the server's to know: that choice shows the whole book's figures, and says so.
    fireEvent.click(screen.getByLabelText('Approved chapters only'));
    await screen.findByText('13,423');
    expect(screen.getByText(/^These figures are for the whole book/)).toBeTruthy();
  });
});

describe('a book produced in part', () => {
  it('has its chapters without audio chosen in one click, and the figures are theirs', async () => {
    const chapterList = [chapterSummary('ch1', { hasMaster: true }), chapterSummary('ch2'), chapterSummary('ch3')];
    const sent = fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: chapterList, continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': (request) => ({
        body: request.path.includes('chapterIds=ch2%2Cch3')
          ? { estimate: { totalUsd: 0 }, billableCharacters: 2_400, estimatedAudioSeconds: 180, problems: [] }
          : { estimate: { totalUsd: 0 }, billableCharacters: 13_423, estimatedAudioSeconds: 814, problems: [] },
      }),
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 0, limit: 20_000_000, remaining: 20_000_000 } } },
    });
    renderInStudio(<StartProduction />);
    await screen.findByText('13,423');
    fireEvent.click(screen.getByLabelText('A selection'));
    fireEvent.click(await screen.findByRole('button', { name: 'Select the 2 chapters without audio' }));
    expect(
      ['Chapter 1', 'Chapter 2', 'Chapter 3'].map((name) => (screen.getByLabelText(name) as HTMLInputElement).checked),
    ).toEqual([false, true, true]);
    await screen.findByText('2,400');
    expect(sent.some((request) => request.path.includes('chapterIds=ch2%2Cch3'))).toBe(true);
  });
});

describe('a selection in a long book', () => {
  const book = Array.from({ length: 183 }, (_, index) => chapterSummary(`ch${index + 1}`));
  const api = () =>
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: book, continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': (request) => {
        const ids = new URL(`http://x${request.path}`).searchParams.get('chapterIds')?.split(',') ?? [];
        const chapters = ids.length || book.length;
        return {
          body: {
            estimate: { totalUsd: 0 },
            billableCharacters: chapters * 1_000,
            estimatedAudioSeconds: chapters * 60,
            problems: [],
          },
        };
      },
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 0, limit: 20_000_000, remaining: 20_000_000 } } },
    });
  const checked = (title: string) => (screen.getByLabelText(title) as HTMLInputElement).checked;

  it('takes a range of chapters, keeps it while the list is filtered, counts it in view and estimates it', async () => {
    const sent = api();
    renderInStudio(<StartProduction />);
    await screen.findByText('183,000');
    fireEvent.click(screen.getByLabelText('A selection'));
    expect(await screen.findByText('Selected: 0 of 183 chapters')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('From chapter'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('to'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Select chapters 12 to 40' }));
    expect(screen.getByText('Selected: 29 of 183 chapters')).toBeTruthy();
    expect([checked('Chapter 11'), checked('Chapter 12'), checked('Chapter 40'), checked('Chapter 41')]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    // The estimate is the range's own, asked for its chapters.
    await screen.findByText('29,000');
    const range = book.slice(11, 40).map((chapter) => chapter.id);
    expect(
      sent.some(
        (request) =>
          new URL(`http://x${request.path}`).searchParams.get('chapterIds')?.split(',').sort().join() ===
          [...range].sort().join(),
      ),
    ).toBe(true);

    // Filtering shows fewer chapters and loses none of the chosen ones.
    const filter = screen.getByRole('searchbox', { name: 'Filter chapters' });
    fireEvent.change(filter, { target: { value: '150' } });
    const picker = screen.getByRole('list', { name: 'Chapters to produce' });
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(1);
    fireEvent.click(screen.getByLabelText('Chapter 150'));
    expect(screen.getByText('Selected: 30 of 183 chapters')).toBeTruthy();
    await screen.findByText('30,000');
    fireEvent.change(filter, { target: { value: '' } });
    expect([checked('Chapter 12'), checked('Chapter 40'), checked('Chapter 150')]).toEqual([true, true, true]);
  });

  it('refuses a range outside the book', async () => {
    api();
    renderInStudio(<StartProduction />);
    await screen.findByText('183,000');
    fireEvent.click(screen.getByLabelText('A selection'));
    fireEvent.change(await screen.findByLabelText('From chapter'), { target: { value: '170' } });
    fireEvent.change(screen.getByLabelText('to'), { target: { value: '200' } });
    expect((screen.getByRole('button', { name: 'Select these chapters' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('lines still flagged in the plan', () => {
  const api = () =>
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: [], continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: { estimate: { totalUsd: 0 }, billableCharacters: 997, estimatedAudioSeconds: 61, problems: [] },
      },
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 0, limit: 20_000_000, remaining: 20_000_000 } } },
    });

  it('are said beside the start, with the way to the plan, though nothing blocks the production', async () => {
    api();
    renderInStudio(<StartProduction />, {}, undefined, { flagged: { count: 100, more: true } });
    const note = await screen.findByText(/100\+ lines are still flagged in the plan/);
    expect(note.closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Check them in the plan' }).getAttribute('href')).toBe('/projects/p1/plan');
  });

  it('link to the first chapter holding one, opened on its flagged lines', async () => {
    api();
    const counts = { segments: 20, unknownSpeaker: 0, unknownDialogue: 0 };
    renderInStudio(<StartProduction />, {}, undefined, {
      flagged: { count: 3, more: false },
      chapters: [
        chapterSummary('c1', { review: { ...counts, flagged: 0 } }),
        chapterSummary('c2', { review: { ...counts, flagged: 3 } }),
      ],
    });
    expect((await screen.findByRole('link', { name: 'Check them in the plan' })).getAttribute('href')).toBe(
      '/projects/p1/plan/c2?show=flagged',
    );
  });

  it('are not mentioned when there are none', async () => {
    api();
    renderInStudio(<StartProduction />, {}, undefined, { flagged: { count: 0, more: false } });
    await screen.findByText('Start production');
    expect(screen.queryByText(/still flagged/)).toBeNull();
  });
});

describe('the chapters chosen for a production', () => {
  /** The production page takes the form away while a job runs and draws it again when the job ends. */
  function FormBetweenJobs() {
    const [jobRunning, setJobRunning] = useState(false);
    return (
      <StudioMemoryProvider>
        <button type="button" onClick={() => setJobRunning((running) => !running)}>
          {jobRunning ? 'The job ends' : 'A job runs'}
        </button>
        {!jobRunning && <StartProduction />}
      </StudioMemoryProvider>
    );
  }

  it('are still chosen when the form is drawn again after a job, not back to all chapters', async () => {
    const chapterList = [chapterSummary('ch1'), chapterSummary('ch2'), chapterSummary('ch3')];
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: chapterList, continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: { estimate: { totalUsd: 0 }, billableCharacters: 1_200, estimatedAudioSeconds: 90, problems: [] },
      },
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 0, limit: 20_000_000, remaining: 20_000_000 } } },
    });
    renderInStudio(<FormBetweenJobs />);
    fireEvent.click(await screen.findByLabelText('A selection'));
    fireEvent.click(await screen.findByLabelText('Chapter 1'));
    fireEvent.click(screen.getByLabelText('Chapter 3'));

    fireEvent.click(screen.getByRole('button', { name: 'A job runs' }));
    expect(screen.queryByLabelText('A selection')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'The job ends' }));

    expect((screen.getByLabelText('A selection') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Selected: 2 of 3 chapters')).toBeTruthy();
    expect(
      ['Chapter 1', 'Chapter 2', 'Chapter 3'].map((name) => (screen.getByLabelText(name) as HTMLInputElement).checked),
    ).toEqual([true, false, true]);
  });

  it('keep the retailers chosen when the form is drawn again after a job, not back to Apple and ACX', async () => {
    fakeApi({
      'GET /v1/projects/p1/chapters': { body: { items: [chapterSummary('ch1')], continuationToken: null } },
      'GET /v1/projects/p1/productions/estimate': {
        body: { estimate: { totalUsd: 0 }, billableCharacters: 1_200, estimatedAudioSeconds: 90, problems: [] },
      },
      'GET /v1/tenant/usage': { body: { monthlyCharacters: { used: 0, limit: 20_000_000, remaining: 20_000_000 } } },
    });
    renderInStudio(<FormBetweenJobs />);
    const retailers = await screen.findByRole('group', { name: 'Packages to build' });
    fireEvent.click(within(retailers).getByLabelText('Apple Books'));
    fireEvent.click(within(retailers).getByLabelText('Kobo'));

    fireEvent.click(screen.getByRole('button', { name: 'A job runs' }));
    fireEvent.click(screen.getByRole('button', { name: 'The job ends' }));

    const chosen = within(screen.getByRole('group', { name: 'Packages to build' }))
      .getAllByRole('checkbox')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => box.parentElement?.textContent);
    expect(chosen).toEqual(['ACX / Audible', 'Kobo']);
  });
});
