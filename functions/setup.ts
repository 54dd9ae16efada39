import { app } from '@azure/functions';
import { getConfig } from '../adapters/config/config';
import { startTelemetry } from '../adapters/logging/telemetry';

// Fail fast at start-up, naming the missing or invalid setting, rather than on the first request.
const config = getConfig();
startTelemetry(config.APPLICATIONINSIGHTS_CONNECTION_STRING);
app.setup({ enableHttpStream: false });
