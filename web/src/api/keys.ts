/**
 * Query keys of everything inside one project share the prefix `['project', projectId]`, so a finished job can
 * refresh the whole book with one invalidation. Each resource module adds its own suffix.
 */
export const projectScope = (projectId: string) => ['project', projectId] as const;

export const bookKeys = {
  facts: (projectId: string) => [...projectScope(projectId), 'facts'] as const,
  jobs: (projectId: string) => [...projectScope(projectId), 'jobs'] as const,
  job: (projectId: string, jobId: string) => [...projectScope(projectId), 'jobs', jobId] as const,
  manuscript: (projectId: string) => [...projectScope(projectId), 'manuscript'] as const,
  chapters: (projectId: string, includeDeleted = false) =>
    [...projectScope(projectId), 'chapters', { includeDeleted }] as const,
  chapter: (projectId: string, chapterId: string) => [...projectScope(projectId), 'chapter', chapterId] as const,
  spoken: (projectId: string, chapterId: string, textVersion: number) =>
    [...projectScope(projectId), 'spoken', chapterId, textVersion] as const,
  characters: (projectId: string) => [...projectScope(projectId), 'characters'] as const,
  casting: (projectId: string) => [...projectScope(projectId), 'casting'] as const,
  castingPool: (projectId: string) => [...projectScope(projectId), 'castingPool'] as const,
  segments: (projectId: string, chapterId: string) => [...projectScope(projectId), 'segments', chapterId] as const,
  flagged: (projectId: string) => [...projectScope(projectId), 'flagged'] as const,
  lexicon: (projectId: string) => [...projectScope(projectId), 'lexicon'] as const,
  pausePolicy: (projectId: string) => [...projectScope(projectId), 'pausePolicy'] as const,
  estimate: (projectId: string, platforms: string, chapterIds = '') =>
    [...projectScope(projectId), 'estimate', platforms, chapterIds] as const,
  review: (projectId: string) => [...projectScope(projectId), 'review'] as const,
  threads: (projectId: string) => [...projectScope(projectId), 'threads'] as const,
};

export const projectPath = (projectId: string) => `/v1/projects/${encodeURIComponent(projectId)}`;
