/**
 * One orchestration episode: fold the instance's due inbox messages into its history, invoke the orchestrator
 * function with the whole history (the library replays it), and turn the returned OrchestratorState into new
 * history, a new runtime status and the work to dispatch.
 */
import { randomUUID } from 'node:crypto';
import {
  EventType,
  FailureDetails,
  HistoryEvent,
  OrchestratorState,
  isResolved,
  newEvent,
  parseJsonString,
  pendingScheduled,
  toJsonString,
} from './history';
import { InstanceRecord, terminalStatuses } from './instanceStore';
import { Effects, emptyEffects, messageIds, postExecutionStart } from './effects';
import { applyActions } from './actionApplier';
import { isRetrySensitive, retryFollowUp } from './retries';
import type { InboxMessage } from './workQueues';

/** Invokes the orchestrator function; resolves with its return value or rejects with what it threw. */
export type OrchestratorInvoker = (functionName: string, bindingPayload: Record<string, unknown>) => Promise<unknown>;

export interface EpisodeResult {
  /** The record to store; undefined when there is nothing to store (message for an unknown instance). */
  record?: InstanceRecord;
  changed: boolean;
  effects: Effects;
  /** Messages this episode used or discarded; they may be deleted once the record is stored. */
  consumed: InboxMessage[];
}

const MAX_REMEMBERED_MESSAGE_IDS = 5000;
const OUT_OF_PROC_LABEL = '\n\n$OutOfProcData$:';

export async function runEpisode(
  stored: InstanceRecord | undefined,
  messages: InboxMessage[],
  now: Date,
  invoke: OrchestratorInvoker,
): Promise<EpisodeResult> {
  const effects = emptyEffects();
  const consumed: InboxMessage[] = [];
  let record = stored ? (structuredClone(stored) as InstanceRecord) : undefined;
  let changed = false;
  const batch: HistoryEvent[] = [];

  for (const message of messages) {
    if (record?.processedMessageIds.includes(message.id)) {
      consumed.push(message);
      continue;
    }
    if (message.kind === 'start') {
      consumed.push(message);
      if (!record || (terminalStatuses.has(record.status) && record.executionId !== message.executionId)) {
        record = newRecord(message, now, record?.createdTime);
        changed = true;
      }
      continue;
    }
    if (!record || terminalStatuses.has(record.status)) {
      consumed.push(message);
      continue;
    }
    if (message.kind === 'terminate') {
      consumed.push(...messages.filter((m) => !consumed.includes(m)));
      terminate(record, message.reason, now, effects);
      return finish(record, true, effects, consumed);
    }
    if (message.executionId !== undefined && message.executionId !== record.executionId) {
      consumed.push(message);
      continue;
    }
    const event = message.event;
    const isCompletion = event.EventType !== EventType.EventRaised;
    const completedId = event.EventType === EventType.TimerFired ? event.TimerId : event.TaskScheduledId;
    if (isCompletion && isResolved(record.history, completedId ?? -1)) {
      consumed.push(message);
      continue;
    }
    const retrySensitive = isRetrySensitive(record.history, event);
    if (retrySensitive && batch.length > 0) break;
    consumed.push(message);
    batch.push({ ...event, IsPlayed: false });
    if (retrySensitive) break;
  }

  if (!record) return { record: undefined, changed: false, effects, consumed };
  const starting = record.history.length === 0 && !terminalStatuses.has(record.status);
  if (!starting && batch.length === 0) return finish(record, changed, effects, consumed);

  const identity = { instanceId: record.instanceId, executionId: record.executionId };
  const history: HistoryEvent[] = record.history.map((e) => ({ ...e, IsPlayed: true }));
  history.push(newEvent(EventType.OrchestratorStarted, now));
  if (starting) {
    history.push(newEvent(EventType.ExecutionStarted, now, { Name: record.name, Input: record.input }));
    record.status = 'Running';
  }
  for (const event of batch) {
    history.push(event);
    history.push(...retryFollowUp(history, event, identity, now, effects));
  }

  const payload = {
    history,
    input: parseJsonString(record.input),
    instanceId: record.instanceId,
    isReplaying: history.some((e) => e.EventType === EventType.OrchestratorCompleted),
    parentInstanceId: record.parent?.instanceId,
    upperSchemaVersion: 0, // schema V1: actions arrive as a flat array of arrays
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };

  let state: OrchestratorState | undefined;
  let failure: string | undefined;
  try {
    state = (await invoke(record.name, payload)) as OrchestratorState;
    if (!state || typeof state !== 'object' || !Array.isArray(state.actions)) {
      failure = `Orchestrator function '${record.name}' did not return an orchestrator state (is it registered with df.app.orchestration?)`;
    }
  } catch (error) {
    const parsed = parseOrchestratorError(error);
    // The library puts the exception's message in state.error (its own error text carries no useful message).
    failure = `Orchestrator function '${record.name}' failed: ${parsed.state?.error ?? parsed.message}`;
    if (parsed.state?.customStatus !== undefined) record.customStatus = toJsonString(parsed.state.customStatus);
  }

  if (state && !failure) {
    if (state.customStatus !== undefined) record.customStatus = toJsonString(state.customStatus);
    const applied = applyActions(history, state.actions, identity, now);
    failure = applied.failure;
    if (!failure) {
      history.push(...applied.events);
      mergeEffects(effects, applied.effects);
      if (applied.continueAsNewInput !== undefined) {
        history.push(newEvent(EventType.OrchestratorCompleted, now));
        withdrawPendingTimers(record, history, effects);
        continueAsNew(record, applied.continueAsNewInput, now, effects);
        return finish(record, true, effects, consumed);
      }
      if (state.isDone) {
        history.push(newEvent(EventType.OrchestratorCompleted, now));
        history.push(newEvent(EventType.ExecutionCompleted, now, { Result: toJsonString(state.output) }));
        record.history = history;
        complete(record, toJsonString(state.output), now, effects);
        return finish(record, true, effects, consumed);
      }
    }
  }

  history.push(newEvent(EventType.OrchestratorCompleted, now));
  record.history = history;
  if (failure) {
    record.history.push(newEvent(EventType.ExecutionFailed, now, { Reason: failure }));
    fail(record, failure, now, effects);
  }
  return finish(record, true, effects, consumed);
}

function newRecord(message: Extract<InboxMessage, { kind: 'start' }>, now: Date, createdTime?: string): InstanceRecord {
  return {
    instanceId: message.instanceId,
    name: message.name,
    executionId: message.executionId,
    status: 'Pending',
    createdTime: createdTime && !message.parent ? createdTime : now.toISOString(),
    lastUpdatedTime: now.toISOString(),
    input: message.input,
    output: null,
    customStatus: null,
    parent: message.parent,
    history: [],
    processedMessageIds: [],
  };
}

function finish(record: InstanceRecord, changed: boolean, effects: Effects, consumed: InboxMessage[]): EpisodeResult {
  const ids = [...record.processedMessageIds, ...consumed.map((m) => m.id)];
  record.processedMessageIds = ids.slice(-MAX_REMEMBERED_MESSAGE_IDS);
  return { record, changed: changed || consumed.length > 0, effects, consumed };
}

function mergeEffects(into: Effects, from: Effects): void {
  into.activities.push(...from.activities);
  into.messages.push(...from.messages);
  into.withdrawn.push(...from.withdrawn);
}

function withdrawPendingTimers(record: InstanceRecord, history: HistoryEvent[], effects: Effects): void {
  for (const event of pendingScheduled(history)) {
    if (event.EventType === EventType.TimerCreated) {
      effects.withdrawn.push({
        instanceId: record.instanceId,
        messageId: messageIds.timer(record.executionId, event.EventId),
      });
    }
  }
}

function complete(record: InstanceRecord, output: string | null, now: Date, effects: Effects): void {
  withdrawPendingTimers(record, record.history, effects);
  record.status = 'Completed';
  record.output = output;
  record.lastUpdatedTime = now.toISOString();
  notifyParent(record, effects, now, { result: output });
}

function fail(record: InstanceRecord, message: string, now: Date, effects: Effects): void {
  withdrawPendingTimers(record, record.history, effects);
  record.status = 'Failed';
  record.output = JSON.stringify(message);
  record.lastUpdatedTime = now.toISOString();
  notifyParent(record, effects, now, { failure: { ErrorType: 'OrchestrationFailure', ErrorMessage: message } });
}

function terminate(record: InstanceRecord, reason: string, now: Date, effects: Effects): void {
  withdrawPendingTimers(record, record.history, effects);
  record.history.push(newEvent(EventType.ExecutionTerminated, now, { Input: JSON.stringify(reason) }));
  record.status = 'Terminated';
  record.output = JSON.stringify(reason);
  record.lastUpdatedTime = now.toISOString();
}

function continueAsNew(record: InstanceRecord, input: string | null, now: Date, effects: Effects): void {
  record.executionId = randomUUID();
  record.history = [];
  record.input = input;
  record.output = null;
  record.status = 'ContinuedAsNew';
  record.lastUpdatedTime = now.toISOString();
  postExecutionStart(effects, record, input);
}

/** Posts a finished sub-orchestration's result to its parent (also re-posted by start-up recovery). */
export function notifyParent(
  record: InstanceRecord,
  effects: Effects,
  now: Date,
  outcome: { result?: string | null; failure?: FailureDetails },
): void {
  const parent = record.parent;
  if (!parent) return;
  const event = outcome.failure
    ? newEvent(EventType.SubOrchestrationInstanceFailed, now, {
        TaskScheduledId: parent.taskScheduledId,
        Reason: outcome.failure.ErrorMessage,
        Details: '',
        FailureDetails: outcome.failure,
      })
    : newEvent(EventType.SubOrchestrationInstanceCompleted, now, {
        TaskScheduledId: parent.taskScheduledId,
        Result: outcome.result ?? null,
      });
  effects.messages.push({
    message: {
      id: messageIds.childResult(record.executionId),
      instanceId: parent.instanceId,
      kind: 'event',
      executionId: parent.executionId,
      event,
    },
    visibleAtMs: 0,
  });
}

/** The library reports orchestrator exceptions as `message + "\n\n$OutOfProcData$:" + JSON(OrchestratorState)`. */
export function parseOrchestratorError(error: unknown): { message: string; state?: OrchestratorState } {
  const text = error instanceof Error ? error.message : String(error);
  const at = text.indexOf(OUT_OF_PROC_LABEL);
  if (at < 0) return { message: text };
  try {
    return {
      message: text.slice(0, at),
      state: JSON.parse(text.slice(at + OUT_OF_PROC_LABEL.length)) as OrchestratorState,
    };
  } catch {
    return { message: text.slice(0, at) };
  }
}
