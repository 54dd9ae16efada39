/**
 * Polls the inbox, runs one episode per instance with due messages, stores the new state with an ETag check
 * (losing a race just leaves the messages for the next round), then dispatches the episode's work and deletes
 * the messages it consumed. Dispatching after the store means a crash can lose work; `recovery.ts` re-derives it.
 */
import { Effects } from './effects';
import { ConcurrencyConflict, InstanceStore } from './instanceStore';
import { OrchestratorInvoker, runEpisode } from './orchestrationRunner';
import { Wakeup } from './wakeup';
import { ActivityQueue, Delivered, Inbox, InboxMessage } from './workQueues';

/** Most inbox messages one round reads. */
const DUE_BATCH = 1000;

export interface EngineLogger {
  (level: 'information' | 'warning' | 'error', message: string, detail?: Record<string, unknown>): void;
}

export interface DispatcherDeps {
  store: InstanceStore;
  inbox: Inbox;
  activities: ActivityQueue;
  invoke: OrchestratorInvoker;
  now: () => Date;
  log: EngineLogger;
  /** Called when activity work was enqueued, so the activity scheduler looks now. */
  onActivitiesEnqueued: () => void;
  pollMs: number;
  maxConcurrentOrchestrations: number;
}

export class OrchestrationDispatcher {
  readonly wakeup = new Wakeup();
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DispatcherDeps) {}

  start(): void {
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.dispose();
    await this.loopDone;
  }

  /**
   * One inbox query per round. After a round the loop sleeps even when it made progress: every message posted in this
   * process kicks it (activity results, client starts and events, and this loop's own messages through `kickAt`), so
   * a query straight after a round would only find what a kick announces anyway. Only a round that hit the batch
   * limit queries again at once.
   */
  private async loop(): Promise<void> {
    // The first round looks for what an earlier run left; later rounds are polls only when no kick woke the loop.
    let polled = true;
    while (this.running) {
      let progressed = false;
      let batchFull = false;
      try {
        const due = await this.deps.inbox.due(this.deps.now().getTime(), DUE_BATCH);
        batchFull = [...due.values()].reduce((count, list) => count + list.length, 0) >= DUE_BATCH;
        const groups = [...due.entries()];
        for (let i = 0; i < groups.length && this.running; i += this.deps.maxConcurrentOrchestrations) {
          const slice = groups.slice(i, i + this.deps.maxConcurrentOrchestrations);
          const results = await Promise.all(
            slice.map(([instanceId, delivered]) => this.process(instanceId, delivered)),
          );
          progressed ||= results.some(Boolean);
        }
      } catch (error) {
        this.deps.log('error', `orchestration dispatcher: ${(error as Error).message}`);
      }
      if (progressed && polled) this.wakeup.busy();
      if (this.running && !(progressed && batchFull)) polled = !(await this.wakeup.sleepIdle(this.deps.pollMs));
    }
  }

  /** Returns true when it consumed at least one message. */
  private async process(instanceId: string, delivered: Delivered<InboxMessage>[]): Promise<boolean> {
    try {
      const stored = await this.deps.store.get(instanceId);
      const result = await runEpisode(
        stored?.record,
        delivered.map((d) => d.value),
        this.deps.now(),
        this.deps.invoke,
      );
      if (result.record && result.changed) await this.deps.store.save(result.record, stored?.etag);
      await this.dispatch(result.effects);
      const consumedIds = new Set(result.consumed.map((m) => m.id));
      for (const item of delivered) {
        if (consumedIds.has(item.value.id)) await this.deps.inbox.remove(item);
      }
      if (result.record && result.changed && result.record.status !== 'Running' && result.record.status !== 'Pending') {
        this.deps.log('information', `orchestration ${instanceId} is ${result.record.status}`, {
          instanceId,
          name: result.record.name,
        });
      }
      return consumedIds.size > 0;
    } catch (error) {
      if (error instanceof ConcurrencyConflict) return false;
      this.deps.log('error', `orchestration ${instanceId}: ${(error as Error).message}`, { instanceId });
      return false;
    }
  }

  async dispatch(effects: Effects): Promise<void> {
    for (const item of effects.activities) await this.deps.activities.enqueue(item);
    if (effects.activities.length > 0) this.deps.onActivitiesEnqueued();
    for (const { message, visibleAtMs } of effects.messages) {
      await this.deps.inbox.post(message, visibleAtMs);
      this.wakeup.kickAt(visibleAtMs, this.deps.now().getTime());
    }
    for (const { instanceId, messageId } of effects.withdrawn) await this.deps.inbox.removeById(instanceId, messageId);
  }
}
