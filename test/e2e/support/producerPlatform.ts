import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { bearerApi, type BearerApi } from './plannedBook';
import { accessToken, newSession, signIn, type E2eSession } from './session';
import { startPlatformTarget, type E2eTarget } from './target';

export const CREATOR = 'creator@andes.test';

/** What a browser test of one producer needs: the platform, a browser, the producer's page and their API. */
export interface ProducerPlatform {
  target: E2eTarget;
  browser: Browser;
  producer: E2eSession;
  api: BearerApi;
}

/**
 * Starts the local platform and a browser before the file's tests and signs the producer in (1280 px, English); stops
 * them after. The fields are filled in by the time a test runs.
 */
export function producerPlatformForFile(email = CREATOR): ProducerPlatform {
  const platform = {} as ProducerPlatform;
  let browserLaunched: Promise<Browser> | undefined;
  beforeAll(async () => {
    // The browser starts while the platform starts: neither waits on the other.
    browserLaunched = launchBrowser().then((launched) => (platform.browser = launched));
    // Its failure is reported where it is awaited, below.
    browserLaunched.catch(() => undefined);
    platform.target = await startPlatformTarget();
    platform.producer = await newSession(await browserLaunched);
    await signIn(platform.target, platform.producer.page, email);
    platform.api = bearerApi(platform.target.webUrl, await accessToken(platform.producer.page));
  });
  afterAll(async () => {
    await platform.producer?.context.close();
    await browserLaunched?.catch(() => undefined);
    await platform.browser?.close();
    await platform.target?.stop();
  });
  return platform;
}
