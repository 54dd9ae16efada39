import { splitIntoBatches, wireSizeOf, isLoopbackHttp } from '../../adapters/events/eventGridPublisher';
import {
  ALL_EVENT_TYPES,
  createDomainEvent,
  deterministicEventId,
  EventTypes,
  isEventType,
  jobSubject,
  tenantSubjectPrefix,
  type DomainEvent,
} from '../../core/ports/events';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const subject = jobSubject('tenant-a', 'project-1', 'job-1');

describe('deterministicEventId', () => {
  test('is a stable RFC 9562 version-8 UUID', () => {
    const id = deterministicEventId(EventTypes.jobStarted, subject, 'attempt-1');
    expect(id).toMatch(UUID_V8);
    expect(deterministicEventId(EventTypes.jobStarted, subject, 'attempt-1')).toBe(id);
    // Pinned so a change of algorithm (which would break deduplication across a deploy) is noticed.
    expect(id).toBe('ef59c4cc-8c37-810a-be0a-363c03a5f9b9');
  });

  test('differs when any part differs, including ambiguous concatenations', () => {
    const ids = new Set([
      deterministicEventId(EventTypes.jobStarted, subject, ''),
      deterministicEventId(EventTypes.jobCompleted, subject, ''),
      deterministicEventId(EventTypes.jobStarted, jobSubject('tenant-a', 'project-1', 'job-2'), ''),
      deterministicEventId(EventTypes.chapterCompleted, subject, 'chapter-1'),
      deterministicEventId(EventTypes.chapterCompleted, subject, 'chapter-2'),
      deterministicEventId('a', 'bc', ''),
      deterministicEventId('ab', 'c', ''),
      deterministicEventId('a', 'b', 'c'),
      deterministicEventId('a', 'bc', ''),
    ]);
    expect(ids.size).toBe(8);
  });

  test('createDomainEvent derives the id from type, subject and discriminator only', () => {
    const first = createDomainEvent({
      type: EventTypes.chapterCompleted,
      source: '/khipu',
      subject,
      time: '2025-01-01T00:00:00Z',
      discriminator: 'ch-3',
      data: { a: 1 },
    });
    const retried = createDomainEvent({
      type: EventTypes.chapterCompleted,
      source: '/khipu',
      subject,
      time: '2025-01-01T00:05:00Z',
      discriminator: 'ch-3',
      data: { a: 1 },
    });
    expect(retried.id).toBe(first.id);
    expect(first).toMatchObject({ type: 'khipu.chapter.completed', subject, source: '/khipu', data: { a: 1 } });
  });
});

describe('subjects and types', () => {
  test('builds tenant-first subjects and refuses unsafe segments', () => {
    expect(subject).toBe('/tenants/tenant-a/projects/project-1/jobs/job-1');
    expect(subject.startsWith(tenantSubjectPrefix('tenant-a'))).toBe(true);
    expect(() => jobSubject('tenant-a/../tenant-b', 'p', 'j')).toThrow(TypeError);
    expect(() => jobSubject('', 'p', 'j')).toThrow(TypeError);
    expect(() => tenantSubjectPrefix('t/x')).toThrow(TypeError);
  });

  test('knows the twelve event types', () => {
    expect([...ALL_EVENT_TYPES].sort()).toEqual([
      'khipu.chapter.completed',
      'khipu.job.cancelled',
      'khipu.job.completed',
      'khipu.job.failed',
      'khipu.job.started',
      'khipu.package.ready',
      'khipu.review.approved',
      'khipu.review.changes_requested',
      'khipu.review.commented',
      'khipu.review.reopened',
      'khipu.review.resolved',
      'khipu.webhook.test',
    ]);
    expect(isEventType('khipu.job.started')).toBe(true);
    expect(isEventType('khipu.job.exploded')).toBe(false);
  });
});

describe('publisher batching', () => {
  const eventOfSize = (index: number, padding: number): DomainEvent =>
    createDomainEvent({
      type: EventTypes.chapterCompleted,
      source: '/khipu',
      subject,
      time: '2025-01-01T00:00:00Z',
      discriminator: String(index),
      data: { padding: 'x'.repeat(padding) },
    });

  test('keeps every batch under the limit, in order, losing nothing', () => {
    const events = Array.from({ length: 40 }, (_, index) => eventOfSize(index, 30_000 + index * 1_000));
    const batches = splitIntoBatches(events, 200_000);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(events);
    for (const batch of batches) {
      const size = 2 + batch.reduce((sum, event) => sum + wireSizeOf(event), 0) + batch.length - 1;
      expect(size).toBeLessThanOrEqual(200_000);
    }
  });

  test('sends small publishes in one batch and none for an empty list', () => {
    expect(splitIntoBatches([eventOfSize(1, 10), eventOfSize(2, 10)])).toHaveLength(1);
    expect(splitIntoBatches([])).toEqual([]);
  });

  test('refuses an event that can never fit', () => {
    expect(() => splitIntoBatches([eventOfSize(1, 1_100_000)])).toThrow(RangeError);
  });

  test('allows plain http only for a loopback emulator', () => {
    expect(isLoopbackHttp('http://127.0.0.1:7080/api/events')).toBe(true);
    expect(isLoopbackHttp('http://localhost:7080/api/events')).toBe(true);
    expect(isLoopbackHttp('http://topic.example.com/api/events')).toBe(false);
    expect(isLoopbackHttp('https://my-topic.westeurope-1.eventgrid.azure.net/api/events')).toBe(false);
  });
});
