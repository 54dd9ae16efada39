import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CORPUS_DIR } from '../support/corpus';
import { axeViolations } from './support/axe';
import { launchBrowser, screenshot } from './support/browser';
import { englishLeftOn } from './support/catalogue';
import { accessToken, expectVisible, newSession, signIn, waitFor, type E2eSession } from './support/session';
import { startPlatformTarget, type E2eTarget } from './support/target';
import { networkSettled } from './support/network';

/**
 * The studio at a whole book's size, as a producer with a deadline meets it: a whole Portuguese corpus book (160-odd
 * chapters, front matter, chapters long enough to be doubted) imported, its characters detected, cast and planned
 * through the API, then read in the studio in Portuguese. The import report names what detection doubted and links to
 * each chapter; the navigation writes the book's counts the Portuguese way; on a 390-px phone no page of the workflow
 * scrolls sideways. Screenshots go to test-output/screenshots/.
 */

const CREATOR = 'creator@andes.test';
const BOOK = path.join(CORPUS_DIR, 'memorias-postumas-de-bras-cubas.txt');
const TITLE = 'Memórias Póstumas de Brás Cubas';
const STEPS = [
  '',
  'manuscript',
  'chapters',
  'characters',
  'casting',
  'plan',
  'pronunciation',
  'review',
  'estimate',
  'production',
  'listen',
  'delivery',
];

jest.setTimeout(300_000);

let target: E2eTarget;
let browser: Browser;
let browserLaunched: Promise<Browser> | undefined;
let producer: E2eSession;
let token = '';
let projectId = '';
let projectUrl = '';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function api<T>(apiPath: string, init: { method?: string; json?: unknown; body?: Buffer; type?: string } = {}) {
  const response = await fetch(`${target.webUrl}/api${apiPath}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': init.type ?? 'application/json' },
    body: init.body ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${apiPath}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function finished(id: string, job: { id: string }): Promise<void> {
  let status = '';
  await waitFor(
    async () => {
      status = (await api<{ status: string }>(`/v1/projects/${id}/jobs/${job.id}`)).status;
      return ['succeeded', 'failed', 'cancelled'].includes(status);
    },
    180_000,
    `job ${job.id}`,
  );
  expect({ job: job.id, status }).toEqual({ job: job.id, status: 'succeeded' });
}

async function openStep(page: Page, step: string): Promise<void> {
  await page.goto(step ? `${projectUrl}/${step}` : projectUrl);
  await expectVisible(page.getByRole('heading', { name: TITLE, level: 1 }));
  await networkSettled(page);
}

beforeAll(async () => {
  // The browser starts while the platform does: neither waits on the other.
  browserLaunched = launchBrowser().then((launched) => (browser = launched));
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  target = await startPlatformTarget();
  producer = await newSession(await browserLaunched, { locale: 'pt-BR' });
  await signIn(target, producer.page, CREATOR, 'Entrar');
  token = await accessToken(producer.page);

  const project = await api<{ id: string }>('/v1/projects', {
    method: 'POST',
    json: { metadata: { title: TITLE, authors: ['Machado de Assis'], language: 'pt-BR' } },
  });
  const upload = await api<{ job: { id: string } }>(
    `/v1/projects/${project.id}/manuscript?fileName=${path.basename(BOOK)}`,
    { method: 'PUT', body: fs.readFileSync(BOOK), type: 'text/plain' },
  );
  await finished(project.id, upload.job);
  const detection = await api<{ job: { id: string } }>(`/v1/projects/${project.id}/characters/detect`, {
    method: 'POST',
    json: {},
  });
  await finished(project.id, detection.job);
  await api(`/v1/projects/${project.id}/casting/auto`, { method: 'POST' });
  const plan = await api<{ job: { id: string } }>(`/v1/projects/${project.id}/plan`, { method: 'POST', json: {} });
  await finished(project.id, plan.job);
  projectId = project.id;
  projectUrl = `${target.webUrl}/projects/${project.id}`;
});

afterAll(async () => {
  await producer?.context.close();
  await browserLaunched?.catch(() => undefined);
  await browser?.close();
  await target?.stop();
});

describe('the studio with a whole book, in Portuguese', () => {
  test('the import report names the chapters detection doubted and links to each', async () => {
    const { page } = producer;
    const chapters = await api<{ items: { id: string; title: string; detection: { warnings: unknown[] } | null }[] }>(
      `/v1/projects/${projectId}/chapters`,
    );
    const doubted = chapters.items.filter((chapter) => (chapter.detection?.warnings.length ?? 0) > 0);
    expect(doubted.length).toBeGreaterThan(0);

    await openStep(page, 'manuscript');
    const report = page.getByRole('region', { name: 'O que a importação encontrou' });
    await expectVisible(report);
    await expectVisible(report.getByText(`${doubted.length} capítulos para conferir`));
    // The note about the file is shown, not only counted, and said in Portuguese from its code.
    await expectVisible(report.getByText('Cabeçalho e licença do Project Gutenberg removidos'));
    await screenshot(page, 'at-size-01-import-report');
    expect(await englishLeftOn(page, 'pt-BR')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await report.getByRole('link', { name: doubted[0].title }).click();
    await page.waitForURL(`${projectUrl}/chapters/${encodeURIComponent(doubted[0].id)}`);
    const title = page.getByLabel('Título', { exact: true });
    await waitFor(async () => (await title.inputValue()) === doubted[0].title, 20_000, 'the doubted chapter opened');
  });

  test('the navigation writes the book’s counts the Portuguese way, flagged lines as many as the stage badge says', async () => {
    const { page } = producer;
    const facts = await api<{ segmentCount: number; segmentsFlagged: number }>(`/v1/projects/${projectId}/facts`);
    expect(facts.segmentCount).toBeGreaterThan(1000);
    // More flagged lines than a page of them: the count must come from the facts, not from that page.
    expect(facts.segmentsFlagged).toBeGreaterThan(100);
    const lines = new Intl.NumberFormat('pt-BR').format(facts.segmentCount);
    const flagged = new Intl.NumberFormat('pt-BR').format(facts.segmentsFlagged);
    await openStep(page, 'plan');
    const nav = page.getByRole('navigation', { name: 'Fluxo de trabalho' });
    await expectVisible(nav.getByText(new RegExp(`${escapeRegExp(lines)} de ${escapeRegExp(lines)} falas atribuídas`)));
    await expectVisible(nav.getByText(`${flagged} falas marcadas`, { exact: true }));
    expect(await nav.getByText(/\+ falas marcadas$/).count()).toBe(0);
    expect(await page.locator('.page__subtitle .badge').textContent()).toBe(`Pronto · ${flagged} falas para conferir`);
    await openStep(page, 'production');
    await expectVisible(page.getByText(new RegExp(`^${escapeRegExp(flagged)} falas continuam marcadas no plano`)));
  });

  test('a chapter is found by its number in the long list, and the stage badge counts the lines left to check', async () => {
    const { page } = producer;
    const facts = await api<{ segmentsFlagged?: number }>(`/v1/projects/${projectId}/facts`);
    expect(facts.segmentsFlagged).toBeGreaterThan(0);
    await openStep(page, 'chapters');
    const list = page.getByRole('list', { name: 'Capítulos em ordem de leitura' });
    const search = page.getByRole('searchbox', { name: 'Procurar um capítulo' });
    await search.fill('xii');
    await expectVisible(page.getByText(/^\d+ de \d+ capítulos$/));
    const found = await list.locator('.chapter-list__title').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((title) => /\bXII\b/i.test(title))).toBe(true);
    // The same chapter by its number in figures.
    await search.fill('12');
    await waitFor(
      async () =>
        (await list.locator('.chapter-list__title').allTextContents()).some((title) => /\bXII\b/i.test(title)),
      10_000,
      'chapter 12 found by its number',
    );
    await screenshot(page, 'at-size-03-chapter-search');
    expect(await englishLeftOn(page, 'pt-BR')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await search.fill('zepelim');
    await expectVisible(page.getByText('Nenhum título ou número de capítulo corresponde a “zepelim”.'));
    expect(await axeViolations(page)).toEqual([]);
    await search.press('Escape');
    expect(await list.locator('.chapter-list__title').count()).toBe(
      (await api<{ items: unknown[] }>(`/v1/projects/${projectId}/chapters`)).items.length,
    );
    // The book is not called simply ready while the plan has flagged lines.
    const badge = await page.locator('.page__subtitle .badge').textContent();
    expect(badge).not.toBe('Pronto para produzir');
    if (badge?.startsWith('Pronto')) expect(badge).toMatch(/^Pronto · [\d.]+ falas? para conferir$/);
  });

  test('on a 390-px phone no page of the workflow scrolls sideways', async () => {
    const phone = await newSession(browser, { locale: 'pt-BR', width: 390, height: 844 });
    await phone.page.addInitScript(
      `localStorage.setItem('khipu.session', ${JSON.stringify(
        await producer.page.evaluate<string>("localStorage.getItem('khipu.session')"),
      )})`,
    );
    const widths: Record<string, number> = {};
    await phone.page.goto(`${target.webUrl}/projects`);
    await expectVisible(phone.page.getByRole('link', { name: TITLE }));
    widths.projects = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
    for (const step of STEPS) {
      await openStep(phone.page, step);
      widths[step || 'book'] = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
      if (['casting', 'production'].includes(step)) await screenshot(phone.page, `at-size-02-phone-${step}`);
    }
    await phone.context.close();
    expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((name) => [name, 390])));
  });

  test('an admin on a 390-px phone: the header keeps every area in reach and no page scrolls sideways', async () => {
    // An admin's header has one more area (Administração) than a creator's: on one line it overflowed the phone. The
    // organization's name field with its button, and the webhook event names, were wider than a phone too.
    const admin = await newSession(browser, { locale: 'pt-BR', width: 390, height: 844 });
    await signIn(target, admin.page, 'admin@andes.test', 'Entrar');
    const widths: Record<string, number> = {};
    for (const [name, url] of [
      ['projects', `${target.webUrl}/projects`],
      ['admin-users', `${target.webUrl}/admin/users`],
      ['admin-webhooks', `${target.webUrl}/admin/webhooks`],
      ['admin-settings', `${target.webUrl}/admin/settings`],
      ['costs', `${target.webUrl}/costs`],
      ['delivery', `${projectUrl}/delivery`],
    ] as const) {
      await admin.page.goto(url);
      await expectVisible(admin.page.getByRole('link', { name: 'Administração' }));
      await networkSettled(admin.page);
      widths[name] = await admin.page.evaluate<number>('document.documentElement.scrollWidth');
    }
    await screenshot(admin.page, 'at-size-03-phone-admin-delivery');
    const nav = admin.page.getByRole('navigation', { name: 'Principal' });
    for (const area of ['Projetos', 'Custos', 'Administração']) {
      const box = await nav.getByRole('link', { name: area }).boundingBox();
      expect({ area, inside: box !== null && box.x >= 0 && box.x + box.width <= 390 }).toEqual({ area, inside: true });
    }
    await admin.context.close();
    expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((name) => [name, 390])));
  });

  test('nothing broke in the browser (no script error, no refused inline style)', () => {
    expect(producer.problems.filter((problem) => !/\b4\d\d\b/.test(problem))).toEqual([]);
  });
});
