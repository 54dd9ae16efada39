import { app } from '@azure/functions';
import { getConfig } from '../adapters/config/config';
import { createLogger } from '../adapters/logging/logger';
import { startTelemetry } from '../adapters/logging/telemetry';
import { logUnhandledRejections } from '../adapters/logging/unhandledRejections';

// Fail fast at start-up, naming the missing or invalid setting, rather than on the first request.
const config = getConfig();
startTelemetry(config.APPLICATIONINSIGHTS_CONNECTION_STRING);
logUnhandledRejections(createLogger(config.LOG_LEVEL));
// Request bodies reach the app as streams: nothing buffers an upload before authentication has looked at it.
app.setup({ enableHttpStream: true });
