/** Shapes shared by the Event Grid emulator's modules. */

export type SubscriptionDestination =
  /** Invokes the app's `eventGridTrigger` function(s) through the local Functions host; all of them if no name. */
  | { kind: 'function'; functionName?: string }
  /** CloudEvents webhook: OPTIONS abuse-protection handshake, then one structured-mode POST per event. */
  | { kind: 'webhook'; url: string };

export interface LocalSubscription {
  /** 3-64 letters, digits and hyphens, as in Azure; also names the dead-letter file. */
  name: string;
  /** Exact, case-insensitive match on `type`, like Event Grid's `includedEventTypes`. All types when absent. */
  eventTypes?: string[];
  /** Case-insensitive prefix match on `subject`, like Event Grid's `subjectBeginsWith`. */
  subjectBeginsWith?: string;
  destination: SubscriptionDestination;
}

/** A CloudEvents 1.0 event in structured JSON form, exactly as the publisher sent it. */
export interface CloudEventRecord {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time?: string;
  datacontenttype?: string;
  dataschema?: string;
  data?: unknown;
  data_base64?: string;
  [extensionAttribute: string]: unknown;
}

export interface RetryPolicy {
  /** Total delivery attempts per event and subscription before dead-lettering (Azure's default is 30). */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export type DeliveryOutcome = 'delivered' | 'retrying' | 'dead-lettered';

export interface DeliveryRecord {
  deliveryId: string;
  subscription: string;
  /** `webhook:<url>` or `function:<name>`. */
  destination: string;
  eventId: string;
  eventType: string;
  subject: string | undefined;
  attempt: number;
  outcome: DeliveryOutcome;
  statusCode?: number;
  error?: string;
  at: string;
}

export interface DeadLetterRecord {
  subscription: string;
  destination: string;
  reason: string;
  attempts: number;
  deadLetteredAt: string;
  event: CloudEventRecord;
}

/** pino-compatible (`logger.info({ fields }, 'message')`), so the platform's pino logger can be passed as is. */
export interface EmulatorLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: EmulatorLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
