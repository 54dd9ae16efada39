/**
 * The Azure Monitor exporter is loaded only when Application Insights is configured: the local host and the tests
 * never export, and loading it cost every platform start most of a second.
 */
const useAzureMonitor = jest.fn();
let exporterLoaded = false;
jest.mock('@azure/monitor-opentelemetry', () => {
  exporterLoaded = true;
  return { useAzureMonitor };
});

beforeEach(() => {
  jest.resetModules();
  exporterLoaded = false;
  useAzureMonitor.mockClear();
});

async function telemetry() {
  return import('./telemetry');
}

test('without a connection string the exporter is never loaded', async () => {
  const { startTelemetry } = await telemetry();
  startTelemetry(undefined);
  startTelemetry('');
  expect(exporterLoaded).toBe(false);
  expect(useAzureMonitor).not.toHaveBeenCalled();
});

test('with a connection string it starts once, with that connection string', async () => {
  const { startTelemetry } = await telemetry();
  const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000';
  startTelemetry(connectionString);
  startTelemetry(connectionString);
  expect(exporterLoaded).toBe(true);
  expect(useAzureMonitor).toHaveBeenCalledTimes(1);
  expect(useAzureMonitor).toHaveBeenCalledWith({ azureMonitorExporterOptions: { connectionString } });
});
