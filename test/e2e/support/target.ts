import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** What the browser tests need from whatever serves the app: where it is, how to pick a user, how to stop it. */
export interface E2eTarget {
  /** The web app's origin; `${webUrl}/api` reaches the API through the same proxy the browser uses. */
  webUrl: string;
  /** On the identity provider's sign-in page, signs in as the seeded user with this email. */
  chooseUser(page: Page, email: string): Promise<void>;
  stop(): Promise<void>;
}

export const WEB_DIST = path.resolve(__dirname, '..', '..', '..', 'web', 'dist');

export function assertWebBuilt(): void {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: run \`npm run build -w web\` before the browser tests.`);
  }
}

/** Both the dev IdP's page and any look-alike list users as buttons carrying their email. */
async function clickUserButton(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') }).click();
}

/** The whole local platform as `npm start` runs it (emulators, Functions host, dev IdP, web server). */
export async function startPlatformTarget(): Promise<E2eTarget> {
  assertWebBuilt();
  const { startTestPlatform } = await import('../../support/testPlatform');
  const platform = await startTestPlatform({ web: true });
  if (!platform.urls.web) {
    await platform.stop();
    throw new Error('The test platform did not start the web server');
  }
  return { webUrl: platform.urls.web, chooseUser: clickUserButton, stop: () => platform.stop() };
}
