/** The DurableOrchestrationStatus JSON the management API returns for an instance. */
import { EventType, HistoryEvent, parseJsonString } from './history';
import type { InstanceRecord } from './instanceStore';

export interface StatusViewOptions {
  showHistory: boolean;
  showHistoryOutput: boolean;
  showInput: boolean;
}

export function statusView(record: InstanceRecord, options: StatusViewOptions): Record<string, unknown> {
  const view: Record<string, unknown> = {
    name: record.name,
    instanceId: record.instanceId,
    runtimeStatus: record.status,
    input: options.showInput ? parseJsonString(record.input) : null,
    customStatus: parseJsonString(record.customStatus),
    output: parseJsonString(record.output),
    createdTime: record.createdTime,
    lastUpdatedTime: record.lastUpdatedTime,
  };
  if (options.showHistory) view.history = historyView(record.history, options.showHistoryOutput);
  return view;
}

const hiddenTypes = new Set([EventType.OrchestratorStarted, EventType.OrchestratorCompleted]);

/** The summarized history the extension shows: one entry per meaningful event, outputs only when asked. */
function historyView(history: HistoryEvent[], showOutput: boolean): Record<string, unknown>[] {
  const scheduledNames = new Map(history.filter((e) => e.EventId >= 0).map((e) => [e.EventId, e.Name]));
  return history
    .filter((e) => !hiddenTypes.has(e.EventType))
    .map((e) => {
      const entry: Record<string, unknown> = { EventType: EventType[e.EventType], Timestamp: e.Timestamp };
      if (e.EventId >= 0) entry.EventId = e.EventId;
      const name = e.Name ?? scheduledNames.get(e.TaskScheduledId ?? e.TimerId ?? -1);
      if (name) entry.FunctionName = name;
      if (e.EventType === EventType.EventRaised) entry.Name = e.Name;
      if (e.FireAt) entry.FireAt = e.FireAt;
      if (e.InstanceId) entry.InstanceId = e.InstanceId;
      if (e.Reason) entry.Reason = e.Reason;
      if (e.EventType === EventType.ExecutionStarted) entry.Input = parseJsonString(e.Input);
      if (showOutput && e.Result !== undefined) entry.Result = parseJsonString(e.Result);
      return entry;
    });
}
