import { useAzureMonitor } from '@azure/monitor-opentelemetry';

let started = false;

/** OpenTelemetry traces, metrics and logs to Application Insights when its connection setting is present. */
export function startTelemetry(connectionString: string | undefined): void {
  if (started || !connectionString) return;
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
  started = true;
}
