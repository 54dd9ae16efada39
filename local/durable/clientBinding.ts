/**
 * The `durableClient` input binding value (OrchestrationClientInputData) and the management URLs, shaped like the
 * Durable Task extension's. DurableClient sends its calls to `rpcBaseUrl`; the other URLs are for HTTP callers.
 */
const INSTANCE_ID_PLACEHOLDER = 'INSTANCEID';

function apiBase(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/runtime/webhooks/durabletask`;
}

function query(taskHubName: string): string {
  return `taskHub=${encodeURIComponent(taskHubName)}&connection=Storage&code=`;
}

function managementUrls(baseUrl: string, taskHubName: string, id: string): Record<string, string> {
  const instance = `${apiBase(baseUrl)}/instances/${id}`;
  const q = query(taskHubName);
  return {
    id,
    statusQueryGetUri: `${instance}?${q}`,
    sendEventPostUri: `${instance}/raiseEvent/{eventName}?${q}`,
    terminatePostUri: `${instance}/terminate?reason={text}&${q}`,
    rewindPostUri: `${instance}/rewind?reason={text}&${q}`,
    purgeHistoryDeleteUri: `${instance}?${q}`,
    restartPostUri: `${instance}/restart?${q}`,
    suspendPostUri: `${instance}/suspend?reason={text}&${q}`,
    resumePostUri: `${instance}/resume?reason={text}&${q}`,
  };
}

export function durableClientInput(baseUrl: string, taskHubName: string): Record<string, unknown> {
  const base = apiBase(baseUrl);
  return {
    taskHubName,
    creationUrls: {
      createNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?code=`,
      waitOnNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}&code=`,
    },
    managementUrls: managementUrls(baseUrl, taskHubName, INSTANCE_ID_PLACEHOLDER),
    baseUrl: base,
    requiredQueryStringParameters: query(taskHubName),
    rpcBaseUrl: `${base}/`,
    httpBaseUrl: base,
    maxGrpcMessageSizeInBytes: 0,
    grpcHttpClientTimeout: '00:01:40',
  };
}

/** What createCheckStatusResponse returns, for one instance. */
export function managementPayload(baseUrl: string, taskHubName: string, instanceId: string): Record<string, string> {
  return managementUrls(baseUrl, taskHubName, encodeURIComponent(instanceId));
}
