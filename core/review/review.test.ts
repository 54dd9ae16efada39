import { approvedChapterIds, summarizeReview, type ChapterApprovalRecord } from './review';
import { commentedEvent, decisionEvent, threadStatusEvent } from './reviewEvents';
import type { ReviewThreadRecord } from './review';

const chapters = [
  { id: 'c2', title: 'Two', order: 1, textVersion: 1, audibleVersion: 'heard-c2' },
  { id: 'c1', title: 'One', order: 0, textVersion: 3, audibleVersion: 'heard-c1' },
  { id: 'c3', title: 'Three', order: 2, textVersion: 1, audibleVersion: 'heard-c3' },
];
const by = { userId: 'u-validator', name: 'Vera' };
const approval = (chapterId: string, decision: ChapterApprovalRecord['decision'], version: number) =>
  ({
    id: `apr_${chapterId}`,
    type: 'chapterApproval',
    tenantId: 't1',
    projectId: 'p1',
    chapterId,
    decision,
    note: decision === 'changes_requested' ? 'Fix the speaker of line 3' : null,
    chapterTextVersion: version,
    decidedBy: by,
    decidedAt: '2025-01-01T00:00:00.000Z',
    revision: 1,
  }) satisfies ChapterApprovalRecord;
const thread = (overrides: Partial<ReviewThreadRecord> = {}): ReviewThreadRecord => ({
  id: 'rvt_1',
  type: 'reviewThread',
  tenantId: 't1',
  projectId: 'p1',
  chapterId: 'c1',
  segmentId: 'seg_1',
  quote: null,
  status: 'open',
  comments: [{ id: 'rvc_1', author: by, body: 'Who says this?', createdAt: '2025-01-01T00:00:00.000Z' }],
  statusRevision: 0,
  resolvedBy: null,
  resolvedAt: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

describe('review summary', () => {
  test('lists chapters in reading order with the decision in force and thread counts', () => {
    const summary = summarizeReview(
      chapters,
      [
        { chapterId: 'c1', status: 'open' },
        { chapterId: 'c1', status: 'resolved' },
        { chapterId: 'c3', status: 'open' },
      ],
      [approval('c1', 'approved', 3), approval('c2', 'changes_requested', 1)],
    );
    expect(summary.chapters.map((c) => [c.chapterId, c.decision, c.openThreads, c.resolvedThreads])).toEqual([
      ['c1', 'approved', 1, 1],
      ['c2', 'changes_requested', 0, 0],
      ['c3', 'pending', 1, 0],
    ]);
    expect(summary.totals).toEqual({ chapters: 3, approved: 1, changesRequested: 1, openThreads: 2 });
  });

  test('an approval of older text is stale: pending for the summary and never produced as approved', () => {
    const approvals = [approval('c1', 'approved', 2), approval('c3', 'approved', 1)];
    const summary = summarizeReview(chapters, [], approvals);
    expect(summary.chapters[0]).toMatchObject({ chapterId: 'c1', decision: 'pending', approvalStale: true });
    expect(summary.chapters[2]).toMatchObject({ chapterId: 'c3', decision: 'approved', approvalStale: false });
    expect(approvedChapterIds(chapters, approvals)).toEqual(['c3']);
  });

  test('an approval given on another audible version is stale, whatever the text version', () => {
    const heardThen = { ...approval('c3', 'approved', 1), audibleVersion: 'heard-c3-before-recast' };
    const heardNow = { ...approval('c2', 'approved', 1), audibleVersion: 'heard-c2' };
    const summary = summarizeReview(chapters, [], [heardThen, heardNow]);
    expect(summary.chapters[1]).toMatchObject({ chapterId: 'c2', decision: 'approved', approvalStale: false });
    expect(summary.chapters[2]).toMatchObject({ chapterId: 'c3', decision: 'pending', approvalStale: true });
    expect(approvedChapterIds(chapters, [heardThen, heardNow])).toEqual(['c2']);
  });

  test('decisions on chapters that no longer exist are ignored', () => {
    expect(approvedChapterIds(chapters, [approval('gone', 'approved', 1)])).toEqual([]);
  });
});

describe('review events', () => {
  test('subjects start with the tenant and ids are stable per transition', () => {
    const open = thread();
    const event = commentedEvent(open, open.comments[0], open.createdAt);
    expect(event.type).toBe('khipu.review.commented');
    expect(event.subject).toBe('/tenants/t1/projects/p1/chapters/c1/reviews/rvt_1');
    expect(event.id).toBe(commentedEvent(open, open.comments[0], 'later').id);
    expect(event.data).toMatchObject({ threadId: 'rvt_1', segmentId: 'seg_1', isReply: false });

    const resolved = thread({ status: 'resolved', statusRevision: 1, resolvedBy: by });
    const reopened = thread({ status: 'open', statusRevision: 2 });
    expect(threadStatusEvent(resolved, 't').type).toBe('khipu.review.resolved');
    expect(threadStatusEvent(reopened, 't').type).toBe('khipu.review.reopened');
    expect(threadStatusEvent(resolved, 't').id).not.toBe(
      threadStatusEvent(thread({ statusRevision: 3, status: 'resolved' }), 't').id,
    );
  });

  test('refuses ids that could escape the tenant prefix', () => {
    const hostile = thread({ chapterId: '../../t2' });
    expect(() => commentedEvent(hostile, hostile.comments[0], 't')).toThrow(TypeError);
  });

  test('approvals and change requests are events; going back to pending is not', () => {
    expect(decisionEvent(approval('c1', 'approved', 3), 't')?.type).toBe('khipu.review.approved');
    expect(decisionEvent(approval('c1', 'changes_requested', 3), 't')?.type).toBe('khipu.review.changes_requested');
    expect(decisionEvent(approval('c1', 'pending', 3), 't')).toBeNull();
  });
});
