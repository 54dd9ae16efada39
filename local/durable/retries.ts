/**
 * callActivityWithRetry / callSubOrchestratorWithRetry: the library emits the action once and, on each failure,
 * waits for a timer (next sequence id) and then for the re-run task (the id after it), counting attempts itself.
 * The engine supplies those: after every failure a TimerCreated (zero delay once attempts are used up, so the
 * library can give up), and after each retry timer fires with attempts left, a new TaskScheduled (or sub-orchestration).
 */
import { EventType, HistoryEvent, findScheduled, newEvent, nextEventId, retryDelayMs } from './history';
import { Effects } from './effects';
import { InstanceIdentity, childStartMessage, timerMessage } from './actionApplier';

/** A retry-related event must be the only new event of its episode so that sequence ids line up with the library's. */
export function isRetrySensitive(history: HistoryEvent[], event: HistoryEvent): boolean {
  if (event.EventType === EventType.TaskFailed || event.EventType === EventType.SubOrchestrationInstanceFailed) {
    return findScheduled(history, event.TaskScheduledId ?? -1)?.RetryPolicy !== undefined;
  }
  if (event.EventType === EventType.TimerFired) {
    return findScheduled(history, event.TimerId ?? -1)?.Origin === 'retry';
  }
  return false;
}

/** Events (and work) the engine adds right after `event`, which is already the last entry of `history`. */
export function retryFollowUp(
  history: HistoryEvent[],
  event: HistoryEvent,
  identity: InstanceIdentity,
  now: Date,
  effects: Effects,
): HistoryEvent[] {
  const nextId = nextEventId(history);
  if (event.EventType === EventType.TaskFailed || event.EventType === EventType.SubOrchestrationInstanceFailed) {
    const failed = findScheduled(history, event.TaskScheduledId ?? -1);
    const policy = failed?.RetryPolicy;
    if (!failed || !policy) return [];
    const attempt = failed.Attempt ?? 1;
    const delay = attempt < policy.maxNumberOfAttempts ? retryDelayMs(policy, attempt) : 0;
    const fireAt = new Date(now.getTime() + delay);
    effects.messages.push({ message: timerMessage(identity, nextId, fireAt), visibleAtMs: fireAt.getTime() });
    return [
      newEvent(EventType.TimerCreated, now, {
        EventId: nextId,
        FireAt: fireAt.toISOString(),
        Origin: 'retry',
        RetryOf: failed.RetryOf ?? failed.EventId,
        Attempt: attempt,
        RetryPolicy: policy,
      }),
    ];
  }
  if (event.EventType === EventType.TimerFired) {
    const timer = findScheduled(history, event.TimerId ?? -1);
    const policy = timer?.RetryPolicy;
    if (!timer || timer.Origin !== 'retry' || !policy) return [];
    const attempt = (timer.Attempt ?? 1) + 1;
    if (attempt > policy.maxNumberOfAttempts) return [];
    const original = findScheduled(history, timer.RetryOf ?? -1);
    if (!original) return [];
    const common = {
      EventId: nextId,
      Name: original.Name,
      Input: original.Input,
      Origin: 'retry' as const,
      RetryOf: original.EventId,
      Attempt: attempt,
      RetryPolicy: policy,
    };
    if (original.EventType === EventType.TaskScheduled) {
      effects.activities.push({
        ...identity,
        taskScheduledId: nextId,
        name: original.Name ?? '',
        input: original.Input ?? null,
      });
      return [newEvent(EventType.TaskScheduled, now, common)];
    }
    const childId = original.InstanceId ?? `${identity.instanceId}:${original.EventId}`;
    effects.messages.push({
      message: childStartMessage(identity, nextId, childId, original.Name ?? '', original.Input ?? null),
      visibleAtMs: 0,
    });
    return [newEvent(EventType.SubOrchestrationInstanceCreated, now, { ...common, InstanceId: childId })];
  }
  return [];
}
