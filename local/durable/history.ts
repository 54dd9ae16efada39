/**
 * The history model: the event and action shapes the `durable-functions` library reads and writes (the same
 * PascalCase JSON the Durable Task extension sends), plus queries over one execution's history.
 */

/** HistoryEventType numbers as durable-functions/lib/src/history/HistoryEventType.js defines them. */
export enum EventType {
  ExecutionStarted = 0,
  ExecutionCompleted = 1,
  ExecutionFailed = 2,
  ExecutionTerminated = 3,
  TaskScheduled = 4,
  TaskCompleted = 5,
  TaskFailed = 6,
  SubOrchestrationInstanceCreated = 7,
  SubOrchestrationInstanceCompleted = 8,
  SubOrchestrationInstanceFailed = 9,
  TimerCreated = 10,
  TimerFired = 11,
  OrchestratorStarted = 12,
  OrchestratorCompleted = 13,
  EventSent = 14,
  EventRaised = 15,
  ContinueAsNew = 16,
}

/** ActionType numbers as durable-functions/lib/src/actions/ActionType.js defines them. */
export enum ActionType {
  CallActivity = 0,
  CallActivityWithRetry = 1,
  CallSubOrchestrator = 2,
  CallSubOrchestratorWithRetry = 3,
  ContinueAsNew = 4,
  CreateTimer = 5,
  WaitForExternalEvent = 6,
  CallEntity = 7,
  CallHttp = 8,
  SignalEntity = 9,
  WhenAny = 11,
  WhenAll = 12,
  LockEntities = 13,
  ReleaseEntities = 14,
}

/** Wire form of the library's FailureDetailsPayload. */
export interface FailureDetails {
  ErrorType: string;
  ErrorMessage: string;
  StackTrace?: string;
}

export interface RetryPolicy {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
}

/**
 * One history event. Fields beyond EventType/EventId/IsPlayed/Timestamp depend on the type; the library ignores
 * the engine's own bookkeeping fields (RetryPolicy, Attempt, Origin, Canceled).
 */
export interface HistoryEvent {
  EventType: EventType;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  Name?: string;
  Input?: string | null;
  Result?: string | null;
  Version?: string;
  TaskScheduledId?: number;
  TimerId?: number;
  FireAt?: string;
  InstanceId?: string;
  Reason?: string;
  Details?: string;
  FailureDetails?: FailureDetails;
  /** Engine bookkeeping: 'retry' marks timers and reschedules the engine made for a *WithRetry action. */
  Origin?: 'retry';
  /** Engine bookkeeping: the retry policy of the action that scheduled this task, and which attempt this is. */
  RetryPolicy?: RetryPolicy;
  Attempt?: number;
  /** Engine bookkeeping: the EventId of the first TaskScheduled/SubOrchestrationInstanceCreated of a retried call. */
  RetryOf?: number;
  Canceled?: boolean;
}

/** An action as the library serializes it (OrchestratorState.actions, schema V1: array of arrays). */
export interface OrchestratorAction {
  actionType: ActionType;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  retryOptions?: RetryPolicy;
  fireAt?: string;
  isCanceled?: boolean;
  externalEventName?: string;
}

/** OrchestratorState as returned by the library's orchestrator handler. */
export interface OrchestratorState {
  isDone: boolean;
  actions: OrchestratorAction[][];
  output?: unknown;
  error?: string;
  customStatus?: unknown;
  schemaVersion?: number;
}

export function newEvent(type: EventType, timestamp: Date, fields: Partial<HistoryEvent> = {}): HistoryEvent {
  return { EventType: type, EventId: -1, IsPlayed: false, Timestamp: timestamp.toISOString(), ...fields };
}

const schedulingTypes = new Set([
  EventType.TaskScheduled,
  EventType.TimerCreated,
  EventType.SubOrchestrationInstanceCreated,
]);

/** Events that took one of the library's sequence numbers (EventId >= 0). */
export function scheduledEvents(history: HistoryEvent[]): HistoryEvent[] {
  return history.filter((e) => schedulingTypes.has(e.EventType));
}

/** The next sequence number the library will give a task: one past the highest scheduled EventId. */
export function nextEventId(history: HistoryEvent[]): number {
  return scheduledEvents(history).reduce((max, e) => Math.max(max, e.EventId + 1), 0);
}

/** Scheduling events that answer an orchestrator action (not retry timers/reschedules made by the engine). */
export function actionScheduledEvents(history: HistoryEvent[]): HistoryEvent[] {
  return scheduledEvents(history)
    .filter((e) => e.Origin !== 'retry')
    .sort((a, b) => a.EventId - b.EventId);
}

export function findScheduled(history: HistoryEvent[], eventId: number): HistoryEvent | undefined {
  return scheduledEvents(history).find((e) => e.EventId === eventId);
}

/** True when the history already holds a completion for this scheduled task or timer id. */
export function isResolved(history: HistoryEvent[], eventId: number): boolean {
  return history.some(
    (e) =>
      (e.EventType === EventType.TimerFired && e.TimerId === eventId) ||
      ((e.EventType === EventType.TaskCompleted ||
        e.EventType === EventType.TaskFailed ||
        e.EventType === EventType.SubOrchestrationInstanceCompleted ||
        e.EventType === EventType.SubOrchestrationInstanceFailed) &&
        e.TaskScheduledId === eventId),
  );
}

/** Scheduled events still waiting for their completion. */
export function pendingScheduled(history: HistoryEvent[]): HistoryEvent[] {
  return scheduledEvents(history).filter((e) => !isResolved(history, e.EventId) && !e.Canceled);
}

/** Flattens schema-V1 actions (and any compound WhenAll/WhenAny) into the order the library numbered them. */
export function flattenActions(actions: unknown): OrchestratorAction[] {
  const flat: OrchestratorAction[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const action = value as OrchestratorAction & { compoundActions?: unknown };
    if (action.actionType === ActionType.WhenAll || action.actionType === ActionType.WhenAny) {
      visit(action.compoundActions);
    } else {
      flat.push(action);
    }
  };
  visit(actions);
  return flat;
}

/** Actions that take one of the library's sequence numbers, in numbering order. */
export function isSchedulingAction(action: OrchestratorAction): boolean {
  return [
    ActionType.CallActivity,
    ActionType.CallActivityWithRetry,
    ActionType.CallSubOrchestrator,
    ActionType.CallSubOrchestratorWithRetry,
    ActionType.CreateTimer,
    ActionType.CallEntity,
    ActionType.CallHttp,
    ActionType.SignalEntity,
  ].includes(action.actionType);
}

/** Delay before retry number `failedAttempt` (1-based), as the Durable Task framework computes it. */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number): number {
  const coefficient = policy.backoffCoefficient && policy.backoffCoefficient > 0 ? policy.backoffCoefficient : 1;
  const delay = policy.firstRetryIntervalInMilliseconds * Math.pow(coefficient, failedAttempt - 1);
  const cap =
    policy.maxRetryIntervalInMilliseconds && policy.maxRetryIntervalInMilliseconds > 0
      ? policy.maxRetryIntervalInMilliseconds
      : Infinity;
  return Math.max(0, Math.min(delay, cap));
}

export function toJsonString(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function parseJsonString(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
