import { ConfigError, parseConfig, requiredKeysByMode } from './config';

const local = {
  KHIPU_MODE: 'local',
  DURABLE_TASK_HUB_NAME: 'KhipuLocal',
  STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  COSMOS_ENDPOINT: 'http://127.0.0.1:8081',
  COSMOS_KEY: 'k',
  EVENTGRID_TOPIC_ENDPOINT: 'http://127.0.0.1:7074/api/events',
  EVENTGRID_TOPIC_KEY: 'k',
  AUTH_ISSUER: 'http://127.0.0.1:7073',
  AUTH_AUDIENCE: 'api://khipu-local',
};

describe('config', () => {
  it('parses a local environment with defaults', () => {
    const config = parseConfig(local);
    expect(config).toMatchObject({ KHIPU_MODE: 'local', COSMOS_DATABASE: 'khipu', TTS_ENGINE: 'offline' });
  });
  it('takes a log level from the allowlist only', () => {
    expect(parseConfig(local).LOG_LEVEL).toBe('info');
    expect(parseConfig({ ...local, LOG_LEVEL: 'warn' }).LOG_LEVEL).toBe('warn');
    expect(() => parseConfig({ ...local, LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });
  it('shortens the character merge lease for local tests only', () => {
    expect(parseConfig({ ...local, CHARACTER_RETIREMENT_LEASE_MS: '1000' })).toMatchObject({
      CHARACTER_RETIREMENT_LEASE_MS: 1000,
    });
    expect(() =>
      parseConfig({
        ...local,
        KHIPU_MODE: 'azure',
        STORAGE_CONNECTION_STRING: undefined,
        COSMOS_KEY: undefined,
        EVENTGRID_TOPIC_KEY: undefined,
        STORAGE_BLOB_ENDPOINT: 'https://acct.blob.core.windows.net',
        CHARACTER_RETIREMENT_LEASE_MS: '1000',
      }),
    ).toThrow('CHARACTER_RETIREMENT_LEASE_MS: must not be set in azure mode (local testing only)');
  });
  it('fails fast naming the missing key', () => {
    expect(() => parseConfig({ ...local, AUTH_ISSUER: undefined })).toThrow(/AUTH_ISSUER/);
  });
  it('refuses keys in azure mode (keyless)', () => {
    const azure = {
      KHIPU_MODE: 'azure',
      DURABLE_TASK_HUB_NAME: 'KhipuProd',
      STORAGE_BLOB_ENDPOINT: 'https://acct.blob.core.windows.net',
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com',
      EVENTGRID_TOPIC_ENDPOINT: 'https://topic.eventgrid.azure.net/api/events',
      AUTH_ISSUER: 'https://issuer.example/v2.0',
      AUTH_AUDIENCE: 'api',
    };
    expect(parseConfig(azure).KHIPU_MODE).toBe('azure');
    let error: ConfigError | undefined;
    try {
      parseConfig({ ...azure, COSMOS_KEY: 'secret' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.issues.map((i) => i.key)).toContain('COSMOS_KEY');
  });
  it('requires Speech settings when TTS_ENGINE=azure', () => {
    expect(() => parseConfig({ ...local, TTS_ENGINE: 'azure' })).toThrow(/SPEECH_REGION/);
  });
  it('lists the keys each mode requires', () => {
    expect(requiredKeysByMode.azure).toEqual(expect.arrayContaining(['COSMOS_ENDPOINT', 'STORAGE_BLOB_ENDPOINT']));
    expect(requiredKeysByMode.azure).not.toContain('COSMOS_KEY');
  });
});
