import { CosmosClient } from '@azure/cosmos';

/**
 * A Cosmos client for the local emulator (or a proxy in front of it): it answers on the one address it was started
 * at, so the SDK must not go looking for the regional endpoints a real account advertises.
 */
export function emulatorClient(emulator: { endpoint: string; key: string }): CosmosClient {
  return new CosmosClient({
    endpoint: emulator.endpoint,
    key: emulator.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}
