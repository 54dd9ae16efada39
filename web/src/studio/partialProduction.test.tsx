import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectFacts } from '../api/types';
import i18n from '../i18n';
import { testProject } from '../test/render';
import { StageBadge } from './StageBadge';
import { StepNav } from './StepNav';
import type { StudioStatus } from './steps';

/**
 * A book of fifteen chapters of which two were produced (a producer trying the voices on a few chapters first), no
 * job running: the project's workflow says production is "in progress".
 */
const project = testProject({
  workflow: {
    steps: [
      { step: 'production', state: 'in_progress', detail: '2/15 chapters mastered' },
      { step: 'packaging', state: 'complete', detail: '3 packages' },
    ],
    currentStep: 'production',
  },
});
const facts: ProjectFacts = {
  manuscriptStatus: 'ready',
  chapterCount: 15,
  characterCount: 10,
  charactersWithVoice: 10,
  segmentCount: 2709,
  segmentsWithSpeaker: 2709,
  segmentsRendered: 150,
  chaptersMastered: 2,
  chaptersWithNothingToSpeak: 0,
  packagesReady: 3,
  activeJobId: null,
};
const status: StudioStatus = { project, facts, activeJob: undefined, review: undefined, flagged: undefined };

afterEach(async () => {
  await i18n.changeLanguage('en-US');
});

describe('a book produced in part', () => {
  it('the production and listening steps say how many chapters were produced and can be heard', async () => {
    await i18n.changeLanguage('pt-BR');
    render(
      <MemoryRouter>
        <StepNav status={status} />
      </MemoryRouter>,
    );
    expect(screen.getByText(/2 de 15 capítulos produzidos/)).toBeTruthy();
    expect(screen.getByText(/2 capítulos para ouvir/)).toBeTruthy();
  });

  it('is not said to be producing while no production runs', async () => {
    await i18n.changeLanguage('es-PE');
    render(<StageBadge project={project} facts={facts} />);
    expect(screen.getByText('Producido en parte: 2 de 15 capítulos')).toBeTruthy();
    expect(screen.queryByText('Produciendo')).toBeNull();
  });

  it('is said to be producing while a production runs', () => {
    const job = { id: 'j1', kind: 'produce' } as StudioStatus['activeJob'];
    render(<StageBadge project={project} facts={{ ...facts, activeJobId: 'j1' }} activeJob={job} />);
    expect(screen.getByText('Producing')).toBeTruthy();
  });

  it('every chapter produced but no package ready is not said to be ready to produce', async () => {
    await i18n.changeLanguage('pt-BR');
    render(<StageBadge project={project} facts={{ ...facts, chaptersMastered: 15, packagesReady: 0 }} />);
    expect(screen.getByText('Produzido · pacotes não prontos')).toBeTruthy();
    expect(screen.queryByText('Pronto para produzir')).toBeNull();
  });
});

describe('a book waiting for its plan', () => {
  const cast = {
    ...facts,
    segmentCount: 0,
    segmentsWithSpeaker: 0,
    segmentsRendered: 0,
    chaptersMastered: 0,
    chaptersWithNothingToSpeak: 0,
    packagesReady: 0,
  };

  it('is said to need its plan, not to be planning, while no plan runs', async () => {
    await i18n.changeLanguage('pt-BR');
    render(<StageBadge project={project} facts={cast} />);
    expect(screen.getByText('Planeje o livro')).toBeTruthy();
    expect(screen.queryByText('Planejando')).toBeNull();
  });

  it('is said to be planning while its plan runs', () => {
    const job = { id: 'j2', kind: 'plan' } as StudioStatus['activeJob'];
    render(<StageBadge project={project} facts={{ ...cast, activeJobId: 'j2' }} activeJob={job} />);
    expect(screen.getByText('Planning')).toBeTruthy();
  });
});
