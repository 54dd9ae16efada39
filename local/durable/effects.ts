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
};
