/**
 * The consent screen in real headless Chromium: with terms nobody has accepted yet, a member who signs in sees the
 * terms instead of the projects, can still download their own data from the account menu, and reaches the projects
 * once they accept.
 */
import fs from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, screenshot, watchPageErrors } from '../e2e/support/browser';
import { assertWebBuilt } from '../e2e/support/target';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

const TERMS = '2027-03';
const CREATOR = 'creator@andes.test';

jest.setTimeout(180_000);

let platform: TestPlatform;
let browser: Browser;
let browserLaunched: Promise<Browser> | undefined;

beforeAll(async () => {
  assertWebBuilt();
  // The browser starts while the platform starts: neither waits on the other.
  browserLaunched = launchBrowser().then((launched) => (browser = launched));
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  platform = await startTestPlatform({ web: true, env: { TERMS_VERSION: TERMS } });
  await browserLaunched;
});
afterAll(async () => {
  await browserLaunched?.catch(() => undefined);
  await browser?.close();
  await platform?.stop();
});

async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

test('a member accepts the terms before first use, and can export their data from the account menu', async () => {
  const webUrl = platform.urls.web!;
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems = watchPageErrors(page);
  await page.goto(webUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.href.startsWith(webUrl));
  await page.getByRole('button', { name: new RegExp(CREATOR.replace(/\./g, '\\.'), 'i') }).click();
  await page.waitForURL(`${webUrl}/projects`);

  await expectVisible(page.getByRole('heading', { name: 'Terms of service and privacy notice', level: 1 }));
  await expectVisible(page.getByText(`Terms version ${TERMS}`));
  expect(await page.getByRole('heading', { name: 'Projects', level: 1 }).count()).toBe(0);
  await screenshot(page, 'privacy-01-consent');

  // Their own data is theirs to take, before consent too.
  await page.getByRole('button', { name: /Account menu for/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export my data' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^khipu-personal-data-u-andes-creator-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { profile: { email: string } };
  expect(exported.profile.email).toBe(CREATOR);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'I accept' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Projects', level: 1 }));
  await screenshot(page, 'privacy-02-accepted');
  // Accepted once: signing in again goes straight to the projects.
  await page.reload();
  await expectVisible(page.getByRole('heading', { name: 'Projects', level: 1 }));
  expect(problems).toEqual([]);
  await context.close();
});
