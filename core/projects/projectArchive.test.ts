import { PreconditionFailedError } from '../errors';
import { emptyProductionFacts, type ProjectRecord } from './project';
import { archiveProject, type ArchiveDeps } from './projectArchive';

/**
 * One stored project whose writes are ETag-conditional, and a writer that lands between the archive's read and its
 * write (as a fact recount or another client does): the archive's If-Match decides whether that conflict is retried.
 */
function storeWith(project: ProjectRecord, interleaved: (stored: ProjectRecord) => ProjectRecord) {
  let stored = project;
  let version = 1;
  let interleave = true;
  const deps: ArchiveDeps = {
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    get: async () => {
      const read = stored;
      if (interleave) {
        interleave = false;
        stored = { ...interleaved(stored), etag: `"v${++version}"` };
      }
      return read;
    },
    save: async (doc, etag) => {
      if (etag !== stored.etag) throw new PreconditionFailedError('stale', stored);
      stored = { ...doc, etag: `"v${++version}"` };
      return stored;
    },
  };
  return { deps, stored: () => stored };
}

const project = {
  id: 'p1',
  type: 'project',
  tenantId: 't1',
  status: 'in_progress',
  statusBeforeArchive: null,
  metadata: { title: 'Book' },
  facts: emptyProductionFacts,
  archivedAt: null,
  etag: '"v1"',
} as unknown as ProjectRecord; // only the fields the archive reads and writes

describe('archive with If-Match', () => {
  it('retries over a fact recount stored meanwhile: the client did not cause it', async () => {
    const { deps, stored } = storeWith(project, (p) => ({ ...p, facts: { ...p.facts, characterCount: 3 } }));
    const archived = await archiveProject(deps, project, '"v1"');
    expect(archived).toMatchObject({ status: 'archived', statusBeforeArchive: 'in_progress' });
    expect(stored().facts.characterCount).toBe(3);
  });

  it("refuses when another client's change was stored meanwhile, and stores nothing", async () => {
    const { deps, stored } = storeWith(project, (p) => ({ ...p, metadata: { ...p.metadata, title: 'Renamed' } }));
    await expect(archiveProject(deps, project, '"v1"')).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(stored().status).toBe('in_progress');
  });

  it('without If-Match, archives over any change stored meanwhile', async () => {
    const { deps } = storeWith(project, (p) => ({ ...p, metadata: { ...p.metadata, title: 'Renamed' } }));
    expect(await archiveProject(deps, project)).toMatchObject({ status: 'archived', metadata: { title: 'Renamed' } });
  });
});
