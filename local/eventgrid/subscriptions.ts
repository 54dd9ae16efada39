import type { CloudEventRecord, LocalSubscription } from './types';

const SUBSCRIPTION_NAME = /^[A-Za-z0-9-]{3,64}$/;

/** Fails fast at start-up on a misconfigured subscription rather than at first delivery. */
export function validateSubscriptions(subscriptions: LocalSubscription[]): void {
  const seen = new Set<string>();
  for (const subscription of subscriptions) {
    if (!SUBSCRIPTION_NAME.test(subscription.name)) {
      throw new Error(
        `event subscription name must be 3-64 letters, digits or hyphens: ${JSON.stringify(subscription.name)}`,
      );
    }
    const key = subscription.name.toLowerCase();
    if (seen.has(key)) throw new Error(`duplicate event subscription name: ${subscription.name}`);
    seen.add(key);
    const destination = subscription.destination;
    if (destination.kind === 'webhook') {
      const url = new URL(destination.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`event subscription ${subscription.name}: webhook url must be http(s)`);
      }
    } else if (destination.kind !== 'function') {
      throw new Error(`event subscription ${subscription.name}: unknown destination kind`);
    }
  }
}

export function subscriptionMatches(subscription: LocalSubscription, event: CloudEventRecord): boolean {
  if (subscription.eventTypes && subscription.eventTypes.length > 0) {
    const type = event.type.toLowerCase();
    if (!subscription.eventTypes.some((candidate) => candidate.toLowerCase() === type)) return false;
  }
  if (subscription.subjectBeginsWith) {
    const subject = (event.subject ?? '').toLowerCase();
    if (!subject.startsWith(subscription.subjectBeginsWith.toLowerCase())) return false;
  }
  return true;
}

export function describeDestination(subscription: LocalSubscription, targetFunction?: string): string {
  const destination = subscription.destination;
  if (destination.kind === 'webhook') return `webhook:${destination.url}`;
  return `function:${targetFunction ?? destination.functionName ?? '*'}`;
}
