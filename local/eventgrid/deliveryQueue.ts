import { randomUUID } from 'node:crypto';
import type { HostApi } from '../host/types';
import { DeliveryStore, type PendingDelivery } from './deliveryStore';
import { eventGridTriggerFunctions, invokeEventGridFunction } from './functionDelivery';
import { describeDestination, subscriptionMatches } from './subscriptions';
import type {
  CloudEventRecord,
  DeadLetterRecord,
  DeliveryOutcome,
  DeliveryRecord,
  EmulatorLogger,
  LocalSubscription,
  RetryPolicy,
} from './types';
import { performHandshake, postEvent, type AttemptResult } from './webhookDelivery';

/**
 * At-least-once delivery of accepted events to matching subscriptions: persisted pending deliveries, exponential
 * backoff, dead-lettering after the last attempt, and a bounded log of attempts for tests and diagnostics.
 */

export interface DeliveryQueueOptions {
  subscriptions: LocalSubscription[];
  dataDir: string;
  retry: RetryPolicy;
  logger: EmulatorLogger;
  webhookOrigin: string;
  deliveryTimeoutMs: number;
  concurrency: number;
}

const DELIVERY_LOG_LIMIT = 1000;

export class DeliveryQueue {
  private readonly pending = new Map<string, PendingDelivery>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly subscriptions: Map<string, LocalSubscription>;
  /**
   * Handshake per webhook subscription, shared by concurrent deliveries. Like Azure, a subscription is validated
   * once, not per event; a failed handshake is forgotten so the next attempt tries again.
   */
  private readonly handshakes = new Map<string, Promise<AttemptResult>>();
  private readonly log: DeliveryRecord[] = [];
  private readonly idleWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private readonly store: DeliveryStore;
  private host: HostApi | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly shutdown = new AbortController();

  constructor(private readonly options: DeliveryQueueOptions) {
    this.subscriptions = new Map(options.subscriptions.map((s) => [s.name, s]));
    this.store = new DeliveryStore(options.dataDir, () => [...this.pending.values()]);
  }

  async restore(): Promise<void> {
    for (const item of await this.store.load()) this.pending.set(item.deliveryId, item);
    if (this.pending.size > 0) this.options.logger.info({ pending: this.pending.size }, 'resuming event deliveries');
    this.pump();
  }

  /** Fans events out to matching subscriptions and resolves once the deliveries are on disk. */
  async enqueue(events: CloudEventRecord[]): Promise<number> {
    let count = 0;
    const now = Date.now();
    for (const event of events) {
      for (const subscription of this.subscriptions.values()) {
        if (!subscriptionMatches(subscription, event)) continue;
        const deliveryId = randomUUID();
        this.pending.set(deliveryId, {
          deliveryId,
          subscription: subscription.name,
          event,
          attempts: 0,
          nextAttemptAt: now,
        });
        count += 1;
      }
    }
    if (count > 0) await this.store.save();
    this.pump();
    return count;
  }

  attachHost(host: HostApi): void {
    this.host = host;
    this.pump();
  }

  detachHost(): void {
    this.host = undefined;
  }

  deliveries(): DeliveryRecord[] {
    return [...this.log];
  }

  pendingCount(): number {
    return this.pending.size;
  }

  readDeadLetters(subscription: string): Promise<DeadLetterRecord[]> {
    return this.store.readDeadLetters(subscription);
  }

  deadLetterFile(subscription: string): string {
    return this.store.deadLetterFile(subscription);
  }

  /** Resolves when nothing is pending or in flight (function deliveries wait for a host, so they keep it busy). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve, reject) => this.idleWaiters.push({ resolve, reject }));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    // Interrupted webhook calls count as failed attempts and stay pending on disk for the next start.
    this.shutdown.abort();
    await Promise.allSettled([...this.inFlight.values()]);
    await this.store
      .save()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'could not save delivery state'));
    await this.store.flush();
    for (const waiter of this.idleWaiters.splice(0)) waiter.reject(new Error('event grid emulator stopped'));
  }

  private isIdle(): boolean {
    return this.pending.size === 0 && this.inFlight.size === 0;
  }

  private isDeliverable(item: PendingDelivery): boolean {
    const subscription = this.subscriptions.get(item.subscription);
    return subscription?.destination.kind !== 'function' || this.host !== undefined;
  }

  /** A function subscription without a name becomes one delivery per eventGridTrigger function, each retried alone. */
  private expandFunctionFanOut(item: PendingDelivery): PendingDelivery[] {
    const destination = this.subscriptions.get(item.subscription)?.destination;
    if (!this.host || destination?.kind !== 'function' || destination.functionName || item.targetFunction)
      return [item];
    const functions = eventGridTriggerFunctions(this.host);
    if (functions.length === 0) return [item];
    this.pending.delete(item.deliveryId);
    const copies = functions.map((fn) => ({ ...item, deliveryId: randomUUID(), targetFunction: fn.name }));
    for (const copy of copies) this.pending.set(copy.deliveryId, copy);
    return copies;
  }

  private pump(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    let earliestFuture = Infinity;
    for (const candidate of [...this.pending.values()]) {
      if (this.inFlight.has(candidate.deliveryId) || !this.isDeliverable(candidate)) continue;
      for (const item of this.expandFunctionFanOut(candidate)) {
        if (item.nextAttemptAt > now) earliestFuture = Math.min(earliestFuture, item.nextAttemptAt);
        else if (this.inFlight.size < this.options.concurrency) this.start(item);
      }
    }
    if (earliestFuture < Infinity) {
      this.timer = setTimeout(() => this.pump(), Math.max(0, earliestFuture - now));
      this.timer.unref();
    }
    if (this.isIdle()) for (const waiter of this.idleWaiters.splice(0)) waiter.resolve();
  }

  private start(item: PendingDelivery): void {
    item.attempts += 1;
    const run = this.attempt(item)
      .then((result) => this.settle(item, result))
      .catch((error: unknown) =>
        this.options.logger.error({ err: error, deliveryId: item.deliveryId }, 'delivery bookkeeping failed'),
      )
      .finally(() => {
        this.inFlight.delete(item.deliveryId);
        this.pump();
      });
    this.inFlight.set(item.deliveryId, run);
  }

  private async attempt(item: PendingDelivery): Promise<AttemptResult> {
    const subscription = this.subscriptions.get(item.subscription);
    if (!subscription) return { ok: false, retryable: false, error: 'subscription is no longer configured' };
    const destination = subscription.destination;
    if (destination.kind === 'function') {
      if (!this.host) return { ok: false, retryable: true, error: 'no Functions host attached' };
      const functionName = destination.functionName ?? item.targetFunction;
      if (!functionName) return { ok: false, retryable: true, error: 'no eventGridTrigger functions are registered' };
      return invokeEventGridFunction(this.host, functionName, item.event);
    }
    const callOptions = {
      origin: this.options.webhookOrigin,
      timeoutMs: this.options.deliveryTimeoutMs,
      subscriptionName: subscription.name,
      shutdown: this.shutdown.signal,
    };
    let handshake = this.handshakes.get(subscription.name);
    if (!handshake) {
      handshake = performHandshake(destination.url, callOptions);
      this.handshakes.set(subscription.name, handshake);
    }
    const validation = await handshake;
    if (!validation.ok) {
      if (this.handshakes.get(subscription.name) === handshake) this.handshakes.delete(subscription.name);
      return validation;
    }
    return postEvent(destination.url, item.event, item.attempts, callOptions);
  }

  private async settle(item: PendingDelivery, result: AttemptResult): Promise<void> {
    const subscription = this.subscriptions.get(item.subscription);
    const destination = subscription ? describeDestination(subscription, item.targetFunction) : 'unknown';
    if (result.ok) {
      this.pending.delete(item.deliveryId);
      this.record(item, destination, 'delivered', result.statusCode);
    } else if (!result.retryable || item.attempts >= this.options.retry.maxAttempts) {
      this.pending.delete(item.deliveryId);
      const reason = result.retryable ? `max delivery attempts reached: ${result.error}` : result.error;
      await this.store.appendDeadLetter({
        subscription: item.subscription,
        destination,
        reason,
        attempts: item.attempts,
        deadLetteredAt: new Date().toISOString(),
        event: item.event,
      });
      this.record(item, destination, 'dead-lettered', result.statusCode, reason);
      this.options.logger.warn(
        { subscription: item.subscription, eventId: item.event.id, reason },
        'event dead-lettered',
      );
    } else {
      item.lastError = result.error;
      item.nextAttemptAt = Date.now() + this.backoffMs(item.attempts);
      this.record(item, destination, 'retrying', result.statusCode, result.error);
    }
    await this.store.save();
  }

  private backoffMs(attemptsMade: number): number {
    const { initialDelayMs, maxDelayMs } = this.options.retry;
    return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, attemptsMade - 1));
  }

  private record(
    item: PendingDelivery,
    destination: string,
    outcome: DeliveryOutcome,
    statusCode?: number,
    error?: string,
  ): void {
    this.log.push({
      deliveryId: item.deliveryId,
      subscription: item.subscription,
      destination,
      eventId: item.event.id,
      eventType: item.event.type,
      subject: item.event.subject,
      attempt: item.attempts,
      outcome,
      ...(statusCode !== undefined ? { statusCode } : {}),
      ...(error !== undefined ? { error } : {}),
      at: new Date().toISOString(),
    });
    if (this.log.length > DELIVERY_LOG_LIMIT) this.log.splice(0, this.log.length - DELIVERY_LOG_LIMIT);
    if (outcome !== 'delivered') return;
    this.options.logger.info(
      { subscription: item.subscription, eventId: item.event.id, destination },
      'event delivered',
    );
  }
}
