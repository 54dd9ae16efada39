import { importSmallManuscript, waitForJob } from '../api/isolation/fixtures';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform, SHARED_WEBHOOK_PLATFORM_ENV } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { startReceiver, type WebhookReceiver } from '../webhooks/receiver';

const andes = freshTenant('andes');

/**
 * Review on the real local platform: threads on segments and chapters, replies, resolve/reopen, a reviewer's decision
 * per chapter, races of 20 identical requests (each check-then-act is one atomic write), bad input, and the
 * `khipu.review.*` events reaching a webhook.
 */
const CREATOR = andes.creator;
const VALIDATOR = andes.validator;
const ADMIN = andes.admin;
const PARALLEL = 20;

let platform: TestPlatform;
let receiver: WebhookReceiver;
let projectId = '';
let chapterIds: string[] = [];
let segments: { id: string; chapterId: string; text: string }[] = [];

interface Thread {
  id: string;
  status: 'open' | 'resolved';
  segmentId: string | null;
  comments: { id: string; body: string; author: { userId: string; name: string } }[];
  etag: string;
}
interface Approval {
  chapterId: string;
  decision: string;
  etag: string;
  decidedBy: { userId: string };
}

const base = () => `/v1/projects/${projectId}`;
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const receivedOfType = (type: string) =>
  receiver.received
    .map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> })
    .filter((event) => event.type === type);

beforeAll(async () => {
  receiver = await startReceiver(200);
  platform = await sharedTestPlatform({ env: SHARED_WEBHOOK_PLATFORM_ENV });
  await andes.signUp(platform);
  const created = await platform.api(CREATOR, '/v1/projects', {
    method: 'POST',
    json: { metadata: minimalMetadata('Review') },
  });
  projectId = (await json<{ id: string }>(created)).id;
  const members = await platform.api(CREATOR, `${base()}/members`, {
    method: 'PUT',
    json: { validatorIds: [andes.userIds.validator] },
  });
  expect(members.status).toBe(200);
  ({ chapterIds } = await importSmallManuscript(platform, CREATOR, projectId));
  const plan = await platform.api(CREATOR, `${base()}/plan`, { method: 'POST', json: {} });
  const { job } = await json<{ job: { id: string } }>(plan);
  expect((await waitForJob(platform, CREATOR, projectId, job.id)).status).toBe('succeeded');
  segments = (await json<{ items: typeof segments }>(await platform.api(CREATOR, `${base()}/segments?pageSize=100`)))
    .items;
  const hook = await platform.api(ADMIN, '/v1/webhooks', {
    method: 'POST',
    json: {
      url: receiver.url,
      eventTypes: [
        'khipu.review.commented',
        'khipu.review.resolved',
        'khipu.review.reopened',
        'khipu.review.approved',
        'khipu.review.changes_requested',
      ],
    },
  });
  expect(hook.status).toBe(201);
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  await receiver?.close();
});

test('the studio reads the counts each workflow step keeps', async () => {
  const res = await platform.api(VALIDATOR, `${base()}/facts`);
  expect(res.status).toBe(200);
  const facts = await json<Record<string, unknown>>(res);
  expect(facts).toMatchObject({ manuscriptStatus: 'ready', chapterCount: 2, activeJobId: null });
  expect(facts.segmentCount).toBe(segments.length);
});

describe('comment threads', () => {
  let thread: Thread;

  test('a validator comments on a segment; the creator sees it, replies and resolves it', async () => {
    const segment = segments.find((s) => s.chapterId === chapterIds[0] && s.text.includes('Darcy'))!;
    const res = await platform.api(VALIDATOR, `${base()}/review/threads`, {
      method: 'POST',
      json: { chapterId: chapterIds[0], segmentId: segment.id, quote: 'Mr. Darcy', body: 'Is this really Darcy?' },
    });
    expect(res.status).toBe(201);
    thread = await json<Thread>(res);
    expect(res.headers.get('etag')).toBe(thread.etag);
    expect(thread).toMatchObject({ status: 'open', segmentId: segment.id });
    expect(thread.comments[0].author.userId).toBe(andes.userIds.validator);

    const seen = await json<{ items: Thread[] }>(
      await platform.api(CREATOR, `${base()}/review/threads?chapterId=${chapterIds[0]}&status=open`),
    );
    expect(seen.items.map((t) => t.id)).toEqual([thread.id]);

    const reply = await platform.api(CREATOR, `${base()}/review/threads/${thread.id}/comments`, {
      method: 'POST',
      json: { body: 'Yes: "replied Mr. Darcy".\nFixed the tag anyway.' },
    });
    expect(reply.status).toBe(201);
    expect((await json<Thread>(reply)).comments.map((c) => c.body)).toEqual([
      'Is this really Darcy?',
      'Yes: "replied Mr. Darcy".\nFixed the tag anyway.',
    ]);

    const resolved = await platform.api(CREATOR, `${base()}/review/threads/${thread.id}/resolve`, { method: 'POST' });
    expect(resolved.status).toBe(200);
    expect(await json<Thread>(resolved)).toMatchObject({ status: 'resolved' });
  });

  test(`${PARALLEL} identical reopen requests reopen the thread once (one event)`, async () => {
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        platform.api(VALIDATOR, `${base()}/review/threads/${thread.id}/reopen`, { method: 'POST' }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(PARALLEL).fill(200));
    const current = await json<Thread>(await platform.api(VALIDATOR, `${base()}/review/threads/${thread.id}`));
    expect(current.status).toBe('open');
    await receiver.waitFor(3);
    await waitUntil(() => receivedOfType('khipu.review.reopened').length >= 1);
    // A little longer, so a second (wrong) event would have arrived too.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receivedOfType('khipu.review.reopened')).toHaveLength(1);
  });

  test(`${PARALLEL} identical requests with one Idempotency-Key open one thread and add one reply`, async () => {
    const key = `review-${Date.now()}`;
    const opened = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        platform.api(VALIDATOR, `${base()}/review/threads`, {
          method: 'POST',
          headers: { 'idempotency-key': key },
          json: { chapterId: chapterIds[1], body: 'The chapter ends abruptly.' },
        }),
      ),
    );
    expect(opened.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const ids = new Set(await Promise.all(opened.map(async (r) => (await json<Thread>(r)).id)));
    expect(ids.size).toBe(1);
    const [threadId] = [...ids];
    const listed = await json<{ items: Thread[] }>(
      await platform.api(VALIDATOR, `${base()}/review/threads?chapterId=${chapterIds[1]}`),
    );
    expect(listed.items.filter((t) => t.comments[0].body === 'The chapter ends abruptly.')).toHaveLength(1);

    const replyKey = `${key}-reply`;
    const replies = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        platform.api(CREATOR, `${base()}/review/threads/${threadId}/comments`, {
          method: 'POST',
          headers: { 'idempotency-key': replyKey },
          json: { body: 'It does; the next chapter picks it up.' },
        }),
      ),
    );
    expect(replies.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const after = await json<Thread>(await platform.api(CREATOR, `${base()}/review/threads/${threadId}`));
    expect(after.comments).toHaveLength(2);
  });

  test('bad input is refused with the field named, and nothing is stored', async () => {
    const before = await json<{ items: Thread[] }>(await platform.api(VALIDATOR, `${base()}/review/threads`));
    const empty = await platform.api(VALIDATOR, `${base()}/review/threads`, {
      method: 'POST',
      json: { chapterId: chapterIds[0], body: '   ' },
    });
    expect(empty.status).toBe(400);
    const emptyBody = await json<{ error: { code: string; details: { fields: { field: string }[] } } }>(empty);
    expect(emptyBody.error.code).toBe('validation_failed');
    expect(emptyBody.error.details.fields.map((f) => f.field)).toEqual(['body']);

    const tooLong = await platform.api(VALIDATOR, `${base()}/review/threads`, {
      method: 'POST',
      json: { chapterId: chapterIds[0], body: 'x'.repeat(4001) },
    });
    expect(tooLong.status).toBe(400);
    const unknownField = await platform.api(VALIDATOR, `${base()}/review/threads`, {
      method: 'POST',
      json: { chapterId: chapterIds[0], body: 'ok', tenantId: 't-other' },
    });
    expect(unknownField.status).toBe(400);
    // A segment of another chapter is not a segment of this one.
    const otherChapterSegment = segments.find((s) => s.chapterId === chapterIds[1])!;
    const mismatched = await platform.api(VALIDATOR, `${base()}/review/threads`, {
      method: 'POST',
      json: { chapterId: chapterIds[0], segmentId: otherChapterSegment.id, body: 'Wrong place' },
    });
    expect(mismatched.status).toBe(404);
    const after = await json<{ items: Thread[] }>(await platform.api(VALIDATOR, `${base()}/review/threads`));
    expect(after.items.length).toBe(before.items.length);
  });
});

describe('chapter decisions', () => {
  test('only reviewers decide; a creator is refused', async () => {
    const res = await platform.api(CREATOR, `${base()}/chapters/${chapterIds[0]}/approval`, {
      method: 'PUT',
      json: { decision: 'approved' },
    });
    expect(res.status).toBe(403);
  });

  test('changes requested must say what should change', async () => {
    const res = await platform.api(VALIDATOR, `${base()}/chapters/${chapterIds[0]}/approval`, {
      method: 'PUT',
      json: { decision: 'changes_requested' },
    });
    expect(res.status).toBe(400);
    const body = await json<{ error: { details: { fields: { field: string }[] } } }>(res);
    expect(body.error.details.fields.map((f) => f.field)).toEqual(['note']);
  });

  test(`${PARALLEL} racing first decisions: exactly one wins, the others are told a decision exists`, async () => {
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        platform.api(i % 2 ? VALIDATOR : ADMIN, `${base()}/chapters/${chapterIds[0]}/approval`, {
          method: 'PUT',
          json: { decision: 'approved', note: `Reviewer ${i}` },
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // Racing the create: 412 with the winner; arriving after it: 428 (a decision exists, send its If-Match).
    expect(statuses.filter((s) => s === 412 || s === 428)).toHaveLength(PARALLEL - 1);
    const winner = await json<Approval>(answers[statuses.indexOf(200)]);
    for (const [index, status] of statuses.entries()) {
      if (status !== 412) continue;
      const loser = await json<{ error: { details: { current: Approval } } }>(answers[index]);
      expect(loser.error.details.current).toMatchObject({ chapterId: chapterIds[0], etag: winner.etag });
    }
    await waitUntil(() => receivedOfType('khipu.review.approved').length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receivedOfType('khipu.review.approved')).toHaveLength(1);
  });

  test('changing a decision needs the If-Match of the one seen', async () => {
    const url = `${base()}/chapters/${chapterIds[0]}/approval`;
    const summary = await json<{ chapters: { chapterId: string; approval: Approval }[] }>(
      await platform.api(VALIDATOR, `${base()}/review`),
    );
    const etag = summary.chapters.find((c) => c.chapterId === chapterIds[0])!.approval.etag;
    const change = { decision: 'changes_requested', note: 'Line 2 is read by the wrong voice' };
    expect((await platform.api(VALIDATOR, url, { method: 'PUT', json: change })).status).toBe(428);
    const stale = await platform.api(VALIDATOR, url, { method: 'PUT', json: change, headers: { 'if-match': '"0"' } });
    expect(stale.status).toBe(412);
    const ok = await platform.api(VALIDATOR, url, { method: 'PUT', json: change, headers: { 'if-match': etag } });
    expect(ok.status).toBe(200);
    expect(await json<Approval>(ok)).toMatchObject({ decision: 'changes_requested' });
    await waitUntil(() => receivedOfType('khipu.review.changes_requested').length === 1);
  });

  test('the summary shows each chapter’s decision, and editing an approved chapter makes the approval stale', async () => {
    const approve = await platform.api(VALIDATOR, `${base()}/chapters/${chapterIds[1]}/approval`, {
      method: 'PUT',
      json: { decision: 'approved' },
    });
    expect(approve.status).toBe(200);
    let summary = await json<{
      chapters: { chapterId: string; decision: string; approvalStale: boolean; openThreads: number }[];
      totals: { approved: number; changesRequested: number; openThreads: number };
    }>(await platform.api(CREATOR, `${base()}/review`));
    expect(summary.chapters.map((c) => [c.chapterId, c.decision])).toEqual([
      [chapterIds[0], 'changes_requested'],
      [chapterIds[1], 'approved'],
    ]);
    expect(summary.totals).toMatchObject({ approved: 1, changesRequested: 1, openThreads: 2 });

    const chapter = await platform.api(CREATOR, `${base()}/chapters/${chapterIds[1]}`);
    const { text } = await json<{ text: string }>(chapter);
    const edited = await platform.api(CREATOR, `${base()}/chapters/${chapterIds[1]}`, {
      method: 'PATCH',
      headers: { 'if-match': chapter.headers.get('etag')! },
      json: { text: text.replace('afternoon', 'evening') },
    });
    expect(edited.status).toBe(200);
    summary = await json<typeof summary>(await platform.api(CREATOR, `${base()}/review`));
    expect(summary.chapters[1]).toMatchObject({ decision: 'pending', approvalStale: true });
  });
});

describe('production limited to approved chapters', () => {
  const start = () =>
    platform.api(CREATOR, `${base()}/productions`, {
      method: 'POST',
      json: { platforms: ['apple'], approvedOnly: true, allowUnknownSpeakers: true },
    });

  test('is refused while no chapter is approved for its current text', async () => {
    // Chapter 1 has changes requested; chapter 2 was approved, then edited.
    const res = await start();
    expect(res.status).toBe(422);
    const body = await json<{ error: { code: string; details: { field: string } } }>(res);
    expect(body.error).toMatchObject({ code: 'unprocessable', details: { field: 'approvedOnly' } });
    expect(
      (await json<{ items: unknown[] }>(await platform.api(CREATOR, `${base()}/jobs?kind=produce`))).items,
    ).toEqual([]);
  });

  test('produces only the approved chapter', async () => {
    const detect = await platform.api(CREATOR, `${base()}/characters/detect`, { method: 'POST', json: {} });
    const { job: detection } = await json<{ job: { id: string } }>(detect);
    expect((await waitForJob(platform, CREATOR, projectId, detection.id)).status).toBe('succeeded');
    expect((await platform.api(CREATOR, `${base()}/casting/auto`, { method: 'POST', json: {} })).status).toBe(200);
    // Chapter 2's text was edited above: plan it again before producing it.
    const replan = await platform.api(CREATOR, `${base()}/plan`, {
      method: 'POST',
      json: { chapterIds: [chapterIds[1]] },
    });
    const { job: planJob } = await json<{ job: { id: string } }>(replan);
    expect((await waitForJob(platform, CREATOR, projectId, planJob.id)).status).toBe('succeeded');
    const summary = await json<{ chapters: { chapterId: string; approval: Approval }[] }>(
      await platform.api(VALIDATOR, `${base()}/review`),
    );
    const approval = summary.chapters.find((c) => c.chapterId === chapterIds[1])!.approval;
    const approve = await platform.api(VALIDATOR, `${base()}/chapters/${chapterIds[1]}/approval`, {
      method: 'PUT',
      headers: { 'if-match': approval.etag },
      json: { decision: 'approved' },
    });
    expect(approve.status).toBe(200);

    const res = await start();
    if (res.status !== 202) throw new Error(`production refused: ${res.status} ${await res.text()}`);
    const { job } = await json<{ job: { id: string; input: { chapterIds: string[] } } }>(res);
    expect(job.input.chapterIds).toEqual([chapterIds[1]]);
    await platform.api(CREATOR, `${base()}/jobs/${job.id}/cancel`, { method: 'POST' });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
