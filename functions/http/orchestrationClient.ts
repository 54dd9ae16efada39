import type { InvocationContext } from '@azure/functions';
import * as df from 'durable-functions';
import type { OrchestrationClient } from '../../core/ports/orchestrations';

/** The binding a trigger declares (in `extraInputs`) to get a durable client. */
export const durableClientInput = df.input.durableClient();

/** The OrchestrationClient port over the durable-functions client bound to this invocation. */
export function orchestrationClientFor(context: InvocationContext): OrchestrationClient {
  const client = df.getClient(context);
  return {
    async start(name, instanceId, input) {
      const existing = await runtimeStatusOf(client, instanceId);
      if (existing === 'Running' || existing === 'Pending') return;
      try {
        await client.startNew(name, { instanceId, input });
      } catch (error) {
        // Two requests that both found it absent start it at once: the host refuses the second (409), which then
        // finds the instance the first one started.
        const now = await runtimeStatusOf(client, instanceId);
        if (now !== undefined && now !== existing) return;
        throw error;
      }
    },
    raiseEvent: (instanceId, eventName, data) => client.raiseEvent(instanceId, eventName, data),
    terminate: (instanceId, reason) => client.terminate(instanceId, reason),
    runtimeStatus: (instanceId) => runtimeStatusOf(client, instanceId),
  };
}

async function runtimeStatusOf(client: df.DurableClient, instanceId: string): Promise<string | undefined> {
  try {
    const status = await client.getStatus(instanceId);
    return status?.runtimeStatus ? String(status.runtimeStatus) : undefined;
  } catch (error) {
    // The client answers an unknown instance with an HTTP 404 error rather than an empty status; any other failure
    // says nothing about the instance and is the caller's to handle (a job is never settled on an unreadable status).
    if (error instanceof Error && /HTTP 404 response/.test(error.message)) return undefined;
    throw error;
  }
}
