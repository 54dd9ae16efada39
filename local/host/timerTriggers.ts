/**
 * Timer triggers for the local host: each `timerTrigger` function runs on its NCRONTAB schedule (six fields, with
 * seconds, in UTC like the Functions host), and `POST /admin/functions/{name}` runs one now, as Core Tools allows. The payload is the one the real host sends, so the programming model builds its own Timer.
 */
import { CronExpressionParser } from 'cron-parser';
import type * as http from 'node:http';
import type { HostApi, HostExtension, RegisteredFunction } from './types';

const ADMIN_PATH = /^\/admin\/functions\/([A-Za-z0-9_-]{1,128})\/?$/;
/** setTimeout cannot wait longer than about 24.8 days; longer waits are taken in steps. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface TimerExtensionOptions {
  /** Settings for `%NAME%` schedule expressions (the app's environment). */
  settings: Record<string, string | undefined>;
  logger?: (line: object) => void;
}

function timerPayload(isPastDue: boolean): { json: string } {
  return { json: JSON.stringify({ Schedule: { AdjustForDST: true }, ScheduleStatus: null, IsPastDue: isPastDue }) };
}

export function resolveSchedule(expression: string, settings: Record<string, string | undefined>): string {
  const match = /^%([A-Za-z0-9_]+)%$/.exec(expression.trim());
  if (!match) return expression;
  const value = settings[match[1]];
  if (!value) throw new Error(`Timer schedule setting ${match[1]} is not set`);
  return value;
}

export function createTimerExtension(options: TimerExtensionOptions): HostExtension {
  const log = options.logger ?? (() => undefined);
  const timers = new Set<NodeJS.Timeout>();
  let host: HostApi | undefined;
  let stopped = false;

  const run = async (fn: RegisteredFunction, isPastDue: boolean) => {
    try {
      await host!.invoke(fn.name, { trigger: timerPayload(isPastDue) });
    } catch (error) {
      log({ type: 'timer', level: 'error', function: fn.name, message: String(error) });
    }
  };

  const scheduleNext = (fn: RegisteredFunction, schedule: string) => {
    if (stopped) return;
    const next = CronExpressionParser.parse(schedule, { tz: 'UTC' }).next().getTime();
    const wait = (remaining: number) => {
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          const left = next - Date.now();
          if (left > 0) return wait(left);
          void run(fn, false).finally(() => scheduleNext(fn, schedule));
        },
        Math.min(remaining, MAX_TIMEOUT_MS),
      );
      timer.unref();
      timers.add(timer);
    };
    wait(Math.max(0, next - Date.now()));
  };

  return {
    name: 'timers',
    async start(api) {
      host = api;
      for (const fn of api.functions().filter((f) => f.trigger.type.toLowerCase() === 'timertrigger')) {
        const schedule = resolveSchedule(String(fn.trigger.properties.schedule ?? ''), options.settings);
        CronExpressionParser.parse(schedule, { tz: 'UTC' }); // fail at start-up on a bad schedule
        if (fn.trigger.properties.runOnStartup === true) void run(fn, false);
        scheduleNext(fn, schedule);
      }
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    async handleHttp(req: http.IncomingMessage, res: http.ServerResponse) {
      const match = ADMIN_PATH.exec(new URL(req.url ?? '/', 'http://host').pathname);
      if (!match || req.method !== 'POST' || !host) return false;
      const fn = host.functions().find((f) => f.name === match[1]);
      if (!fn || fn.trigger.type.toLowerCase() !== 'timertrigger') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'NotFound' }));
        return true;
      }
      req.resume();
      await run(fn, false);
      res.writeHead(202).end();
      return true;
    },
  };
}
