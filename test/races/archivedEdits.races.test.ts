/**
 * Edits racing the archive of their project. Each edit is refused when the project record it reads is archived, so
 * no edit sent after the archive was stored lands. Shown with 20 character creations, four in flight at a time, with
 * the archive sent among them on the real local platform: each answers created or refused, every one sent after the
 * archive answered is refused, exactly the created ones are stored, and 20 more sent at once afterwards are all
 * refused with nothing stored.
 */
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { body } from '../support/responses';
import { cosmosContainer, inParallel, tally, type Outcome } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const ADMIN = 'admin@andes.test';
const TENANT = 't-andes';
const PARALLEL = 20;
/** Edits in flight at once. */
const LANES = 4;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

async function newProject(): Promise<string> {
  const project = await body<{ id: string }>(
    await platform.api(ADMIN, '/v1/projects', {
      method: 'POST',
      json: { metadata: minimalMetadata('Edited while archived') },
    }),
    201,
  );
  return project.id;
}

function createCharacter(projectId: string, name: string): Promise<Response> {
  return platform.api(ADMIN, `/v1/projects/${projectId}/characters`, { method: 'POST', json: { name } });
}

/** Names of the characters stored for the project, read from the emulator. */
async function storedCharacterNames(projectId: string): Promise<string[]> {
  const { container, close } = cosmosContainer(platform, 'characters');
  try {
    const { resources } = await container.items
      .query<{ name: string }>(
        {
          query: 'SELECT c.name FROM c WHERE c.projectId = @projectId AND STARTSWITH(c.name, "Racer ")',
          parameters: [{ name: '@projectId', value: projectId }],
        },
        { partitionKey: [TENANT, projectId] },
      )
      .fetchAll();
    return resources.map((c) => c.name).sort();
  } finally {
    close();
  }
}

function expectArchivedRefusal(outcome: Outcome): void {
  expect(outcome.body.error).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'status' }] } });
}

interface Edit {
  name: string;
  /** Sent once the archive had answered: must be refused. */
  sentAfterArchive: boolean;
  outcome: Outcome;
}

// Rounds on fresh projects: the archive meets the edits' fact recounts at a different moment in each.
test.each([1, 2, 3, 4, 5])(
  `round %i: ${PARALLEL} edits racing the archive: each is stored before it or refused, none sent after it is stored`,
  async () => {
    const projectId = await newProject();
    const edits: Edit[] = [];
    let archiveAnswered = false;
    let firstEditAnswered!: () => void;
    const firstEdit = new Promise<void>((resolve) => (firstEditAnswered = resolve));

    // Edits go out in lanes, each sending its next edit when the previous answered; the archive goes out once the first
    // edit has answered, so the edits in flight straddle it.
    const lane = async (laneIndex: number) => {
      for (let i = 0; i < PARALLEL / LANES; i++) {
        const name = `Racer ${laneIndex}-${i}`;
        const sentAfterArchive = archiveAnswered;
        const res = await createCharacter(projectId, name);
        const text = await res.text();
        edits.push({
          name,
          sentAfterArchive,
          outcome: { status: res.status, body: JSON.parse(text), headers: res.headers },
        });
        firstEditAnswered();
      }
    };
    const archiving = firstEdit.then(async () => {
      const res = await platform.api(ADMIN, `/v1/projects/${projectId}/archive`, { method: 'POST' });
      archiveAnswered = true;
      return res.status;
    });
    const [archiveStatus] = await Promise.all([archiving, ...Array.from({ length: LANES }, (_, i) => lane(i))]);

    // The archive is applied again when an edit's recount rewrote the record since it was read (was: 412).
    expect(archiveStatus).toBe(200);
    expect(edits).toHaveLength(PARALLEL);
    const created = edits.filter((edit) => edit.outcome.status === 201);
    // The first edit answered before the archive was sent.
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const edit of edits.filter((e) => e.outcome.status !== 201)) {
      expect(edit.outcome.status).toBe(400);
      expectArchivedRefusal(edit.outcome);
    }
    expect(edits.filter((edit) => edit.sentAfterArchive && edit.outcome.status !== 400)).toEqual([]);
    expect(await storedCharacterNames(projectId)).toEqual(created.map((edit) => edit.name).sort());

    const late = await inParallel(PARALLEL, (i) => createCharacter(projectId, `Racer late ${i}`));
    expect(tally(late)).toEqual({ 400: PARALLEL });
    late.forEach(expectArchivedRefusal);
    expect(await storedCharacterNames(projectId)).toEqual(created.map((edit) => edit.name).sort());
  },
);
