import { app } from '@azure/functions';
import { services } from '../adapters/compositionRoot';
import { parseInboundEvent } from '../core/webhooks/webhookEvent';

/**
 * The Event Grid–triggered dispatcher (the only Event Grid trigger: azure.yaml's postdeploy hook subscribes it to the
 * topic, the local emulator's `dispatcher` subscription invokes it). It makes the first attempt at once; failures
 * are retried by the sweeper below on the backoff schedule of core/webhooks/retryPolicy.ts.
 */
app.eventGrid('webhookDispatcher', {
  handler: async (raw: unknown, context) => {
    const { webhookDispatcher, clock, logger } = services();
    const parsed = parseInboundEvent(raw, clock.now());
    if (!parsed.ok) {
      // Not retryable: a malformed event stays malformed. Logged, then acknowledged.
      logger.warn('webhook dispatcher ignored an event', { reason: parsed.reason, invocationId: context.invocationId });
      return;
    }
    // Throws only when bookkeeping fails (Cosmos unreachable): Event Grid redelivers, and deliveries dedupe by id.
    const summary = await webhookDispatcher.dispatch(parsed.event);
    logger.info('webhook dispatch', {
      tenantId: parsed.event.tenantId,
      eventId: parsed.event.id,
      eventType: parsed.event.type,
      ...summary,
    });
  },
});

/**
 * Every minute: attempts deliveries whose retry is due, tenant by tenant. A timer (not a durable timer per delivery)
 * keeps the retry queue in the delivery documents, where the delivery log already is, and works the same in Azure and
 * locally, where `POST /admin/functions/webhookRetrySweeper` runs it on demand.
 */
app.timer('webhookRetrySweeper', {
  schedule: '0 */1 * * * *',
  handler: async (_timer, context) => {
    const { tenants, webhookDispatcher, logger } = services();
    let attempted = 0;
    for await (const tenantId of tenants.allTenantIds()) {
      try {
        attempted += (await webhookDispatcher.sweep(tenantId)).attempted;
      } catch (error) {
        // One tenant's trouble must not stall everyone else's retries.
        logger.error('webhook sweep failed', { tenantId, error: String(error), operation: context.functionName });
      }
    }
    if (attempted > 0) logger.info('webhook sweep', { operation: context.functionName, attempted });
  },
});
