import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router-dom';
import { emptyProjectFactsView } from '@core/api/studio';
import type { Project, ProjectFacts, Segment } from '../api/types';
import type { StudioContextValue } from '../studio/StudioContext';
import { ToastProvider } from '../ui/Toasts';

/** A project's facts before anything is imported: tests spread it and set what their page needs. */
export const noFacts: ProjectFacts = emptyProjectFactsView;

export function testProject(overrides: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    status: 'draft',
    metadata: {
      title: 'Test Book',
      subtitle: null,
      authors: ['A. Author'],
      narrators: [],
      translators: [],
      adaptors: [],
      language: 'en-GB',
      description: null,
      keywords: [],
      categories: [],
      publisher: null,
      publicationDate: null,
      rights: null,
      series: null,
      isbn: null,
      digitalVoiceDisclosure: 'This audiobook is narrated by a digital voice.',
    },
    cover: null,
    ownerId: 'u-creator',
    memberIds: [],
    validatorIds: [],
    workflow: { steps: [], currentStep: 'metadata' },
    facts: noFacts,
    archivedAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    etag: '"p1"',
    ...overrides,
  };
}

export function segment(index: number, overrides: Partial<Segment> = {}): Segment {
  return {
    id: `s${index}`,
    projectId: 'p1',
    chapterId: 'c1',
    index,
    kind: 'dialogue',
    text: `Line number ${index}.`,
    boundaryBefore: 'sentence',
    speakerId: 'narrator',
    speakerConfidence: 0.9,
    speakerSource: 'heuristic',
    flagged: false,
    revisionNote: null,
    chapterTextVersion: 1,
    takes: [],
    currentTakeId: null,
    etag: `"e${index}"`,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Renders inside the providers a studio page has: query cache, router with the studio context, toasts. */
export function renderInStudio(
  ui: ReactNode,
  access: Partial<StudioContextValue['access']> = {},
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  status: Partial<StudioContextValue['status']> = {},
) {
  const project = testProject();
  const context: StudioContextValue = {
    project,
    versioned: { project, etag: project.etag },
    me: undefined,
    access: { canEdit: true, canComment: true, canApprove: false, ...access },
    status: { project, facts: undefined, activeJob: undefined, review: undefined, flagged: undefined, ...status },
  };
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={['/projects/p1/plan']}>
          <Routes>
            <Route path="/projects/:projectId" element={<Outlet context={context} />}>
              <Route path="*" element={ui} />
            </Route>
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
