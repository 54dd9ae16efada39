/**
 * The operator's metrics page in headless Chromium against the local platform, after a production: reached from the
 * main navigation, its figures are the API's, a tenant can be picked from the per-tenant table, no serious
 * accessibility violation (axe), nothing left in English in es-PE and pt-BR. Screenshots go to
 * test-output/screenshots/metrics-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import type { MetricsReport } from '../../core/api/metrics';
import { axeViolations } from '../e2e/support/axe';
import { launchBrowser, screenshot } from '../e2e/support/browser';
import { englishLeftOn } from '../e2e/support/catalogue';
import { expectVisible, newSession, waitFor } from '../e2e/support/session';
import { assertWebBuilt } from '../e2e/support/target';
import { json, plannedBook, produce } from '../production/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { networkSettled } from '../e2e/support/network';

const OPERATOR = 'operator@khipu.test';
let platform: TestPlatform;
let browser: Browser;
let browserLaunched: Promise<Browser> | undefined;

beforeAll(async () => {
  assertWebBuilt();
  // The browser starts while the platform starts and the book is produced: neither waits on the other.
  browserLaunched = launchBrowser().then((launched) => (browser = launched));
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  platform = await startTestPlatform({ web: true });
  const { projectId } = await plannedBook(platform, { title: 'Metrics Page Book' });
  const job = await produce(platform, projectId, ['apple']);
  if (job.status !== 'succeeded') throw new Error(`production failed: ${JSON.stringify(job.error)}`);
  await browserLaunched;
}, 600_000);
afterAll(async () => {
  await browserLaunched?.catch(() => undefined);
  await browser?.close();
  await platform?.stop();
});

async function signInAsOperator(page: Page, signInLabel: string): Promise<void> {
  await page.goto(platform.urls.web!);
  await page.getByRole('button', { name: signInLabel }).click();
  await page.waitForURL((url) => !url.href.startsWith(platform.urls.web!));
  await page
    .getByRole('button', { name: /operator@khipu\.test/i })
    .first()
    .click();
  await page.waitForURL(`${platform.urls.web}/operator`);
}

async function checkPage(page: Page, name: string): Promise<void> {
  await networkSettled(page);
  await screenshot(page, name);
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
}

/** The text of one headline figure (its value and detail). */
async function figure(page: Page, label: string): Promise<string> {
  const headline = page.getByRole('region', { name: 'Headline figures' });
  return (await headline.locator('.stat', { has: page.getByText(label, { exact: true }) }).textContent()) ?? '';
}

test('the operator opens the metrics from the navigation, reads the API’s figures and narrows to one tenant', async () => {
  const session = await newSession(browser);
  const { page } = session;
  await signInAsOperator(page, 'Sign in');
  await page.getByRole('navigation').getByRole('link', { name: 'Metrics' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Platform metrics', level: 1 }));
  await page.getByLabel('Period').selectOption({ label: 'Today' });

  const platformWide = await json<MetricsReport>(await platform.api(OPERATOR, '/v1/operator/metrics?days=1'), 200);
  const characters = platformWide.figures.speech.billableCharacters;
  expect(characters).toBeGreaterThan(0);
  await expectVisible(page.getByText(characters.toLocaleString('en-US'), { exact: true }));
  expect(await figure(page, 'Speech requests')).toContain(platformWide.figures.speech.requests.toLocaleString('en-US'));
  await expectVisible(page.getByRole('rowheader', { name: 'Production' }));
  await checkPage(page, 'metrics-01-platform');

  await page.getByRole('button', { name: 'Show the figures of Andes Audio' }).click();
  await waitFor(async () => (await page.getByLabel('Tenant').inputValue()) === 't-andes', 30_000, 'Andes picked');
  const andes = await json<MetricsReport>(
    await platform.api(OPERATOR, '/v1/operator/metrics?days=1&tenantId=t-andes'),
    200,
  );
  await expectVisible(page.getByText(andes.figures.speech.billableCharacters.toLocaleString('en-US'), { exact: true }));
  await checkPage(page, 'metrics-02-tenant');
  expect(session.problems.filter((problem) => !/\b4\d\d\b/.test(problem))).toEqual([]);
  await session.context.close();
}, 300_000);

for (const [language, signInLabel, heading] of [
  ['es-PE', 'Iniciar sesión', 'Métricas de la plataforma'],
  ['pt-BR', 'Entrar', 'Métricas da plataforma'],
] as const) {
  test(`in ${language} the metrics page is translated`, async () => {
    const session = await newSession(browser, { locale: language });
    const { page } = session;
    await signInAsOperator(page, signInLabel);
    await page.goto(`${platform.urls.web}/operator/metrics`);
    await expectVisible(page.getByRole('heading', { name: heading, level: 1 }));
    await networkSettled(page);
    expect(await englishLeftOn(page, language)).toEqual([]);
    await screenshot(page, `metrics-${language}`);
    await session.context.close();
  }, 300_000);
}
