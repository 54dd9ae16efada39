import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allConfigKeys, parseConfig, requiredKeysByMode } from '../../adapters/config/config';
import { literalString } from './bicepReader';
import { literalValue, propertyAt, resourcesOfType, textOf } from './bicepQueries';
import {
  appSettingKeys,
  appSettings,
  functionAppModule,
  repoRoot,
  sampleEnvironment,
  single,
  site,
} from './bicepFixtures';

/** The Function App's settings against the app's config schema (adapters/config/config.ts), and its hosting. */

describe('Function App settings follow the config schema', () => {
  const hostSettings = [
    /^AzureWebJobsStorage__/,
    /^AzureFunctionsJobHost__/,
    /^APPLICATIONINSIGHTS_AUTHENTICATION_STRING$/,
    /^DURABLE_TASK_SCHEDULER_CONNECTION_STRING$/,
  ];
  /** Optional settings deliberately left at the schema's default in Azure. */
  const leftAtDefault = [
    'FFMPEG_PATH',
    'FFPROBE_PATH',
    'MAX_UPLOAD_BYTES',
    'MAX_JSON_BODY_BYTES',
    'RATE_LIMIT_PER_MINUTE',
    'SEGMENT_CACHE_MAX_BYTES',
    'LOG_LEVEL',
    'OPENAI_TEMPERATURE',
  ];
  /** Local-only switches the azure schema ignores rather than rejects. */
  const localSwitches = ['WEBHOOK_ALLOW_LOOPBACK'];
  const rejectedInAzure = allConfigKeys.filter((key) => {
    try {
      parseConfig({ ...sampleEnvironment(), [key]: 'x' });
      return false;
    } catch (error) {
      return String(error).includes(`${key}: must not be set`);
    }
  });

  test("the sample environment built from the settings passes the app's own config parser", () => {
    expect(() => parseConfig(sampleEnvironment())).not.toThrow();
  });

  test('every key the azure schema requires is set', () => {
    expect(requiredKeysByMode.azure.filter((key) => !appSettingKeys.has(key))).toEqual([]);
  });

  test('every other key the app reads in azure is set, unless deliberately left at its default', () => {
    expect(rejectedInAzure.length).toBeGreaterThan(0);
    for (const key of [...leftAtDefault, ...localSwitches]) expect(allConfigKeys).toContain(key);
    const expected = allConfigKeys.filter((k) => ![...rejectedInAzure, ...leftAtDefault, ...localSwitches].includes(k));
    expect(expected.filter((key) => !appSettingKeys.has(key))).toEqual([]);
  });

  test("nothing else is set: only config keys and the host's identity-based connections", () => {
    const unknown = [...appSettingKeys].filter(
      (key) => !allConfigKeys.includes(key) && !hostSettings.some((p) => p.test(key)),
    );
    expect(unknown).toEqual([]);
    expect([...appSettingKeys].filter((key) => rejectedInAzure.includes(key) || localSwitches.includes(key))).toEqual(
      [],
    );
  });

  test('host storage connection is identity-based and no value carries a key', () => {
    const value = (key: string) => appSettings.find((s) => s.key === key)?.value;
    expect(literalString(value('AzureWebJobsStorage__credential'))).toBe('managedidentity');
    for (const key of [
      'AzureWebJobsStorage__clientId',
      'AzureWebJobsStorage__blobServiceUri',
      'AzureWebJobsStorage__queueServiceUri',
      'AzureWebJobsStorage__tableServiceUri',
    ]) {
      expect(appSettingKeys).toContain(key);
    }
    expect(literalString(value('KHIPU_MODE'))).toBe('azure');
    for (const setting of appSettings) {
      expect(`${setting.key}=${textOf(functionAppModule, setting.value)}`).not.toMatch(
        /AccountKey=|SharedAccessSignature|SharedAccessKey|listKeys|listConnectionStrings|primaryKey|masterKey|sig=/i,
      );
    }
  });

  test('the Durable Task Scheduler backend connects with the managed identity', () => {
    const dts = appSettings.find((s) => s.key === 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING');
    expect(dts?.conditional).toBe(true);
    expect(textOf(functionAppModule, dts!.value)).toMatch(
      /^'Endpoint=\$\{\w+\};Authentication=ManagedIdentity;ClientID=\$\{identityClientId\}'$/,
    );
    const hostJson = JSON.parse(readFileSync(join(repoRoot, 'host.json'), 'utf8'));
    expect(hostJson.extensions.durableTask.hubName).toBe('%DURABLE_TASK_HUB_NAME%');
  });

  test('every key the local schema requires is in local.settings.sample.json', () => {
    const samplePath = join(repoRoot, 'local.settings.sample.json');
    expect(existsSync(samplePath)).toBe(true);
    const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
    expect(requiredKeysByMode.local.filter((key) => !(key in (sample.Values ?? {})))).toEqual([]);
  });
});

describe('Function App hosting', () => {
  test('Flex Consumption, Linux, Node 22, deployment storage through the user-assigned identity', () => {
    const plan = single(resourcesOfType(functionAppModule, 'Microsoft.Web/serverfarms'), 'plan');
    expect(literalValue(functionAppModule, propertyAt(functionAppModule, plan.body, 'sku'))).toEqual({
      name: 'FC1',
      tier: 'FlexConsumption',
    });
    expect(literalString(propertyAt(functionAppModule, site.body, 'kind'))).toBe('functionapp,linux');
    const config = (path: string) =>
      literalValue(functionAppModule, propertyAt(functionAppModule, site.body, `properties.functionAppConfig.${path}`));
    expect(config('runtime')).toEqual({ name: 'node', version: '22' });
    expect(config('deployment.storage.authentication.type')).toBe('UserAssignedIdentity');
    expect(propertyAt(functionAppModule, site.body, 'properties.functionAppConfig.scaleAndConcurrency')).toBeDefined();
    expect(literalString(propertyAt(functionAppModule, site.body, 'identity.type'))).toBe('UserAssigned');
  });
});
