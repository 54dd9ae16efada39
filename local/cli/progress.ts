import cliProgress from 'cli-progress';
import type { JobView } from '../../core/api/jobs';

/**
 * Progress bars for a job: one for chapters, one for segments, with the ETA the server computes (it knows the
 * observed synthesis rate) and the cost so far. On a non-TTY (CI logs, a file) it prints a line whenever the phase changes or a chapter finishes instead.
 */
export class JobProgressDisplay {
  private readonly bars = new cliProgress.MultiBar(
    {
      format: ' {label} |{bar}| {value}/{total} {unit}  {phase}  ETA {eta_server}  ${cost}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  private chapters?: cliProgress.SingleBar;
  private segments?: cliProgress.SingleBar;
  private lastLine = '';
  private readonly tty = Boolean(process.stdout.isTTY);

  constructor(private readonly label: string) {}

  update(job: JobView): void {
    const p = job.progress;
    const payload = {
      phase: p.phase,
      eta_server: p.etaSeconds === null ? '–' : formatDuration(p.etaSeconds),
      cost: p.costSoFarUsd.toFixed(4),
    };
    if (!this.tty) {
      const segments = p.segmentsTotal > 0 ? `, ${p.segmentsDone}/${p.segmentsTotal} segments` : '';
      const line = `  ${this.label}: ${p.phase} (${p.chaptersDone}/${p.chaptersTotal} chapters${segments})`;
      // The same phase and chapter count is not news in a log, however often it is polled.
      const key = `${p.phase}|${p.chaptersDone}`;
      if (key !== this.lastLine) console.log(p.etaSeconds === null ? line : `${line} ETA ${payload.eta_server}`);
      this.lastLine = key;
      return;
    }
    if (p.chaptersTotal > 0) {
      this.chapters ??= this.bars.create(p.chaptersTotal, 0, { label: `${this.label} chapters`, unit: '', ...payload });
      this.chapters.setTotal(p.chaptersTotal);
      this.chapters.update(p.chaptersDone, { label: `${this.label} chapters`, unit: '', ...payload });
    }
    if (p.segmentsTotal > 0) {
      this.segments ??= this.bars.create(p.segmentsTotal, 0, { label: `${this.label} segments`, unit: '', ...payload });
      this.segments.setTotal(p.segmentsTotal);
      this.segments.update(p.segmentsDone, { label: `${this.label} segments`, unit: '', ...payload });
    }
  }

  stop(): void {
    if (this.tty) this.bars.stop();
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s % 60).padStart(2, '0')}s`;
}
