/**
 * `npm run produce -- <manuscript> [--title … --author … --language … --platforms m4b,acx --out DIR]`
 *
 * The main job from a terminal, through the public API only: create the project, upload the manuscript, detect
 * characters, cast voices, plan, produce, download the packages and print their readiness reports. It targets the
 * local platform by default (starting it when it is not running) or any deployment given `--api` and `--token`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { JobView } from '../../core/api/jobs';
import type { ReadinessReport } from '../../core/audio/readiness';
import { ApiError, KhipuApiClient } from './apiClient';
import { ensureLocalPlatform } from './localPlatform';
import { formatDuration, JobProgressDisplay } from './progress';

const PLATFORM_ALIASES: Record<string, string> = {
  m4b: 'apple',
  apple: 'apple',
  acx: 'acx',
  audible: 'acx',
  google: 'google',
  spotify: 'spotify',
  kobo: 'kobo',
};

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const COVER_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png' };

const USAGE = `Usage: npm run produce -- <manuscript> [options]
  --title TEXT         book title (default: the file name)
  --author NAME        author (repeatable; default "Unknown")
  --language TAG       BCP 47 language of the book (default en-US)
  --platforms LIST     comma-separated: m4b (Apple), acx, google, spotify, kobo (default m4b,acx)
  --out DIR            where to write the packages (default ./khipu-out)
  --api URL            API base URL (default: the local platform, started if needed)
  --token TOKEN        bearer token for --api (or KHIPU_TOKEN)
  --user EMAIL         local platform user (default creator@andes.test)
  --cover FILE         cover art, JPEG or PNG (retailers require one: square, ≥ 2400 px for ACX)
  --chapters LIST      produce only these chapters, by position: 1-3,7 (default: all)
  --strict             refuse to produce while lines have no known speaker (default: the narrator reads them)`;

interface Options {
  manuscript: string;
  title: string;
  authors: string[];
  language: string;
  platforms: string[];
  outDir: string;
  api?: string;
  token?: string;
  user: string;
  cover?: string;
  /** 1-based positions in the chapter list; all chapters when absent. */
  chapterPositions?: number[];
  strict: boolean;
}

/** `1-3,7` → [1, 2, 3, 7]. */
export function parseChapterPositions(spec: string): number[] {
  const positions = new Set<number>();
  for (const part of spec.split(',')) {
    const match = /^\s*(\d{1,4})\s*(?:-\s*(\d{1,4})\s*)?$/.exec(part);
    if (!match) throw new Error(`--chapters: "${part}" is not a position or a range like 1-3`);
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from < 1 || to < from) throw new Error(`--chapters: "${part}" is not a valid range`);
    for (let position = from; position <= to; position++) positions.add(position);
  }
  return [...positions].sort((a, b) => a - b);
}

function parseOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      author: { type: 'string', multiple: true },
      language: { type: 'string', default: 'en-US' },
      platforms: { type: 'string', default: 'm4b,acx' },
      out: { type: 'string', default: 'khipu-out' },
      api: { type: 'string' },
      token: { type: 'string' },
      user: { type: 'string', default: 'creator@andes.test' },
      chapters: { type: 'string' },
      cover: { type: 'string' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const manuscript = path.resolve(positionals[0]);
  if (!fs.existsSync(manuscript)) throw new Error(`No such file: ${manuscript}`);
  const cover = values.cover === undefined ? undefined : path.resolve(values.cover);
  if (cover && !COVER_TYPES[path.extname(cover).toLowerCase()])
    throw new Error('--cover must be a .jpg, .jpeg or .png');
  if (cover && !fs.existsSync(cover)) throw new Error(`No such file: ${cover}`);
  const platforms = values.platforms.split(',').map((p) => {
    const platform = PLATFORM_ALIASES[p.trim().toLowerCase()];
    if (!platform) throw new Error(`Unknown platform "${p}" (use m4b, acx, google, spotify, kobo)`);
    return platform;
  });
  return {
    manuscript,
    title: values.title ?? path.basename(manuscript).replace(/\.[^.]+$/, ''),
    authors: values.author?.length ? values.author : ['Unknown'],
    language: values.language,
    platforms: [...new Set(platforms)],
    outDir: path.resolve(values.out),
    api: values.api,
    token: values.token ?? process.env.KHIPU_TOKEN,
    user: values.user,
    cover,
    chapterPositions: values.chapters === undefined ? undefined : parseChapterPositions(values.chapters),
    strict: values.strict,
  };
}

async function runJob(client: KhipuApiClient, projectId: string, label: string, job: JobView): Promise<JobView> {
  const display = new JobProgressDisplay(label);
  const started = Date.now();
  try {
    const done = await client.waitForJob(projectId, job.id, (snapshot) => display.update(snapshot));
    display.stop();
    if (done.status !== 'succeeded') {
      throw new Error(`${label} ${done.status}: ${done.error?.message ?? 'no reason given'}`);
    }
    console.log(`✔ ${label} (${formatDuration((Date.now() - started) / 1000)})`);
    return done;
  } finally {
    display.stop();
  }
}

function printReadiness(report: ReadinessReport): void {
  console.log(`\n${report.platform.toUpperCase()} readiness: ${report.passed ? 'PASS' : 'FAIL'}`);
  for (const rule of report.rules) {
    console.log(`  ${rule.passed ? '✔' : '✘'} ${rule.description}: ${rule.measured} (expected ${rule.expected})`);
  }
}

interface PackageView {
  id: string;
  platform: string;
  readiness: ReadinessReport;
  fileName?: string;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const target = options.api
    ? { apiUrl: options.api.replace(/\/$/, ''), token: options.token, stop: async () => {} }
    : await ensureLocalPlatform(options.user);
  if (!target.token) throw new Error('--token (or KHIPU_TOKEN) is required with --api');
  const client = new KhipuApiClient(target.apiUrl, target.token);
  try {
    const project = await client.request<{ id: string }>('/v1/projects', {
      method: 'POST',
      idempotent: true,
      json: { metadata: { title: options.title, authors: options.authors, language: options.language } },
    });
    console.log(`Project ${project.id}: "${options.title}"`);
    const base = `/v1/projects/${project.id}`;
    if (options.cover) {
      await client.request(`${base}/cover`, {
        method: 'PUT',
        body: fs.readFileSync(options.cover),
        contentType: COVER_TYPES[path.extname(options.cover).toLowerCase()],
      });
      console.log('✔ Cover');
    } else {
      console.log("  No --cover: the packages will be built but fail the retailers' cover rule");
    }

    const upload = await client.request<{ job: JobView }>(
      `${base}/manuscript?fileName=${encodeURIComponent(path.basename(options.manuscript))}`,
      {
        method: 'PUT',
        body: fs.readFileSync(options.manuscript),
        contentType: CONTENT_TYPES[path.extname(options.manuscript).toLowerCase()] ?? 'application/octet-stream',
      },
    );
    await runJob(client, project.id, 'Import', upload.job);
    const chapters = await client.request<{ items: { id: string; title: string }[] }>(`${base}/chapters`);
    console.log(`  ${chapters.items.length} chapters`);
    const chapterIds = options.chapterPositions?.map((position) => {
      const chapter = chapters.items[position - 1];
      if (!chapter) throw new Error(`--chapters: the book has ${chapters.items.length} chapters, not ${position}`);
      return chapter.id;
    });

    const detect = await client.request<{ job: JobView }>(`${base}/characters/detect`, { method: 'POST' });
    await runJob(client, project.id, 'Characters', detect.job);
    const characters = await client.request<{ items: { name: string }[] }>(`${base}/characters`);
    console.log(`  ${characters.items.length} characters`);

    await client.request(`${base}/casting/auto`, { method: 'POST' });
    console.log('✔ Voices cast');

    const plan = await client.request<{ job: JobView }>(`${base}/plan`, { method: 'POST', json: {} });
    const planned = await runJob(client, project.id, 'Plan', plan.job);
    const { segments, flagged } = (planned.result ?? {}) as { segments?: number; flagged?: number };
    console.log(
      `  ${segments ?? '?'} segments, ${flagged ?? 0} flagged for review (low confidence or unknown speaker)`,
    );
    if (flagged && !options.strict) {
      console.log(
        '  Lines without a known speaker will be read by the narrator; review them in the studio, or --strict',
      );
    }

    const production = await client.request<{ job: JobView }>(`${base}/productions`, {
      method: 'POST',
      idempotent: true,
      json: {
        platforms: options.platforms,
        allowUnknownSpeakers: !options.strict,
        ...(chapterIds ? { chapterIds } : {}),
      },
    });
    await runJob(client, project.id, 'Production', production.job);

    fs.mkdirSync(options.outDir, { recursive: true });
    const packages = await client.request<{ items: PackageView[] }>(`${base}/packages`);
    for (const pkg of packages.items.filter((p) => options.platforms.includes(p.platform))) {
      const link = await client.request<{ url: string; fileName?: string }>(`${base}/packages/${pkg.id}/download`);
      const fileName = path.basename(link.fileName ?? pkg.fileName ?? `${pkg.platform}-${pkg.id}`);
      const destination = path.join(options.outDir, fileName);
      const bytes = await client.download(link.url, destination);
      console.log(`↓ ${destination} (${(bytes / 1_048_576).toFixed(1)} MB)`);
      printReadiness(pkg.readiness);
    }
  } finally {
    await target.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    console.error(error instanceof ApiError || error instanceof Error ? `${error.message}${cause}` : error);
    process.exit(1);
  });
}
