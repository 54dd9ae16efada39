/**
 * Start-up recovery: an episode's work is dispatched after its history is stored, so a crash in between loses it.
 * The history says what must exist, so re-post it (every post is idempotent by id): activities scheduled but not
 * answered, timers not fired, sub-orchestrations not answered, starts not yet run, and results owed to parents.
 */
import { childStartMessage, timerMessage } from './actionApplier';
import { Effects, emptyEffects, messageIds, postExecutionStart } from './effects';
import { EventType, pendingScheduled } from './history';
import { InstanceStore, terminalStatuses } from './instanceStore';
import { notifyParent } from './orchestrationRunner';
import { encodeKey, HubStorage, statusOf } from './storage';

export async function recoverEffects(store: InstanceStore, storage: HubStorage, now: Date): Promise<Effects> {
  const effects = emptyEffects();
  for (const { record } of await store.list()) {
    const identity = { instanceId: record.instanceId, executionId: record.executionId };
    if (terminalStatuses.has(record.status)) {
      notifyParent(
        record,
        effects,
        now,
        record.status === 'Completed'
          ? { result: record.output }
          : { failure: { ErrorType: 'OrchestrationFailure', ErrorMessage: String(record.output ?? '') } },
      );
      continue;
    }
    if (record.history.length === 0) {
      postExecutionStart(effects, record, record.input);
      continue;
    }
    for (const event of pendingScheduled(record.history)) {
      if (event.EventType === EventType.TimerCreated) {
        const fireAt = new Date(event.FireAt ?? now.toISOString());
        effects.messages.push({
          message: timerMessage(identity, event.EventId, fireAt),
          visibleAtMs: fireAt.getTime(),
        });
      } else if (event.EventType === EventType.SubOrchestrationInstanceCreated) {
        const childId = event.InstanceId ?? `${record.instanceId}:${event.EventId}`;
        effects.messages.push({
          message: childStartMessage(identity, event.EventId, childId, event.Name ?? '', event.Input ?? null),
          visibleAtMs: 0,
        });
      } else if (
        !(await resultWaiting(storage, record.instanceId, messageIds.taskResult(record.executionId, event.EventId)))
      ) {
        effects.activities.push({
          ...identity,
          taskScheduledId: event.EventId,
          name: event.Name ?? '',
          input: event.Input ?? null,
        });
      }
    }
  }
  return effects;
}

async function resultWaiting(storage: HubStorage, instanceId: string, messageId: string): Promise<boolean> {
  try {
    await storage.inbox.getEntity(encodeKey(instanceId), encodeKey(messageId));
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
