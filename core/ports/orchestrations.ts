/**
 * Starting and steering durable orchestrations from a trigger. Implemented over the durable-functions client
 * (`df.getClient`) in functions/http; the durable status and management URLs stay server-side.
 */
export interface OrchestrationClient {
  /** Starts `name` with `instanceId` (the job id). Starting an id that already runs is a no-op. */
  start(name: string, instanceId: string, input: unknown): Promise<void>;
  raiseEvent(instanceId: string, eventName: string, data: unknown): Promise<void>;
  terminate(instanceId: string, reason: string): Promise<void>;
  /** Durable runtime status (`Running`, `Completed`, `Failed`, ...) or undefined when there is no such instance. */
  runtimeStatus(instanceId: string): Promise<string | undefined>;
}
