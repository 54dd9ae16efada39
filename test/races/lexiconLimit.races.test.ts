/**
 * The lexicon's entry limit under parallel creates, on the real local platform with a small limit: with one place
 * left, many creates of different graphemes at once store exactly one entry and refuse the others with the limit
 * named; a delete gives its place back, so exactly one more fits; a PLS import that does not fit adds nothing.
 */
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { body } from '../support/responses';
import { cosmosContainer, inParallel, RACE_PLATFORM_ENV, tally, type Outcome } from './support';

const CREATOR = 'creator@andes.test';
const TENANT = 't-andes';
const LIMIT = 6;
const PARALLEL = 24;
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await startTestPlatform({ env: { ...RACE_PLATFORM_ENV, LEXICON_MAX_ENTRIES: String(LIMIT) } });
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

/** Lexicon entries of the project as stored, straight from the emulator. */
async function storedEntries(projectId: string): Promise<number> {
  const { container, close } = cosmosContainer(platform, 'lexicon');
  try {
    const { resources } = await container.items
      .query<number>(
        {
          query: "SELECT VALUE COUNT(1) FROM c WHERE c.projectId = @p AND c.type = 'lexiconEntry'",
          parameters: [{ name: '@p', value: projectId }],
        },
        { partitionKey: [TENANT, projectId] },
      )
      .fetchAll();
    return resources[0] ?? 0;
  } finally {
    close();
  }
}

function create(projectId: string, grapheme: string): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`, {
    method: 'POST',
    json: { grapheme, locale: 'en-GB', kind: 'alias', value: `${grapheme} said` },
  });
}

function expectRefusedByLimit(outcome: Outcome): void {
  expect(outcome.status).toBe(409);
  expect(outcome.body.error).toMatchObject({
    code: 'conflict',
    message: `A project lexicon holds at most ${LIMIT} entries; delete one first`,
    details: { quota: 'lexiconEntries', limit: LIMIT },
  });
}

test(`${PARALLEL} parallel creates with one place left store exactly one; a delete frees exactly one place`, async () => {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: minimalMetadata('Lexicon limit') },
    }),
    201,
  );
  for (let i = 0; i < LIMIT - 1; i++) await body(await create(project.id, `Seeded${i}`), 201);

  const first = await inParallel(PARALLEL, (i) => create(project.id, `Racing${i}`));
  expect(tally(first)).toEqual({ 201: 1, 409: PARALLEL - 1 });
  first.filter((outcome) => outcome.status !== 201).forEach(expectRefusedByLimit);
  expect(await storedEntries(project.id)).toBe(LIMIT);

  const winner = first.find((outcome) => outcome.status === 201)!.body.entry.id as string;
  const deleted = await platform.api(CREATOR, `/v1/projects/${project.id}/lexicon/${winner}`, { method: 'DELETE' });
  expect(deleted.status).toBeLessThan(300);

  const second = await inParallel(PARALLEL, (i) => create(project.id, `Again${i}`));
  expect(tally(second)).toEqual({ 201: 1, 409: PARALLEL - 1 });
  second.filter((outcome) => outcome.status !== 201).forEach(expectRefusedByLimit);
  expect(await storedEntries(project.id)).toBe(LIMIT);
});

test('a PLS import that does not fit the limit changes nothing', async () => {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Lexicon PLS') } }),
    201,
  );
  for (let i = 0; i < LIMIT - 2; i++) await body(await create(project.id, `Seeded${i}`), 201);
  // A new value for a stored entry beside three new entries, one more than the places left.
  const lexemes = [
    ['Seeded0', 'changed'],
    ['Alpha', 'Alpha said'],
    ['Beta', 'Beta said'],
    ['Gamma', 'Gamma said'],
  ]
    .map(([grapheme, alias]) => `<lexeme><grapheme>${grapheme}</grapheme><alias>${alias}</alias></lexeme>`)
    .join('');
  const pls =
    '<?xml version="1.0" encoding="UTF-8"?><lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"' +
    ` alphabet="ipa" xml:lang="en-GB">${lexemes}</lexicon>`;
  const imported = await platform.api(CREATOR, `/v1/projects/${project.id}/lexicon/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/pls+xml' },
    body: pls,
  });
  const text = await imported.text();
  expectRefusedByLimit({ status: imported.status, body: JSON.parse(text), headers: imported.headers });
  expect(await storedEntries(project.id)).toBe(LIMIT - 2);
  const lexicon = await body<{ items: { grapheme: string; value: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/lexicon`),
    200,
  );
  expect(lexicon.items.find((item) => item.grapheme === 'Seeded0')?.value).toBe('Seeded0 said');
  await body(await create(project.id, 'StillRoom0'), 201);
  await body(await create(project.id, 'StillRoom1'), 201);
  expect(await storedEntries(project.id)).toBe(LIMIT);
});
