import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pollBackoff } from '../../support/polling';
import { watchPageErrors } from './browser';
import { watchRequests } from './network';
import type { E2eTarget } from './target';

export interface E2eSession {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/**
 * A fresh browser profile (no cookies, no storage) at a viewport size, in a UI language. Every page opened in it has
 * its requests followed from its start, for `networkSettled`.
 */
export async function newSession(
  browser: Browser,
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<E2eSession> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
  });
  context.on('page', watchRequests);
  const page = await context.newPage();
  watchRequests(page);
  return { context, page, problems: watchPageErrors(page) };
}

/** Signs in through the identity provider's page, as a person would; lands on the projects list. */
export async function signIn(target: E2eTarget, page: Page, email: string, signInLabel = 'Sign in'): Promise<void> {
  await page.goto(target.webUrl);
  await page.getByRole('button', { name: signInLabel }).click();
  await page.waitForURL((url) => !url.href.startsWith(target.webUrl));
  await target.chooseUser(page, email);
  await page.waitForURL(`${target.webUrl}/projects`);
}

/** The bearer token the web app keeps (for arranging data through the API as another client would). */
export async function accessToken(page: Page): Promise<string> {
  const raw = await page.evaluate<string | null>("localStorage.getItem('khipu.session')");
  if (!raw) throw new Error('No session in localStorage');
  return (JSON.parse(raw) as { accessToken: string }).accessToken;
}

export async function expectVisible(locator: ReturnType<Page['locator']>, timeout = 30_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** Polls a condition the browser reaches asynchronously; gives up after `timeoutMs`. */
export async function waitFor(
  condition: () => Promise<boolean>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pause = pollBackoff(150);
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs / 1000} s`);
    await pause();
  }
}
