/**
 * The erasure rules, on their own: what counts as a trace of a person, how each is removed, what each container
 * does with a document that holds one. Integration tests (erasure.api.test.ts) run the same rules on the platform.
 */
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { exportJobIdOf, hasErasurePolicy, planBlobErasure, planDocumentErasure } from '../../core/privacy/erasurePlan';
import { ERASED_EMAIL, ERASED_NAME, SubjectMatcher, type DataSubject } from '../../core/privacy/personalData';
import { isPseudonym, pseudonymOf } from '../../core/privacy/pseudonym';
import { jsonObjectText, streamedArray } from '../../core/privacy/jsonStream';

const key = Buffer.alloc(32, 7);
const subject: DataSubject = {
  userId: 'usr_4f1c9a2b7d',
  email: 'ana.quispe@andes.test',
  names: ['Ana Quispe'],
  pseudonym: pseudonymOf(key, 'usr_4f1c9a2b7d'),
};
const matcher = new SubjectMatcher(subject);
const joinedAt = '2026-06-01T00:00:00.000Z';
const target = { matcher, jobId: 'era_job', successorId: 'u-admin', joinedAt };

describe('pseudonyms', () => {
  it('are a keyed hash: stable for a key, different under another key, never the id', () => {
    expect(pseudonymOf(key, 'usr_1')).toBe(pseudonymOf(key, 'usr_1'));
    expect(pseudonymOf(key, 'usr_1')).not.toBe(pseudonymOf(key, 'usr_2'));
    expect(pseudonymOf(Buffer.alloc(32, 8), 'usr_1')).not.toBe(pseudonymOf(key, 'usr_1'));
    expect(isPseudonym(pseudonymOf(key, 'usr_1'))).toBe(true);
    expect(pseudonymOf(key, 'usr_1')).not.toContain('usr_1');
  });
});

describe('finding and removing a person', () => {
  it('replaces their id with the pseudonym wherever it is a value, and inside longer strings', () => {
    const doc = { createdBy: subject.userId, ids: [subject.userId, 'u-other'], key: `job:${subject.userId}:tts` };
    expect(matcher.mentions(doc, 'book')).toBe(true);
    expect(matcher.erase(doc, 'book')).toEqual({
      createdBy: subject.pseudonym,
      ids: [subject.pseudonym, 'u-other'],
      key: `job:${subject.pseudonym}:tts`,
    });
  });

  it('removes their email from any text, in any letter case', () => {
    const doc = { note: 'Write to Ana.Quispe@Andes.test or ana.quispe@andes.test' };
    expect(matcher.mentions(doc, 'book')).toBe(true);
    expect(matcher.erase(doc, 'book')).toEqual({ note: `Write to ${ERASED_EMAIL} or ${ERASED_EMAIL}` });
  });

  it('renames person objects that carry their id, whatever the container', () => {
    const comment = { author: { userId: subject.userId, name: 'Ana Q.' }, body: 'Looks good' };
    expect(matcher.erase(comment, 'book')).toEqual({
      author: { userId: subject.pseudonym, name: ERASED_NAME },
      body: 'Looks good',
    });
  });

  it("scrubs their name from people's writing, never from a book", () => {
    const comment = { body: 'Ana Quispe, please check. (ana quispe agreed.) Anastasia stays.' };
    expect(matcher.mentions(comment, 'people')).toBe(true);
    expect(matcher.erase(comment, 'people')).toEqual({
      body: `${ERASED_NAME}, please check. (${ERASED_NAME} agreed.) Anastasia stays.`,
    });
    const segment = { text: '"Ana Quispe!" cried the innkeeper.' };
    expect(matcher.mentions(segment, 'book')).toBe(false);
    expect(matcher.erase(segment, 'book')).toEqual(segment);
  });

  it('reads JSON kept as text (a notification payload) and writes it back without the person', () => {
    const payload = JSON.stringify({ data: { author: { userId: subject.userId, name: 'Ana Quispe' }, excerpt: 'hi' } });
    const doc = { payload };
    expect(matcher.mentions(doc, 'people')).toBe(true);
    const erased = matcher.erase(doc, 'people') as { payload: string };
    expect(JSON.parse(erased.payload)).toEqual({
      data: { author: { userId: subject.pseudonym, name: ERASED_NAME }, excerpt: 'hi' },
    });
  });

  it('is idempotent: an erased value holds no trace and erasing it again changes nothing', () => {
    const doc = {
      comments: [{ author: { userId: subject.userId, name: 'Ana Quispe' }, body: 'Mail ana.quispe@andes.test' }],
      payload: JSON.stringify({ by: { userId: subject.userId, name: 'Ana Quispe' } }),
      createdBy: subject.userId,
    };
    const once = matcher.erase(doc, 'people');
    expect(matcher.mentions(once, 'people')).toBe(false);
    expect(matcher.erase(once, 'people')).toEqual(once);
    expect(JSON.stringify(once)).not.toMatch(/ana|quispe|usr_4f1c9a2b7d/i);
  });

  it('leaves documents about someone else alone', () => {
    const doc = { createdBy: 'u-someone', body: 'Ana Quispa is not her', email: 'ana@andes.test' };
    expect(matcher.mentions(doc, 'people')).toBe(false);
  });
});

describe('the erasure plan', () => {
  it('has a policy for every container the app creates', () => {
    const containers = Object.values(containerDefinitions).map((definition) => definition.id);
    expect(containers.filter((name) => !hasErasurePolicy(name))).toEqual([]);
  });

  it("hands the person's projects to the admin who asked and ends their memberships", () => {
    const project = {
      id: 'prj_1',
      tenantId: 't-andes',
      type: 'project',
      ownerId: subject.userId,
      memberIds: [subject.userId, 'u-creator'],
      validatorIds: [subject.userId],
      createdBy: subject.userId,
      metadata: { title: 'Ana Quispe: a life', authors: ['Ana Quispe'] },
      etag: 'e1',
    };
    const plan = planDocumentErasure('projects', project, target);
    expect(plan).toEqual({
      action: 'rewrite',
      document: {
        ...project,
        ownerId: 'u-admin',
        memberIds: ['u-creator'],
        validatorIds: [],
        createdBy: subject.pseudonym,
        // Book metadata is the organization's content: a title or an author's name stays.
        metadata: { title: 'Ana Quispe: a life', authors: ['Ana Quispe'] },
      },
    });
  });

  it('deletes replayable responses, keeps the erasure job itself, and deletes the user record last', () => {
    const replay = { id: 'k1', tenantId: 't-andes', response: { body: { email: subject.email } } };
    expect(planDocumentErasure('idempotency', replay, target)).toEqual({ action: 'delete' });
    const job = { id: 'era_job', tenantId: 't-andes', subject: { userId: subject.userId } };
    expect(planDocumentErasure('privacy', job, target)).toEqual({ action: 'keep' });
    const user = { id: subject.userId, tenantId: 't-andes', type: 'user', email: subject.email };
    expect(planDocumentErasure('users', user, target)).toEqual({ action: 'deleteLast' });
  });

  it('never rewrites the admin roster: a pseudonym on it would count as an admin', () => {
    const roster = {
      id: 'adminRoster',
      tenantId: 't-andes',
      type: 'adminRoster',
      adminIds: [subject.userId, 'u-admin'],
    };
    expect(planDocumentErasure('users', roster, target)).toEqual({ action: 'keep' });
  });

  it('refuses a container it has no policy for', () => {
    expect(() => planDocumentErasure('newFeature', { id: 'x', createdBy: subject.userId }, target)).toThrow(
      /No erasure policy/,
    );
  });

  it('deletes the exports finished since the person joined, rewrites JSON blobs and leaves media alone', () => {
    const blob = (name: string, contentType: string, exportFinishedAt: string | null = null) =>
      planBlobErasure('t-andes', { name, contentType }, { joinedAt, exportFinishedAt });
    expect(blob('tenants/t-andes/exports/exp_1.zip', 'application/zip', '2026-07-01T00:00:00.000Z')).toEqual({
      action: 'delete',
    });
    // Still being written, or of an unknown job: it may hold them.
    expect(blob('tenants/t-andes/exports/exp_2.zip', 'application/zip')).toEqual({ action: 'delete' });
    // Finished before the person joined: it cannot hold them.
    expect(blob('tenants/t-andes/exports/exp_0.zip', 'application/zip', '2026-05-01T00:00:00.000Z')).toEqual({
      action: 'keep',
    });
    expect(exportJobIdOf('t-andes', 'tenants/t-andes/exports/exp_0.zip')).toBe('exp_0');
    expect(exportJobIdOf('t-andes', 'tenants/t-other/exports/exp_0.zip')).toBeUndefined();
    expect(blob('tenants/t-andes/webhooks/deadletter/w/d.json', 'application/json')).toEqual({
      action: 'rewriteJson',
      text: 'people',
    });
    expect(blob('tenants/t-andes/projects/p/manuscripts/m/batch-0.json', 'application/json')).toEqual({
      action: 'rewriteJson',
      text: 'book',
    });
    expect(blob('tenants/t-andes/projects/p/audio/segments/a.wav', 'audio/wav')).toEqual({ action: 'keep' });
  });
});

describe('streamed JSON', () => {
  it('writes a document whose arrays are pulled page by page, and which parses back', async () => {
    async function* numbers() {
      for (let i = 0; i < 3; i++) yield { n: i };
    }
    async function* none() {}
    let text = '';
    for await (const chunk of jsonObjectText([
      ['a', { nested: ['x'] }],
      ['items', streamedArray(numbers)],
      ['empty', streamedArray(none)],
    ])) {
      text += chunk;
    }
    expect(JSON.parse(text)).toEqual({ a: { nested: ['x'] }, items: [{ n: 0 }, { n: 1 }, { n: 2 }], empty: [] });
  });
});
