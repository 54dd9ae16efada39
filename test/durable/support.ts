/** Shared set-up for the durable engine tests: Azurite on ephemeral ports, the local host with the engine. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startAzurite, type RunningAzurite } from '../../local/emulators/azurite';
import { startFunctionHost, type RunningFunctionHost } from '../../local/host/functionHost';
import { createDurableExtension } from '../../local/durable';
import { pollBackoff } from '../support/polling';

export const FIXTURE_APP = path.join(__dirname, 'fixtures', 'app.ts');
export const FIXTURE_HOST_JSON = path.join(__dirname, 'fixtures', 'host.json');
/** Response JSON is `any` on purpose: tests assert on it field by field, as a caller of the REST API would. */
export type Json = any;

export const TERMINAL = ['Completed', 'Failed', 'Terminated'];

export interface DurableTestEnv {
  azurite: RunningAzurite;
  host: RunningFunctionHost;
  logs: object[];
  tempDir: string;
  stop(): Promise<void>;
}

export async function startAzuriteInTemp(): Promise<{ azurite: RunningAzurite; tempDir: string }> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-test-'));
  try {
    return { azurite: await startAzurite({ location: tempDir }), tempDir };
  } catch (error) {
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
}

/** `pollIntervalMs`: how often the engine's loops look for work no kick announced (100 ms unless a test needs more). */
export async function startDurableTestEnv(taskHubName: string, pollIntervalMs = 100): Promise<DurableTestEnv> {
  const { azurite, tempDir } = await startAzuriteInTemp();
  const logs: object[] = [];
  const logger = (line: object) => logs.push(line);
  const host = await startFunctionHostOrCleanUp(azurite, tempDir, {
    appEntry: FIXTURE_APP,
    hostJsonPath: FIXTURE_HOST_JSON,
    port: 0,
    logger,
    extensions: [
      createDurableExtension({
        storageConnectionString: azurite.connectionString,
        taskHubName,
        logger,
        pollIntervalMs,
      }),
    ],
  });
  return {
    azurite,
    host,
    logs,
    tempDir,
    async stop() {
      await host.stop();
      await azurite.stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

async function startFunctionHostOrCleanUp(
  azurite: RunningAzurite,
  tempDir: string,
  options: Parameters<typeof startFunctionHost>[0],
) {
  try {
    return await startFunctionHost(options);
  } catch (error) {
    await azurite.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
}

export async function request(method: string, url: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Json = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* keep the text */
  }
  return { status: response.status, body: parsed };
}

export async function startOrchestration(
  baseUrl: string,
  name: string,
  input?: unknown,
  instanceId?: string,
): Promise<string> {
  const query = instanceId ? `?instanceId=${encodeURIComponent(instanceId)}` : '';
  const response = await request('POST', `${baseUrl}/api/start/${name}${query}`, input);
  if (response.status !== 202)
    throw new Error(`start ${name} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

export async function getStatus(baseUrl: string, instanceId: string, history = false): Promise<Json> {
  const response = await request(
    'GET',
    `${baseUrl}/api/status/${encodeURIComponent(instanceId)}${history ? '?history=true' : ''}`,
  );
  return response.status === 200 ? response.body : undefined;
}

/** Polls until `predicate` holds for the status (bounded: fails after `timeoutMs`). */
export async function waitForStatus(
  baseUrl: string,
  instanceId: string,
  predicate: (status: Json) => boolean,
  timeoutMs = 60_000,
): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  const pause = pollBackoff(100);
  while (Date.now() < deadline) {
    last = await getStatus(baseUrl, instanceId).catch(() => undefined);
    if (last && predicate(last)) return last;
    await pause();
  }
  throw new Error(`instance ${instanceId} did not reach the expected state; last status: ${JSON.stringify(last)}`);
}

export const waitForTerminal = (baseUrl: string, instanceId: string, timeoutMs?: number) =>
  waitForStatus(baseUrl, instanceId, (s) => TERMINAL.includes(s.runtimeStatus), timeoutMs);
