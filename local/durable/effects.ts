/** What one orchestration episode asks the engine to do once its new history is safely stored. */
import type { ActivityWorkItem, InboxMessage } from './workQueues';

export interface Effects {
  activities: ActivityWorkItem[];
  messages: { message: InboxMessage; visibleAtMs: number }[];
  /** Inbox messages to withdraw (timers that no longer matter), by instance and message id. */
  withdrawn: { instanceId: string; messageId: string }[];
}

export function emptyEffects(): Effects {
  return { activities: [], messages: [], withdrawn: [] };
}

/** Deterministic ids make every post idempotent, so redoing effects after a crash adds nothing twice. */
export const messageIds = {
  timer: (executionId: string, timerId: number) => `timer|${executionId}|${timerId}`,
  taskResult: (executionId: string, taskId: number) => `result|${executionId}|${taskId}`,
  childStart: (parentExecutionId: string, taskId: number) => `start|${parentExecutionId}|${taskId}`,
  childResult: (childExecutionId: string) => `child-result|${childExecutionId}`,
  executionStart: (executionId: string) => `start|${executionId}`,
};

/** The inbox message that starts an execution (new, after continueAsNew, or one a crash left unstarted). */
export function executionStartMessage(
  execution: { instanceId: string; executionId: string; name: string },
  input: string | null,
): InboxMessage {
  return {
    id: messageIds.executionStart(execution.executionId),
    instanceId: execution.instanceId,
    kind: 'start',
    executionId: execution.executionId,
    name: execution.name,
    input,
  };
}

export function postExecutionStart(
  effects: Effects,
  execution: { instanceId: string; executionId: string; name: string },
  input: string | null,
): void {
  effects.messages.push({ message: executionStartMessage(execution, input), visibleAtMs: 0 });
}
