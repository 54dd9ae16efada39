/**
 * Where the time of one job goes, for the regeneration benchmark: the Durable history of the job and its
 * sub-orchestrations (each activity from scheduled to completed, as the engine recorded it) and every ffmpeg/ffprobe
 * process the platform started meanwhile (first and last time seen by sampling /proc, its CPU, what it did).
 * Measurement only: the product is not told it is being watched.
 */
import { processTree, type ProcessInfo } from './processTree';

export interface ActivitySpan {
  /** The orchestration instance the activity ran in. */
  instanceId: string;
  name: string;
  startSec: number;
  durationSec: number;
}

export interface ToolSpan {
  pid: number;
  kind: string;
  startSec: number;
  durationSec: number;
  cpuSec: number;
}

interface HistoryEntry {
  EventType: string;
  Timestamp: string;
  FunctionName?: string;
  InstanceId?: string;
}

const SCHEDULED = new Set(['TaskScheduled', 'SubOrchestrationInstanceCreated']);
const DONE: Record<string, true> = {
  TaskCompleted: true,
  TaskFailed: true,
  SubOrchestrationInstanceCompleted: true,
  SubOrchestrationInstanceFailed: true,
};

/**
 * Activities and sub-orchestrations of `instanceId` and, recursively, of its sub-orchestrations, in start order,
 * relative to `originMs` (epoch milliseconds). `hostUrl` is the Functions host's root (the Durable API lives there).
 */
export async function activitySpans(hostUrl: string, instanceId: string, originMs: number): Promise<ActivitySpan[]> {
  const res = await fetch(
    `${hostUrl}/runtime/webhooks/durabletask/instances/${encodeURIComponent(instanceId)}?showHistory=true`,
  );
  if (!res.ok) throw new Error(`history of ${instanceId}: ${res.status}`);
  const history = ((await res.json()) as { history?: HistoryEntry[] }).history ?? [];
  // The history view names each completion's function but not which scheduling it answers: same-named calls in
  // flight together (the platforms' packages) are paired first-in, first-out, which is close enough for a breakdown.
  const open = new Map<string, HistoryEntry[]>();
  const spans: ActivitySpan[] = [];
  const children: string[] = [];
  for (const event of history) {
    const name = event.FunctionName ?? '?';
    if (SCHEDULED.has(event.EventType)) {
      open.set(name, [...(open.get(name) ?? []), event]);
      if (event.InstanceId) children.push(event.InstanceId);
    }
    const origin = DONE[event.EventType] ? open.get(name)?.shift() : undefined;
    if (origin) {
      const startMs = Date.parse(origin.Timestamp);
      spans.push({
        instanceId,
        name,
        startSec: (startMs - originMs) / 1000,
        durationSec: (Date.parse(event.Timestamp) - startMs) / 1000,
      });
    }
  }
  for (const child of children) spans.push(...(await activitySpans(hostUrl, child, originMs)));
  return spans.sort((a, b) => a.startSec - b.startSec);
}

/** What an ffmpeg/ffprobe command line does, from its arguments. */
export function toolKind(commandLine: string): string {
  if (/ffprobe/.test(commandLine.split(' ')[0] ?? '')) return 'ffprobe';
  if (commandLine.includes('-f concat') && commandLine.includes('alimiter')) return 'chapter render';
  if (commandLine.includes('pipe:0') && commandLine.includes('libmp3lame')) return 'mp3 encoder (beside the render)';
  if (commandLine.includes('pipe:0') && commandLine.includes('-c:a aac')) return 'aac encoder (beside the render)';
  if (commandLine.includes('-f concat') && /-c(:a)? copy/.test(commandLine)) return 'm4b join (stream copy)';
  // An encode measures its output in the same pass, and that chain holds a silencedetect too: it is an encode.
  if (commandLine.includes('libmp3lame')) return 'mp3 encode';
  if (commandLine.includes('silencedetect') && !/-c(:a)? /.test(commandLine)) return 'silence scan';
  if (commandLine.includes('anoisesrc') && commandLine.includes('afade')) return 'excerpt cut';
  if (commandLine.includes('-c:a copy')) return 'stream copy';
  if (commandLine.includes('ebur128') || commandLine.includes('astats')) return 'measurement';
  return 'other ffmpeg';
}

/** Samples the tree under `rootPid` and keeps the life of every ffmpeg/ffprobe process seen. */
export class ToolWatcher {
  private readonly seen = new Map<number, { kind: string; firstMs: number; lastMs: number; cpuSec: number }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly originMs = Date.now();

  constructor(
    private readonly rootPid: number,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  /** The spans seen, relative to when the watcher started. */
  stop(): ToolSpan[] {
    if (this.timer) clearInterval(this.timer);
    return [...this.seen.entries()]
      .map(([pid, s]) => ({
        pid,
        kind: s.kind,
        startSec: (s.firstMs - this.originMs) / 1000,
        durationSec: (s.lastMs - s.firstMs) / 1000,
        cpuSec: s.cpuSec,
      }))
      .sort((a, b) => a.startSec - b.startSec);
  }

  get startedAtMs(): number {
    return this.originMs;
  }

  private sample(): void {
    const now = Date.now();
    for (const p of processTree(this.rootPid).filter(isTool)) {
      const known = this.seen.get(p.pid);
      if (known) {
        known.lastMs = now;
        known.cpuSec = Math.max(known.cpuSec, p.cpuSec);
        // A process first seen as it starts may show a command line that names nothing yet: look again later.
        if (known.kind === 'other ffmpeg') known.kind = toolKind(p.commandLine);
      } else this.seen.set(p.pid, { kind: toolKind(p.commandLine), firstMs: now, lastMs: now, cpuSec: p.cpuSec });
    }
  }
}

function isTool(p: ProcessInfo): boolean {
  return p.name === 'ffmpeg' || p.name === 'ffprobe';
}

/** A short text table of both, for the benchmark's log. */
export function describeBreakdown(activities: ActivitySpan[], tools: ToolSpan[]): string {
  const lines = activities.map(
    (a) =>
      `  ${a.startSec.toFixed(2).padStart(6)} s +${a.durationSec.toFixed(2).padStart(5)} s  ${a.name} (${a.instanceId.slice(-12)})`,
  );
  lines.push(
    ...tools.map(
      (t) =>
        `  ${t.startSec.toFixed(2).padStart(6)} s +${t.durationSec.toFixed(2).padStart(5)} s  ${t.kind} (cpu ${t.cpuSec.toFixed(2)} s)`,
    ),
  );
  return lines.join('\n');
}
