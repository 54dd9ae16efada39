import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Package } from '../api/production';
import type { ChapterSummary, ProjectFacts } from '../api/types';
import i18n from '../i18n';
import { renderInStudio, testProject } from '../test/render';
import { OutdatedPlan } from './plan/OutdatedPlan';
import { ChangedChapters, ChaptersLeftOut } from './production/ChapterChanges';
import { StageBadge } from './StageBadge';
import { StepNav } from './StepNav';
import { studioSteps, type StudioStatus } from './steps';
import { chapterSummary } from '../test/chapterSummary';

/**
 * What a producer is told once a book was produced: a chapter with nothing to read does not keep the book "partly
 * produced", a line edited after the packages were built marks them stale with the chapter named, and a plan made by
 * an earlier planner says so and what planning again keeps.
 */
const project = testProject();
const facts: ProjectFacts = {
  manuscriptStatus: 'ready',
  chapterCount: 2,
  characterCount: 2,
  charactersWithVoice: 2,
  segmentCount: 30,
  segmentsWithSpeaker: 30,
  segmentsRendered: 28,
  chaptersMastered: 1,
  chaptersWithNothingToSpeak: 1,
  packagesReady: 1,
  activeJobId: null,
};

function chapter(id: string, title: string, overrides: Partial<ChapterSummary> = {}): ChapterSummary {
  return chapterSummary(id, {
    title,
    stats: { words: 100, characters: 500, estimatedMinutes: 1 },
    planStatus: 'planned',
    hasMaster: true,
    masteredByJobId: 'j1',
    masterPlanRevision: 2,
    updatedAt: '2025-01-09T00:00:00.000Z',
    ...overrides,
  });
}

const interlude = chapter('c2', 'Interlude', {
  hasMaster: false,
  masteredByJobId: null,
  masterPlanRevision: null,
  nothingToSpeak: 'no_words',
});

function builtPackage(chapterPlanRevisions: Record<string, number>): Package {
  return {
    id: 'pkg1',
    projectId: 'p1',
    platform: 'apple',
    version: 1,
    jobId: 'j1',
    fileName: 'book.m4b',
    bytes: 1000,
    sha256: 'abc',
    contentType: 'audio/mp4',
    totalDurationSec: 60,
    readiness: { platform: 'apple', passed: true, rules: [] },
    stats: { encoded: 2, reused: 0 },
    chapterPlanRevisions,
    expired: false,
    expiresAt: '2025-02-01T00:00:00.000Z',
    createdAt: '2025-01-10T00:00:00.000Z',
    createdBy: 'u1',
  };
}

const status = (overrides: Partial<StudioStatus> = {}): StudioStatus => ({
  project,
  facts,
  activeJob: undefined,
  review: undefined,
  flagged: undefined,
  ...overrides,
});
const stepOf = (id: string, overrides: Partial<StudioStatus> = {}) => {
  const step = studioSteps(status(overrides)).find((candidate) => candidate.id === id)!;
  return { state: step.state, detail: step.detail?.values, attention: step.attention };
};

beforeAll(() => {
  // jsdom has the dialog element without its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

describe('a book with a chapter that has nothing to read', () => {
  it('is produced once every chapter with something to read is, and its steps say so', () => {
    render(
      <MemoryRouter>
        <StepNav status={status()} />
      </MemoryRouter>,
    );
    expect(screen.getByText(/1 of 1 chapters produced/)).toBeTruthy();
    expect(stepOf('production', { chapters: [chapter('c1', 'Chapter 1'), interlude] }).state).toBe('done');
    expect(stepOf('listen').state).toBe('done');
  });

  it('is not called partly produced', () => {
    render(<StageBadge project={project} facts={facts} />);
    expect(screen.getByText('Produced')).toBeTruthy();
    expect(screen.queryByText(/Partly produced/)).toBeNull();
  });

  it('names the chapter production leaves out and why', async () => {
    await i18n.changeLanguage('pt-BR');
    render(
      <ChaptersLeftOut
        chapters={[
          chapter('c1', 'Chapter 1'),
          interlude,
          chapter('c3', 'Cast', { nothingToSpeak: 'speaker_labels_only' }),
        ]}
      />,
    );
    expect(screen.getByText('2 capítulos ficam fora da produção: não têm nada para ler')).toBeTruthy();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      'Interlude: nenhuma palavra para ler (só sinais como * * *)',
      'Cast: só nomes de quem fala, que nunca são lidos em voz alta',
    ]);
  });
});

/** The warning that lists changed chapters (the toasts' region is an alert too). */
async function changesAlert(): Promise<HTMLElement> {
  return (await screen.findByText(/Changed since the packages were built/)).closest<HTMLElement>('[role="alert"]')!;
}

/** What the server answers when asked which produced chapters would sound different now. */
function soundChanges(chapterIds: string[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) =>
      input.endsWith('/sound-changes')
        ? new Response(JSON.stringify({ chapterIds }), { status: 200, headers: { 'content-type': 'application/json' } })
        : new Response('{}', { status: 404 }),
    ),
  );
}

describe('a voice or a pronunciation changed after a production', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the chapters that would sound different now beside those whose lines changed', async () => {
    soundChanges(['c4']);
    const packages = [builtPackage({ c1: 2, c4: 2 })];
    const chapters = [chapter('c1', 'Chapter 1', { planRevision: 3 }), chapter('c4', 'Chapter 4'), interlude];
    renderInStudio(<ChangedChapters projectId="p1" chapters={chapters} packages={packages} linkToProduction />);
    const alert = await changesAlert();
    await within(alert).findAllByText(/would sound different now/);
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Chapter 1', 'Chapter 4: would sound different now (a voice, a pronunciation or the pauses changed)']);
  });

  it('says nothing when the book sounds as it was produced', async () => {
    soundChanges([]);
    const packages = [builtPackage({ c1: 2 })];
    const { queryClient } = renderInStudio(
      <ChangedChapters projectId="p1" chapters={[chapter('c1', 'Chapter 1')]} packages={packages} linkToProduction />,
    );
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.queryByText(/Changed since/)).toBeNull();
  });
});

describe('a line edited after the packages were built', () => {
  // The edit leaves the chapter's time stamp as it was (a line's speaker is not the chapter's own field): only its plan
  // revision moves past the one the package was built from.
  const edited = chapter('c1', 'Chapter 1', { planRevision: 3 });
  const packages = [builtPackage({ c1: 2 })];

  it('marks production and delivery as changed since they were made', () => {
    expect({
      production: stepOf('production', { chapters: [edited, interlude], packages }).attention,
      delivery: stepOf('delivery', { chapters: [edited, interlude], packages }).attention,
      untouched: stepOf('delivery', { chapters: [chapter('c1', 'Chapter 1'), interlude], packages }).state,
    }).toEqual({
      production: { key: 'audioStale', count: 1 },
      delivery: { key: 'packagesStale', count: 1 },
      untouched: 'done',
    });
  });

  it('says which chapters changed since the packages and where to produce them again', async () => {
    soundChanges([]);
    renderInStudio(
      <ChangedChapters projectId="p1" chapters={[edited, interlude]} packages={packages} linkToProduction />,
    );
    const alert = await changesAlert();
    expect(within(alert).getByText('Changed since the packages were built: produce again')).toBeTruthy();
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Chapter 1']);
    expect(within(alert).getByRole('link', { name: 'Produce these chapters again' }).getAttribute('href')).toBe(
      '/projects/p1/production',
    );
  });
});

describe('a plan made by an earlier planner', () => {
  const outdated = chapter('c1', 'Act I', { planOutdated: true, plannerRevision: 0, lineEdits: 3 });

  it('makes the plan step ask for attention', () => {
    expect(stepOf('plan', { chapters: [outdated] }).attention).toEqual({ key: 'planOutdated', count: 1 });
  });

  it('offers to plan the chapter again, saying first what of the edits is kept', () => {
    const onPlan = vi.fn();
    render(<OutdatedPlan chapters={[outdated, chapter('c2', 'Act II')]} canEdit busy={false} onPlan={onPlan} />);
    expect(screen.getByText('1 chapter was planned the old way')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Plan this chapter again' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/You edited lines 3 times in these chapters/)).toBeTruthy();
    expect(within(dialog).getByText(/a line you split or joined is cut again by the planner/)).toBeTruthy();
    expect(onPlan).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plan again' }));
    expect(onPlan).toHaveBeenCalledWith(['c1']);
  });
});

describe('the stage badge of a book ready to produce', () => {
  const ready: ProjectFacts = {
    ...facts,
    segmentsRendered: 0,
    chaptersMastered: 0,
    chaptersWithNothingToSpeak: 0,
    packagesReady: 0,
  };

  it('says how many lines are left to check from the stored count', () => {
    render(<StageBadge project={project} facts={{ ...ready, segmentsFlagged: 1 }} />);
    expect(screen.getByText('Ready · 1 line to check')).toBeTruthy();
  });

  it('falls back to the page’s flagged lines, with a plus when there are more, on facts counted before the count was kept', () => {
    render(<StageBadge project={project} facts={ready} flaggedFallback={{ count: 100, more: true }} />);
    expect(screen.getByText('Ready · 100+ lines to check')).toBeTruthy();
  });

  it('says ready to produce when nothing is flagged', () => {
    render(
      <StageBadge
        project={project}
        facts={{ ...ready, segmentsFlagged: 0 }}
        flaggedFallback={{ count: 3, more: false }}
      />,
    );
    expect(screen.getByText('Ready to produce')).toBeTruthy();
  });
});
