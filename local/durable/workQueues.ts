/**
 * The durable work queues, kept in Azure Tables: the inbox of messages for orchestration instances (new events,
 * starts, terminations, and timers as messages that become visible at their fire time) and the activity queue,
 * whose items are leased with ETag-checked updates so a crashed worker's items come back after the lease ends.
 */
import type { TableEntityResult } from '@azure/data-tables';
import type { HistoryEvent } from './history';
import type { ParentReference } from './instanceStore';
import { HubStorage, deleteBody, encodeKey, loadBody, statusOf, storeBody, timeKey } from './storage';

export type InboxMessage =
  | {
      id: string;
      instanceId: string;
      kind: 'start';
      executionId: string;
      name: string;
      input: string | null;
      parent?: ParentReference;
    }
  | { id: string; instanceId: string; kind: 'event'; executionId?: string; event: HistoryEvent }
  | { id: string; instanceId: string; kind: 'terminate'; reason: string };

export interface ActivityWorkItem {
  instanceId: string;
  executionId: string;
  taskScheduledId: number;
  name: string;
  input: string | null;
}

interface QueueEntity {
  partitionKey: string;
  rowKey: string;
  visibleAt: string;
  body?: string;
  bodyBlob?: string;
}

export interface Delivered<T> {
  value: T;
  entity: TableEntityResult<QueueEntity>;
}

export class Inbox {
  constructor(private readonly storage: HubStorage) {}

  /** Idempotent: a message id already in the inbox is left as it is. */
  async post(message: InboxMessage, visibleAtMs = 0): Promise<void> {
    const entity: QueueEntity = {
      partitionKey: encodeKey(message.instanceId),
      rowKey: encodeKey(message.id),
      visibleAt: timeKey(visibleAtMs),
      ...(await storeBody(this.storage, JSON.stringify(message))),
    };
    await createUnlessExists(this.storage.inbox, entity);
  }

  /** Messages visible at `nowMs`, oldest first, grouped by instance. */
  async due(nowMs: number, limit: number): Promise<Map<string, Delivered<InboxMessage>[]>> {
    const byInstance = new Map<string, Delivered<InboxMessage>[]>();
    const entities = this.storage.inbox.listEntities<QueueEntity>({
      queryOptions: { filter: `visibleAt le '${timeKey(nowMs)}'` },
    });
    let count = 0;
    for await (const entity of entities) {
      const message = JSON.parse(await loadBody(this.storage, entity)) as InboxMessage;
      const list = byInstance.get(message.instanceId) ?? [];
      list.push({ value: message, entity });
      byInstance.set(message.instanceId, list);
      if (++count >= limit) break;
    }
    for (const list of byInstance.values()) list.sort((a, b) => a.entity.visibleAt.localeCompare(b.entity.visibleAt));
    return byInstance;
  }

  /** Earliest visibility time among messages not yet visible, if any (lets the dispatcher sleep until then). */
  async nextVisibleAt(nowMs: number): Promise<number | undefined> {
    let earliest: number | undefined;
    const entities = this.storage.inbox.listEntities<QueueEntity>({
      queryOptions: { filter: `visibleAt gt '${timeKey(nowMs)}'`, select: ['visibleAt'] },
    });
    for await (const entity of entities) {
      const at = Number(entity.visibleAt);
      if (earliest === undefined || at < earliest) earliest = at;
    }
    return earliest;
  }

  async remove(delivered: Delivered<InboxMessage>): Promise<void> {
    await deleteEntity(this.storage, delivered.entity.partitionKey, delivered.entity.rowKey, 'inbox');
    await deleteBody(this.storage, delivered.entity);
  }

  async removeById(instanceId: string, messageId: string): Promise<void> {
    await deleteEntity(this.storage, encodeKey(instanceId), encodeKey(messageId), 'inbox');
  }
}

export class ActivityQueue {
  constructor(
    private readonly storage: HubStorage,
    private readonly leaseMs: number,
  ) {}

  static keyOf(item: Pick<ActivityWorkItem, 'instanceId' | 'executionId' | 'taskScheduledId'>): string {
    return encodeKey(`${item.instanceId}|${item.executionId}|${item.taskScheduledId}`);
  }

  /** Idempotent: the key is derived from the scheduling event, so re-enqueueing after a crash adds nothing. */
  async enqueue(item: ActivityWorkItem): Promise<void> {
    const entity: QueueEntity = {
      partitionKey: 'activity',
      rowKey: ActivityQueue.keyOf(item),
      visibleAt: timeKey(0),
      ...(await storeBody(this.storage, JSON.stringify(item))),
    };
    await createUnlessExists(this.storage.activities, entity);
  }

  /** Leases up to `limit` items whose lease has ended; an item another worker leased first is skipped. */
  async lease(nowMs: number, limit: number): Promise<Delivered<ActivityWorkItem>[]> {
    const leased: Delivered<ActivityWorkItem>[] = [];
    if (limit <= 0) return leased;
    const entities = this.storage.activities.listEntities<QueueEntity>({
      queryOptions: { filter: `PartitionKey eq 'activity' and visibleAt le '${timeKey(nowMs)}'` },
    });
    for await (const entity of entities) {
      const renewed = await this.extend(entity, nowMs);
      if (!renewed) continue;
      leased.push({ value: JSON.parse(await loadBody(this.storage, entity)) as ActivityWorkItem, entity: renewed });
      if (leased.length >= limit) break;
    }
    return leased;
  }

  /** Pushes the lease forward; undefined when another worker holds the item now. */
  async extend(
    entity: TableEntityResult<QueueEntity>,
    nowMs: number,
  ): Promise<TableEntityResult<QueueEntity> | undefined> {
    const update = {
      partitionKey: entity.partitionKey,
      rowKey: entity.rowKey,
      visibleAt: timeKey(nowMs + this.leaseMs),
    };
    try {
      const response = await this.storage.activities.updateEntity(update, 'Merge', { etag: entity.etag });
      return { ...entity, visibleAt: update.visibleAt, etag: response.etag ?? entity.etag };
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 404) return undefined;
      throw error;
    }
  }

  async complete(delivered: Delivered<ActivityWorkItem>): Promise<void> {
    await deleteEntity(this.storage, delivered.entity.partitionKey, delivered.entity.rowKey, 'activities');
    await deleteBody(this.storage, delivered.entity);
  }
}

async function createUnlessExists(table: HubStorage['inbox'], entity: QueueEntity): Promise<void> {
  try {
    await table.createEntity(entity);
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
}

async function deleteEntity(
  storage: HubStorage,
  partitionKey: string,
  rowKey: string,
  table: 'inbox' | 'activities',
): Promise<void> {
  try {
    await storage[table].deleteEntity(partitionKey, rowKey);
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}
