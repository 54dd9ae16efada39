/**
 * Turns the actions an orchestrator returned into history events and work, the way the Durable Task framework
 * replays them: the n-th scheduling action must match the n-th scheduling event already in history (else the
 * orchestration is non-deterministic), and actions past the end of history are new and get the next sequence ids.
 */
import {
  ActionType,
  EventType,
  HistoryEvent,
  OrchestratorAction,
  actionScheduledEvents,
  flattenActions,
  isResolved,
  isSchedulingAction,
  newEvent,
  nextEventId,
} from './history';
import { Effects, emptyEffects, messageIds } from './effects';

export interface InstanceIdentity {
  instanceId: string;
  executionId: string;
}

export interface AppliedActions {
  events: HistoryEvent[];
  effects: Effects;
  /** Set when the actions cannot be applied; the instance fails with this message. */
  failure?: string;
  /** Present when the orchestrator called continueAsNew: the JSON text of the new input. */
  continueAsNewInput?: string | null;
}

const unsupported: Partial<Record<ActionType, string>> = {
  [ActionType.CallEntity]: 'callEntity',
  [ActionType.SignalEntity]: 'signalEntity',
  [ActionType.LockEntities]: 'lock',
  [ActionType.CallHttp]: 'callHttp',
};

/** The library JSON-encodes string inputs of activities and continueAsNew (Utils.processInput); undo that. */
function preEncodedInput(input: unknown): string | null {
  if (input === undefined) return null;
  if (typeof input === 'string') {
    try {
      JSON.parse(input);
      return input;
    } catch {
      return JSON.stringify(input);
    }
  }
  return JSON.stringify(input);
}

function rawInput(input: unknown): string | null {
  return input === undefined ? null : JSON.stringify(input);
}

function expectedEventType(action: OrchestratorAction): EventType {
  switch (action.actionType) {
    case ActionType.CreateTimer:
      return EventType.TimerCreated;
    case ActionType.CallSubOrchestrator:
    case ActionType.CallSubOrchestratorWithRetry:
      return EventType.SubOrchestrationInstanceCreated;
    default:
      return EventType.TaskScheduled;
  }
}

function describe(action: OrchestratorAction): string {
  const name = action.functionName ? ` '${action.functionName}'` : '';
  return `${ActionType[action.actionType]}${name}`;
}

function describeEvent(event: HistoryEvent): string {
  const name = event.Name ? ` '${event.Name}'` : '';
  return `${EventType[event.EventType]}${name} (event id ${event.EventId})`;
}

export function nonDeterminismMessage(detail: string): string {
  return (
    `Non-Deterministic workflow detected: ${detail}. The orchestrator function's replay produced actions that ` +
    'do not match its history (NonDeterministicOrchestrationException); orchestrator code must be deterministic.'
  );
}

export function applyActions(
  history: HistoryEvent[],
  rawActions: unknown,
  identity: InstanceIdentity,
  now: Date,
): AppliedActions {
  const actions = flattenActions(rawActions);
  const events: HistoryEvent[] = [];
  const effects = emptyEffects();
  const existing = actionScheduledEvents(history);
  let nextId = nextEventId(history);
  let schedulingIndex = 0;
  let continueAsNewInput: string | null | undefined;

  for (const action of actions) {
    if (action.actionType === ActionType.ContinueAsNew) {
      continueAsNewInput = preEncodedInput(action.input);
      continue;
    }
    const unsupportedName = unsupported[action.actionType];
    if (unsupportedName) {
      return {
        events,
        effects,
        failure: `The local durable engine does not support ${unsupportedName} (entities and durable HTTP).`,
      };
    }
    if (!isSchedulingAction(action)) continue;

    const previous = existing[schedulingIndex++];
    if (previous) {
      const sameType = previous.EventType === expectedEventType(action);
      const sameName = action.actionType === ActionType.CreateTimer || previous.Name === action.functionName;
      if (!sameType || !sameName) {
        return {
          events,
          effects,
          failure: nonDeterminismMessage(
            `action #${schedulingIndex - 1} is ${describe(action)} but history has ${describeEvent(previous)}`,
          ),
        };
      }
      if (
        action.actionType === ActionType.CreateTimer &&
        action.isCanceled &&
        !previous.Canceled &&
        !isResolved(history, previous.EventId)
      ) {
        previous.Canceled = true;
        effects.withdrawn.push({
          instanceId: identity.instanceId,
          messageId: messageIds.timer(identity.executionId, previous.EventId),
        });
      }
      continue;
    }

    const eventId = nextId++;
    events.push(...scheduleNew(action, eventId, identity, now, effects));
  }
  return { events, effects, continueAsNewInput };
}

function scheduleNew(
  action: OrchestratorAction,
  eventId: number,
  identity: InstanceIdentity,
  now: Date,
  effects: Effects,
): HistoryEvent[] {
  const retryPolicy = action.retryOptions;
  switch (action.actionType) {
    case ActionType.CallActivity:
    case ActionType.CallActivityWithRetry: {
      const input = preEncodedInput(action.input);
      const name = action.functionName ?? '';
      effects.activities.push({
        instanceId: identity.instanceId,
        executionId: identity.executionId,
        taskScheduledId: eventId,
        name,
        input,
      });
      return [
        newEvent(EventType.TaskScheduled, now, {
          EventId: eventId,
          Name: name,
          Input: input,
          RetryPolicy: retryPolicy,
          Attempt: 1,
          RetryOf: eventId,
        }),
      ];
    }
    case ActionType.CallSubOrchestrator:
    case ActionType.CallSubOrchestratorWithRetry: {
      const input = rawInput(action.input);
      const name = action.functionName ?? '';
      const childId = action.instanceId || `${identity.instanceId}:${eventId}`;
      effects.messages.push({ message: childStartMessage(identity, eventId, childId, name, input), visibleAtMs: 0 });
      return [
        newEvent(EventType.SubOrchestrationInstanceCreated, now, {
          EventId: eventId,
          Name: name,
          InstanceId: childId,
          Input: input,
          RetryPolicy: retryPolicy,
          Attempt: 1,
          RetryOf: eventId,
        }),
      ];
    }
    case ActionType.CreateTimer: {
      const fireAt = new Date(action.fireAt ?? now.toISOString());
      if (!action.isCanceled)
        effects.messages.push({ message: timerMessage(identity, eventId, fireAt), visibleAtMs: fireAt.getTime() });
      return [
        newEvent(EventType.TimerCreated, now, {
          EventId: eventId,
          FireAt: fireAt.toISOString(),
          Canceled: action.isCanceled || undefined,
        }),
      ];
    }
    default:
      return [];
  }
}

export function timerMessage(identity: InstanceIdentity, timerId: number, fireAt: Date) {
  return {
    id: messageIds.timer(identity.executionId, timerId),
    instanceId: identity.instanceId,
    kind: 'event' as const,
    executionId: identity.executionId,
    event: newEvent(EventType.TimerFired, fireAt, { TimerId: timerId, FireAt: fireAt.toISOString() }),
  };
}

export function childStartMessage(
  parent: InstanceIdentity,
  taskScheduledId: number,
  childId: string,
  name: string,
  input: string | null,
) {
  return {
    id: messageIds.childStart(parent.executionId, taskScheduledId),
    instanceId: childId,
    kind: 'start' as const,
    executionId: `${parent.executionId}:${taskScheduledId}`,
    name,
    input,
    parent: { instanceId: parent.instanceId, executionId: parent.executionId, taskScheduledId },
  };
}
