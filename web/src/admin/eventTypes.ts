import type { EventType } from '../api/admin';

/**
 * Every event a webhook can subscribe to, in the order a producer meets them. Typed against the API's list, so an
 * event added there fails the type check until it is named here (and translated).
 */
export const EVENT_TYPES = [
  'khipu.job.started',
  'khipu.chapter.completed',
  'khipu.job.completed',
  'khipu.job.failed',
  'khipu.job.cancelled',
  'khipu.package.ready',
  'khipu.review.commented',
  'khipu.review.resolved',
  'khipu.review.reopened',
  'khipu.review.approved',
  'khipu.review.changes_requested',
  'khipu.webhook.test',
] as const satisfies readonly EventType[];

type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
/** Compiles only while every event type of the API is listed above. @public (a compile-time check, read by no one) */
export const EVERY_EVENT_LISTED: Missing extends never ? true : never = true;
