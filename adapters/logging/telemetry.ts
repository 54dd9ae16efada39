type AzureMonitor = typeof import('@azure/monitor-opentelemetry');

let started = false;

/** OpenTelemetry traces, metrics and logs to Application Insights when its connection setting is present. */
export function startTelemetry(connectionString: string | undefined): void {
  if (started || !connectionString) return;
  // Required only when configured: the exporter and the OpenTelemetry SDK it brings are about a fifth of the app's
  // load time (0.8 s of CPU at every start of the local host, which never exports). Synchronous, so in Azure it
  // still patches the HTTP modules before the app's other modules load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { useAzureMonitor } = require('@azure/monitor-opentelemetry') as AzureMonitor;
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
  started = true;
}
