import { AzureKeyCredential, EventGridPublisherClient, type SendCloudEventInput } from '@azure/eventgrid';
import type { TokenCredential } from '@azure/identity';
import type { DomainEvent, EventPublisher } from '../../core/ports/events';

/**
 * Publishes domain events as CloudEvents to an Event Grid topic (or the local emulator, which speaks the same
 * protocol). Local: `AzureKeyCredential` with the emulator's key. Azure: a TokenCredential (managed identity; the
 * identity needs "EventGrid Data Sender" on the topic) and no key anywhere.
 */

/** Event Grid refuses requests over 1 MB (1,048,576 bytes); stay below with room for headers the pipeline adds. */
export const MAX_REQUEST_BYTES = 1_000_000;
/** The tracing policy may add `traceparent`/`tracestate` to every event after we measured it. */
const PER_EVENT_ALLOWANCE_BYTES = 512;

export interface EventGridPublisherOptions {
  /** Topic endpoint, e.g. `https://my-topic.westeurope-1.eventgrid.azure.net/api/events`. */
  endpoint: string;
  /** A key (local emulator) or a TokenCredential such as DefaultAzureCredential/ManagedIdentityCredential. */
  credential: AzureKeyCredential | TokenCredential;
  maxRequestBytes?: number;
}

export class EventGridEventPublisher implements EventPublisher {
  private readonly client: EventGridPublisherClient<'CloudEvent'>;
  private readonly maxRequestBytes: number;

  constructor(options: EventGridPublisherOptions) {
    this.client = new EventGridPublisherClient(options.endpoint, 'CloudEvent', options.credential, {
      allowInsecureConnection: isLoopbackHttp(options.endpoint),
    });
    this.maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  }

  async publish(events: DomainEvent[]): Promise<void> {
    // Sequential: batches are few, and a failure should stop before later batches (the caller retries all; ids dedupe).
    for (const batch of splitIntoBatches(events, this.maxRequestBytes)) {
      await this.client.send(batch.map(toCloudEvent));
    }
  }
}

/**
 * The SDK refuses plain http unless told otherwise. Only the local emulator is reached over http, and only on this
 * machine, so that is the one case allowed: an http endpoint anywhere else still fails.
 */
export function isLoopbackHttp(endpoint: string): boolean {
  const url = new URL(endpoint);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function createKeyCredential(key: string): AzureKeyCredential {
  return new AzureKeyCredential(key);
}

export function toCloudEvent(event: DomainEvent): SendCloudEventInput<object> {
  return {
    id: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: new Date(event.time),
    datacontenttype: 'application/json',
    data: event.data,
  };
}

/** Size of the event as the client will serialize it (structured-mode CloudEvent JSON). */
export function wireSizeOf(event: DomainEvent): number {
  const wire = {
    specversion: '1.0',
    type: event.type,
    source: event.source,
    id: event.id,
    time: new Date(event.time).toISOString(),
    subject: event.subject,
    datacontenttype: 'application/json',
    data: event.data,
  };
  return Buffer.byteLength(JSON.stringify(wire), 'utf8') + PER_EVENT_ALLOWANCE_BYTES;
}

/** Greedy packing in publish order; an event that alone exceeds the limit can never be sent, so it fails loudly. */
export function splitIntoBatches(events: DomainEvent[], maxRequestBytes = MAX_REQUEST_BYTES): DomainEvent[][] {
  const batches: DomainEvent[][] = [];
  let current: DomainEvent[] = [];
  let currentBytes = 2; // `[` and `]`
  for (const event of events) {
    const size = wireSizeOf(event);
    if (size + 2 > maxRequestBytes) {
      throw new RangeError(
        `event ${event.id} (${event.type}) is ${size} bytes, over the ${maxRequestBytes}-byte limit`,
      );
    }
    const separator = current.length > 0 ? 1 : 0;
    if (currentBytes + separator + size > maxRequestBytes) {
      batches.push(current);
      current = [];
      currentBytes = 2;
    }
    currentBytes += (current.length > 0 ? 1 : 0) + size;
    current.push(event);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
