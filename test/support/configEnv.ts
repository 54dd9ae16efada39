/**
 * The fewest settings `parseConfig` accepts in each mode, for tests that add the one setting they are about. Shared so
 * a setting the configuration comes to require is added here once.
 */
const required = {
  DURABLE_TASK_HUB_NAME: 'KhipuTest',
  COSMOS_ENDPOINT: 'https://cosmos.example.com',
  EVENTGRID_TOPIC_ENDPOINT: 'https://topic.example.com/api/events',
  AUTH_ISSUER: 'https://login.example.com/tenant/v2.0',
  AUTH_AUDIENCE: 'api://khipu',
};

/** Azure mode: managed identity, so endpoints only. */
export const azureConfigEnv = {
  ...required,
  KHIPU_MODE: 'azure',
  STORAGE_BLOB_ENDPOINT: 'https://storage.example.com',
};

/** Local mode: the emulators' connection string and keys. */
export const localConfigEnv = {
  ...required,
  KHIPU_MODE: 'local',
  STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  COSMOS_KEY: 'key',
  EVENTGRID_TOPIC_KEY: 'key',
};
