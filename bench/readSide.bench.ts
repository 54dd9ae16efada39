/**
 * The read side at book scale: the same requests on a 0.2 MB and a 2 MB manuscript (bench/readSide/manuscripts.ts),
 * each book on a local platform of its own (the Functions host in its own process), loaded through the public API as
 * a user would: upload, character detection, planning.
 *
 * Per book: plan time per chapter (the plan job, POST to end); the segment listing with each filter (none, unknown
 * speaker, flagged, one character, one chapter): the first page (median of several) and the mean time per page over
 * a walk of the first pages; a whole chapter (the book's longest) read with the largest page the API accepts; the
 * production estimate (median); which produced chapters would sound different now (sound-changes: every live chapter
 * mastered by production's mastering step over the real stores, the render left out; median time and the host's CPU
 * per request, from /proc). The reads alternate between the two books request by request, so the machine's other
 * work weighs on both alike. The hosts are restarted after planning, so their peak resident memory while the reads
 * run (four clients at once at the end) is what the reads take. The ratio rows divide the 2 MB figures by the 0.2 MB
 * ones (target: at most 2, memory within ±10 %).
 */
import fs from 'node:fs';
import { startTestPlatform, type TestPlatform } from '../test/support/testPlatform';
import { processTree } from './production/processTree';
import { fakeMasters } from './readSide/masters';
import { corpusManuscript } from './readSide/manuscripts';
import type { BenchContext, BenchModule, BenchRow, MetricValue } from './types';

const USER = 'creator@andes.test';
const TENANT = 't-andes';
const BOOKS = [
  { name: '0.2 MB', bytes: 200_000 },
  { name: '2 MB', bytes: 2_000_000 },
];
const PAGE_SIZE = 100;
/** Page sizes tried for reading a whole chapter, largest first (the API refuses what it does not allow). */
const CHAPTER_PAGE_SIZES = [1000, 100];
const CONCURRENT_CLIENTS = 4;
const POLL_MS = 250;
const JOB_TIMEOUT_MS = 4 * 60 * 60 * 1000;
/** The benchmark sends far more than a person would; the limiter still runs, it just never refuses. */
const UNLIMITED = { RATE_LIMIT_PER_MINUTE: '100000000' };

interface Knobs {
  /** First-page samples per case (the median is reported). */
  samples: number;
  /** Pages walked per case for the mean time per page. */
  walkPages: number;
  /** Rounds of every case per client in the memory phase. */
  concurrentRounds: number;
}

function knobs(env: BenchContext['env']): Knobs {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    samples: number('READSIDE_SAMPLES', 9),
    walkPages: number('READSIDE_WALK_PAGES', 10),
    concurrentRounds: number('READSIDE_CONCURRENT_ROUNDS', 3),
  };
}

interface SegmentJson {
  id: string;
  chapterId: string;
  speakerId: string;
}

interface Page {
  items: SegmentJson[];
  continuationToken: string | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function waitForJob(platform: TestPlatform, projectId: string, jobId: string): Promise<{ status: string }> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    // A poll the loaded machine drops (the connection refused or reset) is tried again at the next tick.
    const job = await platform.api(USER, `/v1/projects/${projectId}/jobs/${jobId}`).then(
      (res) => json<{ status: string }>(res, 'job'),
      () => ({ status: 'polling' }),
    );
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function runJob(platform: TestPlatform, projectId: string, path: string, init: RequestInit & { json?: unknown }) {
  const res = await platform.api(USER, `/v1/projects/${projectId}${path}`, init);
  const { job } = await json<{ job: { id: string } }>(res, path);
  const done = await waitForJob(platform, projectId, job.id);
  if (done.status !== 'succeeded') throw new Error(`${path} ended ${JSON.stringify(done)}`);
}

/** The Functions host: the platform's child running local/appHostProcess.ts. */
function hostPid(platform: TestPlatform): number {
  const host = processTree(platform.pid).find((p) => p.commandLine.includes('appHostProcess'));
  if (!host) throw new Error('no separate host process found');
  return host.pid;
}

/** CPU seconds (user and system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  // The fields after the command name (which may hold spaces) start at the process state: utime and stime are 12, 13.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
}

interface LoadedBook {
  projectId: string;
  chapters: { id: string; characters: number }[];
  segments: number;
  planMs: number;
  planPeakRssMb: number;
}

async function loadBook(platform: TestPlatform, bytes: number, log: (m: string) => void): Promise<LoadedBook> {
  const { text } = corpusManuscript(bytes);
  const created = await json<{ id: string }>(
    await platform.api(USER, '/v1/projects', {
      method: 'POST',
      json: { metadata: { title: `Read side ${bytes}`, authors: ['Bench'], language: 'en-GB' } },
    }),
    'create project',
  );
  const projectId = created.id;
  await runJob(platform, projectId, '/manuscript?fileName=book.txt', {
    method: 'PUT',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: text,
  });
  await runJob(platform, projectId, '/characters/detect', { method: 'POST', json: {} });
  log(`imported and detected; planning…`);
  const plan = await timed(() => runJob(platform, projectId, '/plan', { method: 'POST', json: {} }));
  const chapterList = await json<{ items: { id: string; stats: { characters: number } }[] }>(
    await platform.api(USER, `/v1/projects/${projectId}/chapters`),
    'chapters',
  );
  const facts = await json<{ facts?: { segmentCount?: number }; segmentCount?: number }>(
    await platform.api(USER, `/v1/projects/${projectId}/facts`),
    'facts',
  );
  return {
    projectId,
    chapters: chapterList.items.map((c) => ({ id: c.id, characters: c.stats.characters })),
    segments: facts.facts?.segmentCount ?? facts.segmentCount ?? NaN,
    planMs: plan.ms,
    planPeakRssMb: memoryMb(hostPid(platform), 'VmHWM'),
  };
}

interface ListingCase {
  name: string;
  query: Record<string, string>;
}

function listingPath(projectId: string, query: Record<string, string>, pageSize: number, token?: string | null) {
  const params = new URLSearchParams({ ...query, pageSize: String(pageSize) });
  if (token) params.set('continuationToken', token);
  return `/v1/projects/${projectId}/segments?${params}`;
}

async function listPage(platform: TestPlatform, path: string): Promise<Page> {
  return json<Page>(await platform.api(USER, path), path);
}

/** The character who speaks most of the book's first lines: the same person in both books, found by no name. */
async function busiestCharacter(platform: TestPlatform, projectId: string): Promise<string> {
  const counts = new Map<string, number>();
  let token: string | null = null;
  for (let page = 0; page < 5; page++) {
    const { items, continuationToken } = await listPage(platform, listingPath(projectId, {}, PAGE_SIZE, token));
    for (const s of items)
      if (s.speakerId !== 'narrator' && s.speakerId !== 'unknown')
        counts.set(s.speakerId, (counts.get(s.speakerId) ?? 0) + 1);
    token = continuationToken;
    if (!token) break;
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!best) throw new Error('no character speaks in the first pages');
  return best[0];
}

async function firstPageMs(platform: TestPlatform, projectId: string, listing: ListingCase): Promise<number> {
  return (await timed(() => listPage(platform, listingPath(projectId, listing.query, PAGE_SIZE)))).ms;
}

/** Mean time per page over the first `walkPages` pages. */
async function walk(platform: TestPlatform, projectId: string, listing: ListingCase, k: Knobs) {
  let token: string | null = null;
  let pages = 0;
  let items = 0;
  let walkMs = 0;
  do {
    const page = await timed(() => listPage(platform, listingPath(projectId, listing.query, PAGE_SIZE, token)));
    walkMs += page.ms;
    pages++;
    items += page.result.items.length;
    token = page.result.continuationToken;
  } while (token && pages < k.walkPages);
  return { perPageMs: round(walkMs / pages), pagesWalked: pages, itemsWalked: items };
}

/** Reads one chapter whole with the largest page the API accepts. */
async function readWholeChapter(platform: TestPlatform, projectId: string, chapterId: string) {
  for (const pageSize of CHAPTER_PAGE_SIZES) {
    const probe = await platform.api(USER, listingPath(projectId, { chapterId }, pageSize));
    if (probe.status === 400) continue;
    await json<Page>(probe, 'chapter probe');
    let token: string | null = null;
    let requests = 0;
    let segments = 0;
    const { ms } = await timed(async () => {
      do {
        const page = await listPage(platform, listingPath(projectId, { chapterId }, pageSize, token));
        requests++;
        segments += page.items.length;
        token = page.continuationToken;
      } while (token);
    });
    return { segments, pageSize, requests, totalMs: round(ms) };
  }
  throw new Error('no page size accepted for a chapter listing');
}

async function soundChanges(platform: TestPlatform, projectId: string): Promise<{ chapterIds: string[] }> {
  return json(await platform.api(USER, `/v1/projects/${projectId}/sound-changes`), 'sound-changes');
}

async function estimateMs(platform: TestPlatform, projectId: string): Promise<number> {
  const { ms } = await timed(async () =>
    json(await platform.api(USER, `/v1/projects/${projectId}/productions/estimate`), 'estimate'),
  );
  return ms;
}

/** One book on its own platform, loaded and planned, with the requests to measure on it. */
interface Prepared {
  name: string;
  platform: TestPlatform;
  projectId: string;
  cases: ListingCase[];
  longestChapterId: string;
  rows: Map<string, Record<string, MetricValue>>;
}

async function prepare(book: (typeof BOOKS)[number], log: (message: string) => void): Promise<Prepared> {
  const platform = await startTestPlatform({ separateHostProcess: true, env: UNLIMITED });
  try {
    log(`${book.name}: loading`);
    const loaded = await loadBook(platform, book.bytes, (m) => log(`${book.name}: ${m}`));
    const chapters = loaded.chapters.length;
    log(`${book.name}: ${chapters} chapters, ${loaded.segments} segments, planned in ${round(loaded.planMs / 1000)} s`);
    const { projectId } = loaded;
    const speakerId = await busiestCharacter(platform, projectId);
    const middle = loaded.chapters[Math.floor(chapters / 2)].id;
    await json(await platform.api(USER, `/v1/projects/${projectId}/casting/auto`, { method: 'POST' }), 'casting');
    const mastered = await timed(() => fakeMasters(platform, USER, TENANT, projectId));
    log(`${book.name}: ${mastered.result} chapters mastered (render left out) in ${round(mastered.ms / 1000)} s`);
    const rows = new Map<string, Record<string, MetricValue>>();
    rows.set('plan', {
      chapters,
      segments: loaded.segments,
      planMsPerChapter: round(loaded.planMs / chapters),
      planMsPer1000Segments: round((loaded.planMs / loaded.segments) * 1000),
      hostPeakRssMb: round(loaded.planPeakRssMb),
    });
    return {
      name: book.name,
      platform,
      projectId,
      cases: [
        { name: 'list: no filter', query: {} },
        { name: 'list: unknown speaker', query: { unknown: 'true' } },
        { name: 'list: flagged', query: { flagged: 'true' } },
        { name: 'list: one speaker', query: { speakerId } },
        { name: 'list: one chapter', query: { chapterId: middle } },
      ],
      longestChapterId: [...loaded.chapters].sort((a, b) => b.characters - a.characters)[0].id,
      rows,
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

/** Highest resident memory of each pid while `work` runs, sampled every 20 ms. */
async function peaksDuring(pids: number[], work: () => Promise<void>): Promise<number[]> {
  const peaks = pids.map((pid) => memoryMb(pid, 'VmRSS'));
  const sample = () => pids.forEach((pid, i) => (peaks[i] = Math.max(peaks[i], memoryMb(pid, 'VmRSS'))));
  const timer = setInterval(sample, 20);
  try {
    await work();
    sample();
    return peaks;
  } finally {
    clearInterval(timer);
  }
}

/**
 * The reads, on both books in turn request by request, so that whatever else the machine is doing weighs on both
 * alike; then several clients at once on each book, so that memory growing with the book would show.
 */
async function measureReads(books: Prepared[], k: Knobs, log: (message: string) => void): Promise<void> {
  const caseNames = books[0].cases.map((listing) => listing.name);
  for (const [c, name] of caseNames.entries()) {
    const samples = books.map(() => [] as number[]);
    for (let i = 0; i < k.samples; i++)
      for (const [b, book] of books.entries())
        samples[b].push(await firstPageMs(book.platform, book.projectId, book.cases[c]));
    for (const [b, book] of books.entries()) {
      const walked = await walk(book.platform, book.projectId, book.cases[c], k);
      book.rows.set(name, { firstPageMs: round(median(samples[b])), ...walked });
      log(`${book.name}: ${name} ${JSON.stringify(book.rows.get(name))}`);
    }
  }
  for (const book of books) {
    book.rows.set(
      'longest chapter, whole',
      await readWholeChapter(book.platform, book.projectId, book.longestChapterId),
    );
    log(`${book.name}: longest chapter ${JSON.stringify(book.rows.get('longest chapter, whole'))}`);
  }
  const estimates = books.map(() => [] as number[]);
  for (let i = 0; i < k.samples; i++)
    for (const [b, book] of books.entries()) estimates[b].push(await estimateMs(book.platform, book.projectId));
  for (const [b, book] of books.entries()) {
    book.rows.set('estimate', { medianMs: round(median(estimates[b])) });
    log(`${book.name}: estimate ${JSON.stringify(book.rows.get('estimate'))}`);
  }
  const sound = books.map(() => ({ ms: [] as number[], cpuSec: 0, changed: 0 }));
  for (let i = 0; i < k.samples; i++)
    for (const [b, book] of books.entries()) {
      const host = hostPid(book.platform);
      const cpuBefore = cpuSeconds(host);
      const { ms, result } = await timed(() => soundChanges(book.platform, book.projectId));
      sound[b].cpuSec += cpuSeconds(host) - cpuBefore;
      sound[b].ms.push(ms);
      sound[b].changed = result.chapterIds.length;
    }
  for (const [b, book] of books.entries()) {
    book.rows.set('sound-changes', {
      medianMs: round(median(sound[b].ms)),
      hostCpuMsPerRequest: round((sound[b].cpuSec * 1000) / k.samples),
      chaptersSoundingDifferent: sound[b].changed,
    });
    log(`${book.name}: sound-changes ${JSON.stringify(book.rows.get('sound-changes'))}`);
  }
  for (const book of books) {
    let failures = 0;
    // A request that fails (one slow enough for the client to give up on) is counted, not fatal.
    const attempt = (request: () => Promise<unknown>) =>
      request().then(
        () => undefined,
        () => void failures++,
      );
    await Promise.all(
      Array.from({ length: CONCURRENT_CLIENTS }, async () => {
        for (let round = 0; round < k.concurrentRounds; round++) {
          for (const listing of book.cases)
            await attempt(() => listPage(book.platform, listingPath(book.projectId, listing.query, PAGE_SIZE)));
          await attempt(() => estimateMs(book.platform, book.projectId));
        }
      }),
    );
    book.rows.set('host memory while reading', { failedRequests: failures });
  }
}

/** For each metric that measures time or memory, the big book's figure over the small one's. */
function ratios(small: Prepared, big: Prepared): BenchRow[] {
  const timeOrMemory = /Ms|Mb/;
  return [...big.rows.entries()].flatMap(([name, bigMetrics]) => {
    const smallMetrics = small.rows.get(name);
    if (!smallMetrics) return [];
    const metrics: Record<string, MetricValue> = {};
    for (const [metric, value] of Object.entries(bigMetrics)) {
      const base = smallMetrics[metric];
      if (timeOrMemory.test(metric) && typeof value === 'number' && typeof base === 'number' && base > 0)
        metrics[metric] = round(value / base, 2);
    }
    return Object.keys(metrics).length > 0
      ? [{ benchmark: 'readSide', case: `${name} (${big.name} / ${small.name})`, metrics }]
      : [];
  });
}

const bench: BenchModule = {
  name: 'readSide',
  description:
    'Segment listing per filter (first page, median; mean per page over the first pages), a whole chapter, the production estimate, sound-changes over every chapter mastered (render left out; median time, host CPU per request) and plan time per chapter on a 0.2 MB and a 2 MB manuscript, each on its own local platform, reads interleaved between the two; host peak RSS while reading (fresh hosts, then 4 clients at once); ratio rows are 2 MB / 0.2 MB (targets: time ≤ 2, memory within ±10 %)',
  async run({ env, log }) {
    const k = knobs(env);
    const books: Prepared[] = [];
    try {
      for (const book of BOOKS) books.push(await prepare(book, log));
      // Fresh hosts, so the memory figure is what the reads take, not what import and planning left behind.
      for (const book of books) await book.platform.crashHost();
      const pids = books.map((book) => hostPid(book.platform));
      const peaks = await peaksDuring(pids, () => measureReads(books, k, log));
      for (const [b, book] of books.entries())
        book.rows.set('host memory while reading', {
          peakRssMb: round(peaks[b]),
          ...book.rows.get('host memory while reading'),
        });
      const rows: BenchRow[] = books.flatMap((book) =>
        [...book.rows.entries()].map(([name, metrics]) => ({
          benchmark: 'readSide',
          case: `${name} (${book.name})`,
          metrics,
        })),
      );
      return [...rows, ...ratios(books[0], books[1])];
    } finally {
      for (const book of books) await book.platform.stop();
    }
  },
};

export default bench;
