import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_NAMES, SPAN_NAMES } from '../../adapters/metrics/openTelemetryMetrics';
import { literalValue, propertyAt, resourcesOfType, rootIdentifiers, textOf } from './bicepQueries';
import { bicepRoot, files, main, single } from './bicepFixtures';

/**
 * The operations dashboard and alerts: the workbook is deployed from main.bicep against the platform's Application
 * Insights, its queries name only metrics and spans the app emits (and every metric it emits is on it), every
 * figure can be narrowed to one tenant, and the alerts cover error rate, p95 latency, failed jobs and TTS
 * throttling through the action group.
 */

const modules = (fileName: string) => files.get(join(bicepRoot, 'modules', fileName))!;
const workbookJson = JSON.parse(readFileSync(join(bicepRoot, 'modules', 'workbook.json'), 'utf8')) as {
  version: string;
  items: { type: number; name: string; content: Record<string, unknown> & { query?: string } }[];
  fallbackResourceIds: string[];
};
const queryItems = workbookJson.items.filter((item) => item.type === 3);
const emitted = new Set<string>([...Object.values(METRIC_NAMES), ...Object.values(SPAN_NAMES)]);
/** Names in KQL that look like the app's metrics or spans. */
const namesIn = (kql: string) =>
  [...kql.matchAll(/'(khipu\.[a-z_.]+)'|"(khipu\.[a-z_.]+)"/g)].map((m) => m[1] ?? m[2]!);

describe('the operations workbook', () => {
  const workbookModule = modules('workbook.bicep');
  const workbook = single(resourcesOfType(workbookModule, 'Microsoft.Insights/workbooks'), 'workbook');

  test('is deployed from main.bicep against the platform’s Application Insights', () => {
    const declaration = single(
      main.modules.filter((m) => m.path === 'modules/workbook.bicep'),
      'workbook module',
    );
    const passed = textOf(main, propertyAt(main, declaration.body, 'params.applicationInsightsName')!);
    expect(passed).toBe('monitoring.outputs.applicationInsightsName');
    const sourceId = propertyAt(workbookModule, workbook.body, 'properties.sourceId')!;
    expect(rootIdentifiers(sourceId)).toEqual(['applicationInsights']);
    const serialized = textOf(workbookModule, propertyAt(workbookModule, workbook.body, 'properties.serializedData')!);
    expect(serialized).toMatch(/loadTextContent\('workbook\.json'\)/);
    expect(serialized).toContain(workbookJson.fallbackResourceIds[0]);
    expect(literalValue(workbookModule, propertyAt(workbookModule, workbook.body, 'kind'))).toBe('shared');
    expect(workbookJson.version).toBe('Notebook/1.0');
  });

  test('names only metrics and spans the app emits, and shows every counter and span it emits', () => {
    const used = new Set(queryItems.flatMap((item) => namesIn(item.content.query ?? '')));
    expect([...used].filter((name) => !emitted.has(name))).toEqual([]);
    // Latency histograms are read through their spans (Application Insights keeps no histogram buckets).
    const latencyHistograms = new Set<string>([
      METRIC_NAMES.ttsDuration,
      METRIC_NAMES.llmDuration,
      METRIC_NAMES.httpDuration,
    ]);
    const expected = [...emitted].filter((name) => !latencyHistograms.has(name));
    expect(expected.filter((name) => !used.has(name))).toEqual([]);
  });

  test('every query follows the time range and can be narrowed to one tenant (All by default)', () => {
    expect(queryItems.length).toBeGreaterThanOrEqual(10);
    for (const item of queryItems) {
      expect([item.name, item.content.timeContextFromParameter]).toEqual([item.name, 'TimeRange']);
      expect([item.name, item.content.query]).toEqual([item.name, expect.stringContaining("'{Tenant}' == '*'")]);
    }
    const parameters = workbookJson.items.find((item) => item.type === 9)!.content.parameters as {
      name: string;
      query?: string;
      value: unknown;
    }[];
    const tenant = parameters.find((p) => p.name === 'Tenant')!;
    expect(tenant.value).toBe('*');
    expect(tenant.query).toMatch(/customDimensions\.tenant_id/);
    expect(parameters.map((p) => p.name)).toContain('TimeRange');
  });

  test('groups by tenant and closed sets, never by a person', () => {
    for (const item of queryItems) {
      expect([item.name, item.content.query]).not.toEqual([
        item.name,
        expect.stringMatching(/user_Id|user_id|userId|email|displayName/i),
      ]);
    }
  });
});

describe('alerts', () => {
  const alerts = modules('alerts.bicep');
  const definitionsText = textOf(alerts, alerts.vars.get('alertDefinitions')!);

  test('cover error rate, p95 latency, failed jobs and TTS throttling', () => {
    expect(definitionsText).toMatch(/resultCode\) >= 500/);
    expect(definitionsText).toMatch(
      /name == "khipu\.http\.request" \| summarize p95LatencyMs = percentile\(duration, 95\)/,
    );
    expect(definitionsText).toMatch(
      /name == "khipu\.jobs\.completed" and tostring\(customDimensions\.outcome\) == "failed"/,
    );
    expect(definitionsText).toMatch(
      /name == "khipu\.tts\.requests" and tostring\(customDimensions\.outcome\) == "throttled"/,
    );
    expect(namesIn(definitionsText).filter((name) => !emitted.has(name))).toEqual([]);
    // The custom event the old failed-job alert waited for was never sent.
    expect(alerts.source).not.toMatch(/JobFailed/);
  });

  test('notify the action group, and every threshold is a parameter', () => {
    const rules = single(resourcesOfType(alerts, 'Microsoft.Insights/scheduledQueryRules'), 'alert rules');
    expect(textOf(alerts, propertyAt(alerts, rules.body, 'properties.actions.actionGroups')!)).toBe('actionGroupIds');
    expect(alerts.source).toMatch(/var actionGroupIds = empty\(alertEmail\) \? \[\] : \[actionGroup\.id\]/);
    for (const param of ['serverErrorRatePercent', 'apiP95LatencyMs', 'failedJobThreshold', 'ttsThrottledThreshold']) {
      expect(alerts.params.map((p) => p.name)).toContain(param);
    }
    const declaration = single(
      main.modules.filter((m) => m.path === 'modules/alerts.bicep'),
      'alerts module',
    );
    expect(literalValue(main, propertyAt(main, declaration.body, 'params.alertEmail'))).toBeUndefined();
    expect(textOf(main, propertyAt(main, declaration.body, 'params.alertEmail')!)).toBe('alertEmail');
  });
});
