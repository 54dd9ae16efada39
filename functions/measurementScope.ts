/**
 * Measurement plumbing for every function of the app: each activity runs in the scope of the tenant its input names
 * (every activity input carries the job's `tenantId`), so the TTS and analysis calls it makes are attributed; and
 * whatever the process measured but has not stored yet is flushed when the host shuts down. HTTP requests get
 * their scope in the request pipeline (http/endpoint.ts), once the caller is authenticated.
 */
import { app } from '@azure/functions';
import { Id } from '../core/api/common';
import { flushBuiltMetrics } from '../adapters/metrics/platformMetrics';
import { runForTenant } from '../adapters/metrics/tenantScope';

function tenantOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !('tenantId' in input)) return undefined;
  const parsed = Id.safeParse(input.tenantId);
  return parsed.success ? parsed.data : undefined;
}

app.hook.preInvocation((context) => {
  if (context.invocationContext.options.trigger.type !== 'activityTrigger') return;
  const tenantId = tenantOf(context.inputs[0]);
  if (tenantId === undefined) return;
  const handler = context.functionHandler;
  context.functionHandler = (input, invocation) => runForTenant(tenantId, () => handler(input, invocation));
});

app.hook.appTerminate(() => flushBuiltMetrics());
