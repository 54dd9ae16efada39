import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ffprobePath } from '../../adapters/audio';
import { CosmosClient } from '@azure/cosmos';
import sharp from 'sharp';
import { CosmosProjectCollection, CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { randomIds, systemClock } from '../../adapters/system/system';
import { type CostRecord, CostService, priceUsage, type RateKey } from '../../core/costs';
import type { ProjectRecord } from '../../core/projects/project';
import { waitForJob } from '../api/isolation/fixtures';
import { LONG_NARRATION } from '../production/seedBook';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { startReceiver, type WebhookReceiver } from '../webhooks/receiver';
import { axeViolations } from './support/axe';
import { launchBrowser, screenshot } from './support/browser';
import { catalogue, englishLeftOn } from './support/catalogue';
import { expectVisible, newSession, waitFor, type E2eSession } from './support/session';
import { assertWebBuilt } from './support/target';
import { networkSettled } from './support/network';

/**
 * The second half of the studio in real headless Chromium against the whole local platform: a small planned book
 * (seeded through the API and the platform's own stores) goes from its estimate to a production followed live, a
 * chapter is heard with its waveform, a line's takes are played, regenerated and compared, every retailer's
 * readiness report is read and the M4B downloaded and checked with ffprobe; the costs page; an admin invites a user,
 * assigns a validator and adds a webhook whose test event this test's own receiver gets; the operator suspends a
 * tenant and its users are refused. Every page is checked by axe-core and photographed in en-US, es-PE and pt-BR
 * (test-output/screenshots/), with no English left in the other two; the listening and review pages at 390 px.
 */

const CREATOR = 'creator@andes.test';
const ADMIN = 'admin@andes.test';
const OPERATOR = 'operator@khipu.test';
const PAMPA_CREATOR = 'creator@pampa.test';
const TITLE = 'The Lane to the Village';
const PLATFORM_NAMES = ['Apple Books', 'ACX / Audible', 'Google Play', 'Spotify', 'Kobo'];

jest.setTimeout(900_000);

let platform: TestPlatform;
let receiver: WebhookReceiver;
let browser: Browser;
let browserLaunched: Promise<Browser> | undefined;
let creator: E2eSession;
let tempDir: string;
let projectId = '';
let projectUrl = '';
const problems: string[] = [];

beforeAll(async () => {
  assertWebBuilt();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-studio2-e2e-'));
  receiver = await startReceiver(200);
  // The browser starts while the platform starts and the book is planned: neither waits on the other.
  browserLaunched = launchBrowser().then((launched) => (browser = launched));
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  // The admin's webhook delivers to this test's receiver on 127.0.0.1, which only local mode may allow.
  platform = await startTestPlatform({
    web: true,
    env: { WEBHOOK_ALLOW_LOOPBACK: 'true', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  projectId = await plannedBookThroughApi();
  await recordNeuralVoiceCosts();
  projectUrl = `${platform.urls.web}/projects/${projectId}`;
  creator = await newSession(await browserLaunched);
});

afterAll(async () => {
  await creator?.context.close();
  await browserLaunched?.catch(() => undefined);
  await browser?.close();
  await platform?.stop();
  await receiver?.close();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

/** Two chapters: dialogue between named people, then a minute of narration so the retail sample has enough. */
const MANUSCRIPT = [
  'Chapter 1',
  '',
  '"Good morning," said Elizabeth. "Is it not a fine day?"',
  '',
  '"It is a very fine day," replied Mr. Darcy.',
  '',
  ...LONG_NARRATION.flatMap((sentence) => [sentence, '']),
  'Chapter 2',
  '',
  'The rain fell all afternoon, and nobody went out.',
  '',
  '"We shall stay in," said Jane.',
  '',
].join('\n');

/**
 * The book a creator would have planned in the studio's first half, arranged the way any API client would: project
 * and retail cover, manuscript import, character detection, automatic casting and planning, each job awaited.
 */
async function plannedBookThroughApi(): Promise<string> {
  const project = await api<{ id: string }>(CREATOR, '/v1/projects', {
    method: 'POST',
    json: { metadata: { ...minimalMetadata(TITLE), language: 'en-US', description: 'A short book.' } },
  });
  const cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#2f5fb3' } })
    .jpeg()
    .toBuffer();
  await api(CREATOR, `/v1/projects/${project.id}/cover`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg' },
    body: new Uint8Array(cover),
  });
  const job = async (apiPath: string, init: RequestInit & { json?: unknown }) => {
    const started = await api<{ job: { id: string } }>(CREATOR, apiPath, init);
    const done = await waitForJob(platform, CREATOR, project.id, started.job.id, 300_000);
    if (done.status !== 'succeeded') throw new Error(`${apiPath}: ${JSON.stringify(done)}`);
  };
  await job(`/v1/projects/${project.id}/manuscript?fileName=lane.txt`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: MANUSCRIPT,
  });
  await job(`/v1/projects/${project.id}/characters/detect`, { method: 'POST' });
  await api(CREATOR, `/v1/projects/${project.id}/casting/auto`, { method: 'POST' });
  await job(`/v1/projects/${project.id}/plan`, { method: 'POST', json: {} });
  return project.id;
}

/**
 * The offline voices cost nothing, so the costs page would have only zeros to chart: the spend a production with
 * neural voices and a language model would have recorded is written through the cost service itself, on two days of
 * this month, by the creator and by an admin.
 */
async function recordNeuralVoiceCosts(): Promise<void> {
  const cosmos = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const db = cosmos.database('khipu');
    const costs = new CostService({
      costs: new CosmosProjectCollection<CostRecord>(db.container('costs')),
      projects: new CosmosTenantCollection<ProjectRecord>(db.container('projects')),
      clock: systemClock,
      ids: randomIds,
    });
    const today = new Date();
    const earlier = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), Math.max(1, today.getUTCDate() - 2)),
    );
    const spend = (userId: string, rate: RateKey, quantity: number, at: Date) =>
      priceUsage({ tenantId: 't-andes', projectId, userId, rate, quantity, at }, 'standard');
    await costs.record([
      spend('u-andes-creator', 'tts:neural', 150_000, earlier),
      spend('u-andes-creator', 'llm:gpt-4o:input', 400_000, earlier),
      spend('u-andes-creator', 'tts:neural', 90_000, today),
      spend('u-andes-admin', 'llm:gpt-4o:output', 60_000, today),
      spend('u-andes-admin', 'compute', 3_600, today),
    ]);
  } finally {
    cosmos.dispose();
  }
}

/** The seeded users are buttons on the identity provider's page; anyone else types their email there. */
async function signIn(page: Page, email: string, signInLabel = 'Sign in'): Promise<void> {
  await page.goto(platform.urls.web!);
  await page.getByRole('button', { name: signInLabel }).click();
  await page.waitForURL((url) => !url.href.startsWith(platform.urls.web!));
  const seeded = page.getByRole('button', { name: new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') });
  if (await seeded.count()) await seeded.first().click();
  else {
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Sign in with this email' }).click();
  }
  await page.waitForURL((url) => url.href.startsWith(platform.urls.web!) && !url.pathname.startsWith('/auth'));
  await acceptTermsIfAsked(page);
}

/** Members accept the terms of service once, before their first use. */
async function acceptTermsIfAsked(page: Page): Promise<void> {
  const labels = ['en-US', 'es-PE', 'pt-BR'].map((language) => catalogue(language).get('privacy.consent.accept'));
  const pattern = new RegExp(`^(${labels.filter(Boolean).join('|')})$`);
  const accept = page.getByRole('button', { name: pattern });
  await networkSettled(page);
  if (await accept.count()) {
    await accept.first().click();
    await accept.first().waitFor({ state: 'detached' });
  }
}

function watch(session: E2eSession): E2eSession {
  session.page.on('close', () => problems.push(...session.problems));
  return session;
}

/** Each user's web session from their first sign-in here, as the web app keeps it in localStorage. */
const keptSessions = new Map<string, string>();

async function keepSession(page: Page, email: string): Promise<void> {
  const session = await page.evaluate<string | null>("localStorage.getItem('khipu.session')");
  if (session) keptSessions.set(email, session);
}

/**
 * A new browser profile for someone already signed in once in this file, with their web session as a returning
 * visitor's browser would have kept it: pages that are not about signing in skip the identity provider's round trip.
 * Someone not signed in yet signs in here (as when a single test is run alone).
 */
async function returningSession(
  email: string,
  options: { locale?: string; width?: number; height?: number; signInLabel?: string } = {},
): Promise<E2eSession> {
  const session = watch(await newSession(browser, options));
  const kept = keptSessions.get(email);
  if (kept) await session.page.addInitScript(`localStorage.setItem('khipu.session', ${JSON.stringify(kept)})`);
  else {
    await signIn(session.page, email, options.signInLabel);
    await keepSession(session.page, email);
  }
  return session;
}

/** Screenshot plus axe: no serious or critical accessibility violation on any page the test visits. */
async function checkPage(page: Page, name: string): Promise<void> {
  await networkSettled(page);
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

async function openStep(page: Page, step: string): Promise<void> {
  await page.goto(`${projectUrl}/${step}`);
  await expectVisible(page.getByRole('heading', { name: TITLE, level: 1 }));
}

async function api<T>(user: string, apiPath: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const res = await platform.api(user, apiPath, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${apiPath}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Whether an audio element has been heard: its clock moved, or it already played to the end. */
function heard(page: Page, selector: string) {
  return () =>
    page.locator(selector).evaluate((element) => {
      const media = element as unknown as { currentTime: number; ended: boolean };
      return media.currentTime > 0 || media.ended;
    });
}

/** Signs up a new organization through the API and has its admin close it (scheduled for deletion). Returns its id. */
async function closedOrganization(name: string): Promise<string> {
  const founder = `founder-${Date.now()}@closing.test`;
  const signup = await platform.api(founder, '/v1/tenants/signup', { method: 'POST', json: { tenantName: name } });
  expect(signup.status).toBe(201);
  const tenantId = ((await signup.json()) as { tenant: { id: string } }).tenant.id;
  // The new tenant reaches the token's claims on a new sign-in.
  const issued = await fetch(`${platform.urls.identity}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: founder }),
  });
  const { access_token: token } = (await issued.json()) as { access_token: string };
  const asFounder = (route: string, init: RequestInit = {}) =>
    fetch(`${platform.urls.api}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  const { termsVersion } = (await (await asFounder('/v1/me/consent')).json()) as { termsVersion: string };
  expect((await asFounder('/v1/me/consent', { method: 'PUT', body: JSON.stringify({ termsVersion }) })).status).toBe(
    200,
  );
  const closed = await asFounder('/v1/tenant/deletion', { method: 'POST', body: JSON.stringify({ tenantName: name }) });
  expect(closed.status).toBe(202);
  return tenantId;
}

describe('the studio, from the estimate to delivered packages, costs and administration', () => {
  test('the creator reads the estimate and produces every package while the job view advances', async () => {
    const { page } = watch(creator);
    await signIn(page, CREATOR);
    await keepSession(page, CREATOR);
    await openStep(page, 'estimate');
    await expectVisible(page.getByText('Estimated cost'));
    await checkPage(page, 'studio2-01-estimate');

    await page
      .getByRole('navigation', { name: 'Workflow' })
      .getByRole('link', { name: /Production/ })
      .click();
    await expectVisible(page.getByRole('heading', { name: 'Start a production' }));
    for (const name of ['Google Play', 'Spotify', 'Kobo']) await page.getByLabel(name, { exact: true }).check();
    await expectVisible(page.getByText('Left this month'));
    await checkPage(page, 'studio2-02-production-start');
    await page.getByRole('button', { name: 'Start production' }).click();

    // What the job view showed, polled as a person would glance at it: the counts and bar move before it ends.
    const progress = page.getByRole('progressbar', { name: 'Production progress' });
    const seen = new Set<string>();
    let screenshotWhileRunning = false;
    await waitFor(
      async () => {
        const value = (await progress.getAttribute('aria-valuenow').catch(() => null)) ?? '';
        const phase = (await progress.getAttribute('aria-valuetext').catch(() => null)) ?? '';
        const running = (await page.getByText('Running', { exact: true }).count()) > 0;
        if (running) {
          seen.add(`${phase}|${value}`);
          if (!screenshotWhileRunning) {
            screenshotWhileRunning = true;
            await screenshot(page, 'studio2-03-production-running');
          }
        }
        return (await page.locator('.job-view').getByText('Finished', { exact: true }).count()) > 0;
      },
      600_000,
      'the production to finish',
    );
    expect(seen.size).toBeGreaterThanOrEqual(2);
    await expectVisible(page.locator('.job-view').getByText('2 of 2').first());
    await checkPage(page, 'studio2-04-production-finished');
  });

  test('plays a chapter with its server-drawn waveform, then a line, an earlier take and a new one', async () => {
    const { page } = creator;
    await openStep(page, 'listen');
    const audio = page.getByTestId('chapter-audio');
    await expectVisible(audio);
    // The waveform is drawn from the server's peaks: one bar per stretch, in an SVG path.
    const bars = page.getByTestId('waveform').locator('path.waveform__bars').first();
    await expectVisible(bars);
    expect(((await bars.getAttribute('d')) ?? '').split('M').length).toBeGreaterThan(100);
    await checkPage(page, 'studio2-05-listen');

    // Click a line: the chapter plays from there.
    const lines = page.getByRole('list', { name: 'Lines of the chapter' });
    await lines.getByRole('button').nth(4).click();
    await waitFor(heard(page, '[data-testid="chapter-audio"]'), 60_000, 'chapter playback');
    await audio.evaluate((element) => (element as unknown as { pause(): void }).pause());
    // Pressing the waveform seeks the audio.
    const box = (await page.getByTestId('waveform').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
    const position = await audio.evaluate((element) => {
      const media = element as unknown as { currentTime: number; duration: number };
      return media.currentTime / media.duration;
    });
    expect(position).toBeGreaterThan(0.65);
    expect(position).toBeLessThan(0.85);

    // One line's takes: play the one in use.
    const takes = page.getByRole('region', { name: 'Takes of this line' });
    await expectVisible(takes.getByRole('button', { name: 'Play take 1' }));
    await takes.getByRole('button', { name: 'Play take 1' }).click();
    await waitFor(heard(page, 'audio[aria-label="Take audio"]'), 60_000, 'take playback');
    await checkPage(page, 'studio2-06-listen-takes');

    // Render it anew: a second take appears, in use, once the job has re-mastered the chapter.
    await takes.getByRole('button', { name: 'Render a new take' }).click();
    await expectVisible(takes.getByRole('button', { name: 'Play take 2' }), 600_000);
    await expectVisible(takes.getByRole('listitem').filter({ hasText: 'Take 2' }).getByText('In use'));
    // And the earlier take is still there to compare: it loads through a new link and plays.
    const takeAudio = page.locator('audio[aria-label="Take audio"]');
    const before = await takeAudio.getAttribute('src');
    await takes.getByRole('button', { name: 'Play take 1' }).click();
    await waitFor(
      async () =>
        (await takeAudio.getAttribute('src')) !== before && (await heard(page, 'audio[aria-label="Take audio"]')()),
      60_000,
      'earlier take playback',
    );
    await checkPage(page, 'studio2-07-listen-new-take');
  });

  test("shows every retailer's rules and downloads an M4B that ffprobe reads as a chaptered AAC book", async () => {
    const { page } = creator;
    await openStep(page, 'delivery');
    for (const name of PLATFORM_NAMES) {
      const report = page.getByRole('region', { name, exact: true });
      await expectVisible(report);
      expect(await report.getByRole('row').count()).toBeGreaterThan(3);
    }
    await checkPage(page, 'studio2-08-delivery');

    const downloadButton = page.getByRole('button', { name: /^Download .*\.m4b/ }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    const file = path.join(tempDir, 'book.m4b');
    await download.saveAs(file);
    const probe = JSON.parse(
      execFileSync(
        ffprobePath(),
        ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_chapters', file],
        {
          encoding: 'utf8',
        },
      ),
    ) as {
      format: { format_name: string; duration: string };
      streams: { codec_type: string; codec_name: string }[];
      chapters: unknown[];
    };
    expect(probe.format.format_name).toContain('mp4');
    expect(probe.streams.find((stream) => stream.codec_type === 'audio')?.codec_name).toBe('aac');
    expect(Number(probe.format.duration)).toBeGreaterThan(30);
    expect(probe.chapters.length).toBeGreaterThanOrEqual(2);
  });

  test('the costs page shows what the creator may see and the month against the quota', async () => {
    const { page } = creator;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Costs' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Costs', level: 1 }));
    await expectVisible(page.getByText('Spend on your projects.'));
    const quota = page.getByRole('region', { name: "This month against your organization's quota" });
    await expectVisible(quota.getByRole('progressbar', { name: 'Characters synthesized' }));
    const usage = await api<{ monthlyCharacters: { used: number } }>(CREATOR, '/v1/tenant/usage');
    expect(usage.monthlyCharacters.used).toBeGreaterThan(240_000);
    const report = await api<{ totalUsd: number }>(CREATOR, '/v1/costs?groupBy=day');
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
    expect(await page.getByTestId('costs-total').textContent()).toBe(money.format(report.totalUsd));
    for (const name of ['Spend by day', 'Spend by project', 'Spend by person']) {
      const chart = page.getByRole('region', { name });
      await expectVisible(chart.locator('.recharts-bar-rectangle').first());
    }
    const byPerson = page.getByRole('region', { name: 'Spend by person' });
    await byPerson.getByText('Show the numbers').click();
    expect(await byPerson.getByRole('rowheader').allTextContents()).toEqual(['You', 'Another member']);
    await checkPage(page, 'studio2-09-costs');
    await page.getByLabel('Project', { exact: true }).selectOption({ label: TITLE });
    const estimates = page.getByRole('region', { name: 'Estimate against actual cost, per production' });
    await expectVisible(estimates.getByRole('rowheader'));
    expect(await estimates.getByRole('row').count()).toBe(2);
    await checkPage(page, 'studio2-10-costs-project');
  });

  test('an admin invites a user, assigns a validator and adds a webhook whose test event arrives', async () => {
    const admin = watch(await newSession(browser));
    const { page } = admin;
    await signIn(page, ADMIN);
    await keepSession(page, ADMIN);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
    await expectVisible(page.getByRole('heading', { name: 'People in your organization' }));
    await page.getByLabel(/^Email/).fill('reviewer.e2e@andes.test');
    await page.getByLabel(/^Name/).fill('Rita Reviewer');
    await page.getByLabel('Role', { exact: true }).selectOption('validator');
    await page.getByRole('button', { name: 'Invite' }).click();
    await expectVisible(page.getByText('Rita Reviewer was invited as Validator.'));
    await expectVisible(page.getByRole('rowheader', { name: 'Rita Reviewer' }));
    await checkPage(page, 'studio2-11-admin-users');

    await page
      .getByRole('navigation', { name: 'Administration sections' })
      .getByRole('link', { name: 'Project access' })
      .click();
    await page.getByLabel('Project', { exact: true }).selectOption({ label: TITLE });
    await page.getByRole('checkbox', { name: /Rita Reviewer/ }).check();
    await page.getByRole('button', { name: 'Save access' }).click();
    await expectVisible(page.getByText(`Access to “${TITLE}” saved.`));
    const users = await api<{ items: { id: string; email: string }[] }>(ADMIN, '/v1/users?pageSize=100');
    const rita = users.items.find((user) => user.email === 'reviewer.e2e@andes.test')!;
    const project = await api<{ validatorIds: string[] }>(ADMIN, `/v1/projects/${projectId}`);
    expect(project.validatorIds).toContain(rita.id);
    await checkPage(page, 'studio2-12-admin-projects');

    await page
      .getByRole('navigation', { name: 'Administration sections' })
      .getByRole('link', { name: 'Webhooks' })
      .click();
    await page.getByLabel(/^Address/).fill(receiver.url);
    await page.getByLabel('Description').fill('E2E receiver');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secretDialog = page.getByRole('dialog', { name: "The webhook's secret" });
    await expectVisible(secretDialog);
    expect(await secretDialog.getByLabel('Secret').inputValue()).toMatch(/^whsec_/);
    await screenshot(page, 'studio2-13-admin-webhook-secret');
    await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('button', { name: `Send a test event to ${receiver.url}` }).click();
    const [delivery] = await receiver.waitFor(1, 60_000);
    expect(delivery.headers['webhook-id']).toBeTruthy();
    expect(delivery.headers['webhook-signature']).toMatch(/^v1,/);
    expect((JSON.parse(delivery.body) as { type: string }).type).toBe('khipu.webhook.test');
    await expectVisible(page.getByTestId('delivery-log').getByText('Delivered'), 60_000);
    await checkPage(page, 'studio2-14-admin-webhooks');

    await page
      .getByRole('navigation', { name: 'Administration sections' })
      .getByRole('link', { name: 'Organization' })
      .click();
    await expectVisible(page.getByText(/set by the platform operator/));
    await checkPage(page, 'studio2-15-admin-settings');
    await admin.context.close();
  });

  test('the operator suspends a tenant and its users are refused', async () => {
    const operator = watch(await newSession(browser));
    const { page } = operator;
    await signIn(page, OPERATOR);
    await keepSession(page, OPERATOR);
    await page.waitForURL(`${platform.urls.web}/operator`);
    await page.getByLabel('Search by name or id').fill('Pampa');
    await expectVisible(page.getByRole('rowheader', { name: /Pampa Press/ }));
    await checkPage(page, 'studio2-16-operator');
    await page.getByRole('button', { name: 'Suspend Pampa Press' }).click();
    await expectVisible(page.getByRole('button', { name: 'Reinstate Pampa Press' }));
    const refused = await platform.api(PAMPA_CREATOR, '/v1/projects');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('tenant_suspended');

    const pampa = watch(await newSession(browser));
    await signIn(pampa.page, PAMPA_CREATOR);
    await networkSettled(pampa.page);
    await screenshot(pampa.page, 'studio2-17-suspended-tenant');
    await expectVisible(pampa.page.getByText("Your organization's account is suspended.").first());
    await checkPage(pampa.page, 'studio2-17-suspended-tenant');
    await pampa.context.close();

    await page.getByRole('button', { name: 'Reinstate Pampa Press' }).click();
    await expectVisible(page.getByRole('button', { name: 'Suspend Pampa Press' }));
    expect((await platform.api(PAMPA_CREATOR, '/v1/projects')).status).toBe(200);

    // An organization its admin closed: the operator sees when its data will be deleted, and reopens it.
    const closedId = await closedOrganization('Closing Shelf');
    await page.reload();
    await page.getByLabel('Search by name or id').fill('Closing Shelf');
    const closedRow = page.getByRole('row', { name: /Closing Shelf/ });
    await expectVisible(closedRow.getByText('Closed, deletion scheduled'));
    await expectVisible(closedRow.getByText(/Its data will be deleted on/));
    await checkPage(page, 'studio2-16b-operator-closed-tenant');
    const reopen = page.getByRole('button', { name: 'Cancel deletion of Closing Shelf' });
    await reopen.click();
    await reopen.waitFor({ state: 'detached' });
    const reopened = await platform.api(OPERATOR, `/v1/operator/tenants/${closedId}`);
    expect(((await reopened.json()) as { deletion: unknown }).deletion).toBeNull();
    await operator.context.close();
  });

  test('someone without an organization is offered signup', async () => {
    const newcomer = watch(await newSession(browser));
    await signIn(newcomer.page, 'newcomer.e2e@example.test');
    await newcomer.page.waitForURL(`${platform.urls.web}/signup`);
    await expectVisible(newcomer.page.getByRole('heading', { level: 1 }));
    await checkPage(newcomer.page, 'studio2-18-signup');
    await newcomer.context.close();
  });

  test('on a 390-px phone the listening and review pages fit the screen', async () => {
    const phone = await returningSession(CREATOR, { width: 390, height: 844 });
    for (const step of ['listen', 'review']) {
      await openStep(phone.page, step);
      await networkSettled(phone.page);
      const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
      expect({ step, width }).toEqual({ step, width: 390 });
      await checkPage(phone.page, `studio2-19-phone-${step}`);
    }
    await phone.context.close();
  });

  for (const [language, signInLabel] of [
    ['es-PE', 'Iniciar sesión'],
    ['pt-BR', 'Entrar'],
  ] as const) {
    test(`in ${language} every page of this half of the studio is translated`, async () => {
      const leftovers: Record<string, string[]> = {};
      const visit = async (page: Page, name: string, url: string) => {
        await page.goto(url);
        await networkSettled(page);
        await page.locator('main h1').first().waitFor({ state: 'visible' });
        const english = await englishLeftOn(page, language);
        if (english.length) leftovers[name] = english;
        await checkPage(page, `studio2-${language}-${name}`);
      };
      // The admin and the operator come back signed in; the newcomer below signs in on the page in this language.
      const admin = await returningSession(ADMIN, { locale: language, signInLabel });
      for (const step of ['production', 'listen', 'delivery']) await visit(admin.page, step, `${projectUrl}/${step}`);
      await visit(admin.page, 'costs', `${platform.urls.web}/costs`);
      for (const section of ['users', 'projects', 'webhooks', 'settings'])
        await visit(admin.page, `admin-${section}`, `${platform.urls.web}/admin/${section}`);
      await admin.context.close();

      const operator = await returningSession(OPERATOR, { locale: language, signInLabel });
      await visit(operator.page, 'operator', `${platform.urls.web}/operator`);
      await operator.context.close();

      const newcomer = watch(await newSession(browser, { locale: language }));
      await signIn(newcomer.page, `newcomer.${language.toLowerCase()}@example.test`, signInLabel);
      await visit(newcomer.page, 'signup', `${platform.urls.web}/signup`);
      await newcomer.context.close();
      expect(leftovers).toEqual({});
    });
  }

  test('nothing broke in any browser page (no script error, no refused inline style)', () => {
    expect([...creator.problems, ...problems].filter((problem) => !/\b4\d\d\b/.test(problem))).toEqual([]);
  });
});
