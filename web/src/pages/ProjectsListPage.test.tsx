import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, ME_ADMIN, renderPage } from '../admin/testSupport';
import type { Project, ProjectFacts } from '../api/types';
import i18n from '../i18n';
import { testProject } from '../test/render';
import { ProjectsListPage } from './ProjectsListPage';

/**
 * The list words each book's stage from the counts the API sends with it. The workflow alone says production is "in
 * progress" both while a production runs and after a production of some chapters finished, so the list once said
 * "Producing" of a book nobody was producing.
 */
const planned: ProjectFacts = {
  manuscriptStatus: 'ready',
  chapterCount: 15,
  characterCount: 4,
  charactersWithVoice: 4,
  segmentCount: 900,
  segmentsWithSpeaker: 900,
  segmentsRendered: 120,
  chaptersMastered: 2,
  chaptersWithNothingToSpeak: 0,
  packagesReady: 0,
  activeJobId: null,
};
const inProgress: Project['workflow'] = {
  steps: [{ step: 'production', state: 'in_progress', detail: '2/15 chapters mastered' }],
  currentStep: 'production',
};
const partly = testProject({ id: 'p-partly', workflow: inProgress, facts: planned });
const producing = testProject({
  id: 'p-producing',
  metadata: { ...partly.metadata, title: 'Being Produced' },
  workflow: inProgress,
  facts: { ...planned, activeJobId: 'j-produce' },
});

const readyFacts: ProjectFacts = { ...planned, segmentsRendered: 0, chaptersMastered: 0, segmentsFlagged: 1234 };
const readyButFlagged = testProject({
  id: 'p-flagged',
  metadata: { ...partly.metadata, title: 'Lines To Check' },
  facts: readyFacts,
});
const readyAndChecked = testProject({
  id: 'p-checked',
  metadata: { ...partly.metadata, title: 'All Checked' },
  facts: { ...readyFacts, segmentsFlagged: 0 },
});

const row = (title: string) => screen.getByRole('row', { name: new RegExp(title) });

beforeEach(() => {
  fakeApi({
    'GET /v1/me': { body: ME_ADMIN },
    'GET /v1/projects': {
      body: { items: [partly, producing, readyButFlagged, readyAndChecked], continuationToken: null },
    },
    'GET /v1/projects/p-producing/jobs/j-produce': {
      body: { id: 'j-produce', kind: 'produce', status: 'running', progress: { done: 3, total: 15 } },
    },
  });
});

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

describe('the project list', () => {
  it('says a book produced in part is partly produced, with how many chapters, in the reader’s language', async () => {
    await i18n.changeLanguage('pt-BR');
    renderPage(<ProjectsListPage />);
    await screen.findByRole('link', { name: 'Test Book' });
    expect(within(row('Test Book')).getByText('Produzido em parte: 2 de 15 capítulos')).toBeTruthy();
    expect(within(row('Test Book')).queryByText('Produzindo')).toBeNull();
  });

  it('says a book is being produced while its production runs', async () => {
    renderPage(<ProjectsListPage />);
    await screen.findByRole('link', { name: 'Being Produced' });
    expect(await within(row('Being Produced')).findByText('Producing')).toBeTruthy();
  });

  it('does not call a book simply ready while the plan has lines flagged for review, in the reader’s language', async () => {
    renderPage(<ProjectsListPage />);
    await screen.findByRole('link', { name: 'Lines To Check' });
    expect(within(row('Lines To Check')).getByText('Ready · 1,234 lines to check')).toBeTruthy();
    expect(within(row('Lines To Check')).queryByText('Ready to produce')).toBeNull();
    expect(within(row('All Checked')).getByText('Ready to produce')).toBeTruthy();
  });

  it('words the lines to check in Spanish and Portuguese', async () => {
    await i18n.changeLanguage('es-PE');
    const { unmount } = renderPage(<ProjectsListPage />);
    await screen.findByRole('link', { name: 'Lines To Check' });
    expect(within(row('Lines To Check')).getByText('Listo · 1,234 líneas por revisar')).toBeTruthy();
    unmount();
    await i18n.changeLanguage('pt-BR');
    renderPage(<ProjectsListPage />);
    await screen.findByRole('link', { name: 'Lines To Check' });
    expect(within(row('Lines To Check')).getByText('Pronto · 1.234 falas para conferir')).toBeTruthy();
  });
});
