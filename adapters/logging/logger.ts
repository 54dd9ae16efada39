import pino from 'pino';
import type { Logger } from '../../core/ports/system';

/** Structured JSON logs (one line per event) on stdout; Application Insights picks them up through OpenTelemetry. */
export function createLogger(
  level: string = 'info',
  destination?: pino.DestinationStream,
): Logger & { raw: pino.Logger } {
  const raw = pino({ level, base: { service: 'khipu-api' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  return {
    raw,
    info: (message, fields) => raw.info(fields ?? {}, message),
    warn: (message, fields) => raw.warn(fields ?? {}, message),
    error: (message, fields) => raw.error(fields ?? {}, message),
  };
}
