import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, watchPageErrors } from './support/browser';
import { startPlatformTarget, type E2eTarget } from './support/target';

/**
 * The web app in real headless Chromium: sign-in through the identity provider, projects list, create with API
 * validation errors, edit with ETag conflicts, cover upload, archive, read-only validators, language switch.
 * Runs against the whole local platform, as `npm start` brings it up.
 */

const CREATOR = 'creator@andes.test';
const VALIDATOR = 'validator@andes.test';
const VALIDATOR_ID = 'u-andes-validator';
const INVALID_ISBN = '978-0-306-40615-8';
const VALID_ISBN = '978-0-306-40615-7';

/** Runs in the browser; typed structurally because the test compiles without DOM types. */
const imageDecoded = (element: unknown) => {
  const img = element as { complete: boolean; naturalWidth: number };
  return img.complete && img.naturalWidth > 0;
};

jest.setTimeout(180_000);

let target: E2eTarget;
let browser: Browser;
let browserLaunched: Promise<Browser> | undefined;
let tempDir: string;

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-web-e2e-'));
  // The browser starts while the platform starts: neither waits on the other.
  browserLaunched = launchBrowser().then((launched) => (browser = launched));
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  target = await startPlatformTarget();
  await browserLaunched;
});

afterAll(async () => {
  await browserLaunched?.catch(() => undefined);
  await browser?.close();
  await target?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

async function newSession(locale = 'en-US'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  return { context, page, problems: watchPageErrors(page) };
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(target.webUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.href.startsWith(target.webUrl));
  await target.chooseUser(page, email);
  await page.waitForURL(`${target.webUrl}/projects`);
}

async function accessToken(page: Page): Promise<string> {
  // Strings, not functions: the test compiles without DOM types, the browser evaluates them.
  const raw = await page.evaluate<string | null>("localStorage.getItem('khipu.session')");
  if (!raw) throw new Error('No session in localStorage');
  return (JSON.parse(raw) as { accessToken: string }).accessToken;
}

/** Another client (a colleague's browser, an integration) talking to the API directly with a token. */
async function api(
  token: string,
  apiPath: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${target.webUrl}/api${apiPath}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${apiPath}: ${response.status} ${await response.text()}`);
  return { body: (await response.json()) as { id: string; etag: string }, etag: response.headers.get('etag') ?? '' };
}

/** A form control by its visible label; required fields add " (required)" to it. */
function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\((required|obligatorio|obrigatório)\\))?$`));
}

async function addListItem(page: Page, label: string, value: string): Promise<void> {
  const input = field(page, label);
  await input.fill(value);
  await input.press('Enter');
}

async function makeJpeg(name: string, width: number, height: number): Promise<string> {
  const file = path.join(tempDir, name);
  const art = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#163a5b"/><stop offset="1" stop-color="#2d6aa3"/></linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      <circle cx="${width * 0.7}" cy="${height * 0.3}" r="${width * 0.12}" fill="#f4b942"/>
      <rect x="${width * 0.12}" y="${height * 0.62}" width="${width * 0.76}" height="${height * 0.05}" fill="#ffffff" opacity="0.85"/>
      <rect x="${width * 0.12}" y="${height * 0.72}" width="${width * 0.5}" height="${height * 0.03}" fill="#ffffff" opacity="0.6"/>
    </svg>`,
  );
  await sharp(art).jpeg({ quality: 85 }).toFile(file);
  return file;
}

describe('web app in a real browser', () => {
  let projectUrl = '';

  test('a creator signs in through the identity provider and lands on an empty projects list', async () => {
    const { context, page, problems } = await newSession();
    await page.goto(target.webUrl);
    await screenshot(page, '01-sign-in-landing');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.href.startsWith(target.webUrl));
    await screenshot(page, '02-identity-provider');
    await target.chooseUser(page, CREATOR);
    await page.waitForURL(`${target.webUrl}/projects`);
    await expectVisible(page.getByRole('heading', { name: 'Projects', level: 1 }));
    await expectVisible(page.getByRole('heading', { name: 'No projects yet' }));
    // The token never stays in the address bar or history.
    expect(page.url()).not.toContain('access_token');
    await screenshot(page, '03-projects-empty');

    await page.getByRole('button', { name: /Account menu for Rosa Mamani/ }).click();
    await expectText(page.getByTestId('user-role'), 'Creator');
    await expectText(page.getByTestId('user-tenant'), 'Andes Audio');
    await screenshot(page, '04-user-menu');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('creating a project shows the API field error next to the ISBN, then succeeds', async () => {
    const { context, page, problems } = await newSession();
    await signIn(page, CREATOR);
    await page.getByRole('link', { name: 'New project' }).first().click();
    await expectVisible(page.getByRole('heading', { name: 'New project', level: 1 }));
    await field(page, 'Title').fill('La ciudad y los perros');
    await field(page, 'Subtitle').fill('Novela');
    await addListItem(page, 'Authors', 'Mario Vargas Llosa');
    await addListItem(page, 'Narrators', 'Voz digital Camila');
    // The book language is a picker of the supported locales.
    await field(page, 'Book language').selectOption('es-PE');
    await field(page, 'Description').fill('Una novela sobre un colegio militar de Lima.');
    await addListItem(page, 'Keywords', 'Lima');
    await field(page, 'Publisher').fill('Editorial Andes');
    await field(page, 'Publication date').fill('1963');
    await field(page, 'Series name').fill('Clásicos peruanos');
    await field(page, 'Number in series').fill('1');
    await field(page, 'ISBN').fill(INVALID_ISBN);
    // The disclosure follows the book's language until someone edits it.
    expect(await field(page, 'Digital voice disclosure').inputValue()).toBe(
      'Este audiolibro está narrado por una voz digital.',
    );
    await page.getByRole('button', { name: 'Create project' }).click();

    const isbn = field(page, 'ISBN');
    await expectVisible(page.locator('#field-isbn-error'));
    expect(await isbn.getAttribute('aria-invalid')).toBe('true');
    expect(await isbn.getAttribute('aria-describedby')).toContain('field-isbn-error');
    expect(await page.locator('#field-isbn-error').textContent()).toMatch(/ISBN/);
    await expectVisible(page.getByRole('alert').filter({ hasText: 'Please correct 1 problem' }));
    await screenshot(page, '05-create-isbn-error');

    await isbn.fill(VALID_ISBN);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/(?!new$)[A-Za-z0-9_-]+$/);
    projectUrl = page.url();
    await expectVisible(page.getByRole('heading', { name: 'La ciudad y los perros', level: 1 }));
    await expectVisible(page.getByText('Project created.'));
    await expectVisible(page.getByRole('list', { name: 'Workflow' }));
    // The API normalizes the ISBN; the form shows what was stored.
    expect(await field(page, 'ISBN').inputValue()).toBe('9780306406157');
    await screenshot(page, '06-project-detail');
    expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
    await context.close();
  });

  test('editing saves with the ETag and a stale save offers to reload', async () => {
    const { context, page } = await newSession();
    await signIn(page, CREATOR);
    await page.goto(projectUrl);
    await field(page, 'Subtitle').fill('Novela (edición aniversario)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByText('Changes saved.'));
    expect(await field(page, 'Subtitle').inputValue()).toBe('Novela (edición aniversario)');
    await screenshot(page, '07-project-saved');

    // Someone else saves in between: this page's next save must not overwrite it silently.
    const token = await accessToken(page);
    const projectPath = `/v1/projects/${projectUrl.split('/').pop()}`;
    const current = await api(token, projectPath);
    await api(token, projectPath, {
      method: 'PATCH',
      json: { metadata: { subtitle: 'Cambiado por otra persona' } },
      headers: { 'if-match': current.etag },
    });

    await field(page, 'Publisher').fill('Editorial Pacífico');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.getByText('This project was changed by someone else'));
    await screenshot(page, '08-project-conflict');
    await page.getByRole('button', { name: 'Load latest version' }).click();
    await waitFor(async () => (await field(page, 'Subtitle').inputValue()) === 'Cambiado por otra persona');
    expect(await field(page, 'Publisher').inputValue()).toBe('Editorial Andes');
    await context.close();
  });

  test('uploading a cover shows the API verdict and a preview', async () => {
    const { context, page } = await newSession();
    await signIn(page, CREATOR);
    await page.goto(projectUrl);
    await field(page, 'Upload cover').setInputFiles(await makeJpeg('small.jpg', 1200, 900));
    await expectVisible(page.getByRole('alert').filter({ hasText: 'The cover was not accepted' }));
    await expectVisible(page.getByText(/square/i));
    await screenshot(page, '09-cover-rejected');

    await field(page, 'Upload cover').setInputFiles(await makeJpeg('cover.jpg', 2400, 2400));
    await expectVisible(page.getByText('Cover uploaded.'));
    const preview = page.getByRole('img', { name: 'Cover of La ciudad y los perros' });
    await waitFor(() => preview.evaluate(imageDecoded));
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    await expectVisible(page.getByText('2,400 × 2,400 px, JPEG'));
    await screenshot(page, '10-cover-preview');

    await page.getByRole('link', { name: 'Projects' }).first().click();
    const thumbnail = page.getByRole('row', { name: /La ciudad y los perros/ }).getByRole('img', { name: /Cover of/ });
    await waitFor(() => thumbnail.evaluate(imageDecoded));
    await screenshot(page, '11-projects-list');
    await context.close();
  });

  test('archiving removes the project from the active list and hides edit controls', async () => {
    const { context, page } = await newSession();
    await signIn(page, CREATOR);
    await page.goto(projectUrl);
    await page.getByRole('button', { name: 'Archive' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive this project?' });
    await expectVisible(dialog);
    await screenshot(page, '12-archive-confirm');
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await expectVisible(page.getByText('Project archived.'));
    await expectText(page.locator('.page__subtitle .badge'), 'Archived');
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    // Restoring is for administrators.
    expect(await page.getByRole('button', { name: 'Restore' }).count()).toBe(0);
    await screenshot(page, '13-project-archived');

    await page.goto(`${target.webUrl}/projects`);
    await expectVisible(page.getByRole('heading', { name: 'No projects yet' }));
    await field(page, 'Status').selectOption('archived');
    await expectVisible(page.getByRole('link', { name: 'La ciudad y los perros' }));
    await context.close();
  });

  test('a validator sees assigned projects without any edit control', async () => {
    const creator = await newSession();
    await signIn(creator.page, CREATOR);
    const token = await accessToken(creator.page);
    const created = await api(token, '/v1/projects', {
      method: 'POST',
      json: { metadata: { title: 'Tradiciones peruanas', authors: ['Ricardo Palma'], language: 'es-PE' } },
    });
    await api(token, `/v1/projects/${created.body.id}/members`, {
      method: 'PUT',
      json: { validatorIds: [VALIDATOR_ID] },
    });
    await creator.context.close();

    const { context, page, problems } = await newSession();
    await signIn(page, VALIDATOR);
    await expectVisible(page.getByRole('link', { name: 'Tradiciones peruanas' }));
    expect(await page.getByRole('link', { name: 'New project' }).count()).toBe(0);
    await screenshot(page, '14-validator-list');
    await page.getByRole('link', { name: 'Tradiciones peruanas' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Tradiciones peruanas', level: 1 }));
    await expectVisible(page.getByRole('term').filter({ hasText: 'Authors' }));
    for (const control of ['Save changes', 'Archive', 'Restore']) {
      expect(await page.getByRole('button', { name: control }).count()).toBe(0);
    }
    expect(await field(page, 'Upload cover').count()).toBe(0);
    expect(await page.locator('input, textarea').count()).toBe(0);
    await screenshot(page, '15-validator-detail');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('switching the language to es-PE relabels the app and is remembered', async () => {
    const { context, page } = await newSession();
    await signIn(page, CREATOR);
    await page.getByRole('button', { name: /Account menu for/ }).click();
    await field(page, 'Language').selectOption('es-PE');
    await expectVisible(page.getByRole('heading', { name: 'Proyectos', level: 1 }));
    expect(await page.getByRole('button', { name: 'Cerrar sesión' }).count()).toBe(1);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('es-PE');
    await page.keyboard.press('Escape');
    await page.reload();
    await expectVisible(page.getByRole('heading', { name: 'Proyectos', level: 1 }));
    await expectVisible(page.getByRole('link', { name: 'Nuevo proyecto' }));
    await field(page, 'Estado').selectOption('archived');
    await expectVisible(page.getByRole('columnheader', { name: 'Última actualización' }));
    await screenshot(page, '16-projects-es-PE');
    await page.getByRole('link', { name: 'La ciudad y los perros' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Flujo de trabajo' }));
    await screenshot(page, '17-project-detail-es-PE');

    await page.getByRole('button', { name: /Menú de la cuenta de/ }).click();
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await expectVisible(page.getByRole('button', { name: 'Iniciar sesión' }));
    await expectVisible(page.getByText('Cerraste sesión.'));
    await screenshot(page, '18-signed-out-es-PE');
    await context.close();
  });
});

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
  await waitFor(async () => ((await locator.first().textContent()) ?? '').includes(text));
  expect(await locator.first().textContent()).toContain(text);
}

/** Polls a condition the browser reaches asynchronously (image decoding, refetches); gives up after 20 s. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('Condition not met within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
