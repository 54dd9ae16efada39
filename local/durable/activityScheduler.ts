/**
 * Runs queued activities, at most `maxConcurrent` at a time (host.json maxConcurrentActivityFunctions), keeping each
 * item's lease alive while it runs, and posts its outcome to the orchestration's inbox as TaskCompleted/TaskFailed.
 * An item is deleted only after its outcome is posted: a crash re-runs it (at-least-once, like the real extension).
 */
import { EventType, newEvent, toJsonString } from './history';
import { messageIds } from './effects';
import type { EngineLogger } from './orchestrationDispatcher';
import { Wakeup } from './wakeup';
import { ActivityQueue, ActivityWorkItem, Delivered, Inbox } from './workQueues';

export type ActivityInvoker = (functionName: string, inputJson: string | null) => Promise<unknown>;

export interface ActivitySchedulerDeps {
  queue: ActivityQueue;
  inbox: Inbox;
  invoke: ActivityInvoker;
  now: () => Date;
  log: EngineLogger;
  maxConcurrent: number;
  pollMs: number;
  leaseMs: number;
  /** Called once an outcome is in the inbox, so the orchestration dispatcher looks now. */
  onResultPosted: () => void;
}

export class ActivityScheduler {
  readonly wakeup = new Wakeup();
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  /** The last lease filled every free slot (or there was none): a finished activity should look for more at once. */
  private mayHaveWaitingItems = false;

  constructor(private readonly deps: ActivitySchedulerDeps) {}

  start(): void {
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.dispose();
    await this.loopDone;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * One lease query per round. A round that leased fewer items than it had slots for saw the whole visible queue, so
   * the loop sleeps (work enqueued in this process kicks it); only a round that filled every free slot may have left
   * items behind, and then the loop queries again at once and a finished activity kicks it to use the freed slot.
   */
  private async loop(): Promise<void> {
    // The first round looks for what an earlier run left; later rounds are polls only when no kick woke the loop.
    let polled = true;
    while (this.running) {
      let leasedAny = false;
      let slotsFilled = false;
      try {
        const free = this.deps.maxConcurrent - this.inFlight.size;
        const leased = await this.deps.queue.lease(this.deps.now().getTime(), free);
        for (const item of leased) {
          if (!this.running) break;
          const run = this.run(item).finally(() => {
            this.inFlight.delete(run);
            if (this.mayHaveWaitingItems) this.wakeup.kick();
          });
          this.inFlight.add(run);
        }
        leasedAny = leased.length > 0;
        slotsFilled = leased.length >= free;
        this.mayHaveWaitingItems = slotsFilled;
      } catch (error) {
        this.deps.log('error', `activity scheduler: ${(error as Error).message}`);
      }
      if (leasedAny && polled) this.wakeup.busy();
      if (this.running && !(leasedAny && slotsFilled)) polled = !(await this.wakeup.sleepIdle(this.deps.pollMs));
    }
  }

  private async run(delivered: Delivered<ActivityWorkItem>): Promise<void> {
    const item = delivered.value;
    let entity = delivered.entity;
    const renew = setInterval(
      () => {
        void this.deps.queue.extend(entity, this.deps.now().getTime()).then(
          (renewed) => {
            if (renewed) entity = renewed;
          },
          () => undefined,
        );
      },
      Math.max(100, Math.floor(this.deps.leaseMs / 3)),
    );
    try {
      const event = await this.execute(item);
      if (!this.running) return; // stopping mid-activity: leave the item for the next host, as a crash would
      await this.deps.inbox.post({
        id: messageIds.taskResult(item.executionId, item.taskScheduledId),
        instanceId: item.instanceId,
        kind: 'event',
        executionId: item.executionId,
        event,
      });
      await this.deps.queue.complete({ value: item, entity });
      this.deps.onResultPosted();
    } catch (error) {
      this.deps.log('error', `activity ${item.name} of ${item.instanceId}: ${(error as Error).message}`);
    } finally {
      clearInterval(renew);
    }
  }

  private async execute(item: ActivityWorkItem) {
    const now = () => this.deps.now();
    try {
      const result = await this.deps.invoke(item.name, item.input);
      return newEvent(EventType.TaskCompleted, now(), {
        TaskScheduledId: item.taskScheduledId,
        Result: toJsonString(result),
      });
    } catch (error) {
      const thrown = (error as { thrown?: unknown }).thrown ?? error;
      const errorType = thrown instanceof Error ? thrown.name : 'Error';
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      const stack = thrown instanceof Error ? thrown.stack : undefined;
      return newEvent(EventType.TaskFailed, now(), {
        TaskScheduledId: item.taskScheduledId,
        Reason: `Activity function '${item.name}' failed: ${message}`,
        Details: stack ?? '',
        FailureDetails: { ErrorType: errorType, ErrorMessage: message, StackTrace: stack },
      });
    }
  }
}
