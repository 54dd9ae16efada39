import type { Page, Request } from 'playwright-core';

/**
 * What a page has asked of the network and not yet received, followed from the moment the page opens. It lets a test
 * wait until the page's own requests are answered without Playwright's `networkidle`, which waits for half a second of
 * silence after the last one: about a second per page visited, a third of a browser suite's time.
 */
interface RequestWatch {
  inFlight: Set<Request>;
  /** Requests started so far: one started while the page was asked for a frame means it is not done yet. */
  started: number;
  /** When a request last started or ended (Date.now()). */
  lastActivity: number;
}

const watches = new WeakMap<Page, RequestWatch>();

/** Playwright's `networkidle` leaves the favicon out too: the browser asks for it on its own, and may never finish. */
const countsAsThePages = (request: Request) =>
  !request.url().startsWith('data:') && !/\/favicon\.ico$/.test(request.url());

/** Follows a page's requests from now on (idempotent); `newSession` does it for every page of its context. */
export function watchRequests(page: Page): void {
  if (watches.has(page)) return;
  const watch: RequestWatch = { inFlight: new Set(), started: 0, lastActivity: Date.now() };
  watches.set(page, watch);
  page.on('request', (request) => {
    if (!countsAsThePages(request)) return;
    watch.inFlight.add(request);
    watch.started += 1;
    watch.lastActivity = Date.now();
  });
  const ended = (request: Request) => {
    if (watch.inFlight.delete(request)) watch.lastActivity = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the page has no request in flight, none has started or ended for `quietMs`, and the page has drawn two
 * frames without starting another (a request that a response leads to, such as a query enabled by another's answer,
 * starts from the render that answer causes). Like the `networkidle` wait it replaces, it gives up quietly after
 * `timeoutMs`: a page that keeps a request open (a stream, a poll) goes on to the test's own assertions. A page not
 * followed by `watchRequests` falls back to `networkidle`.
 */
export async function networkSettled(
  page: Page,
  options: { quietMs?: number; timeoutMs?: number } = {},
): Promise<void> {
  const { quietMs = 100, timeoutMs = 30_000 } = options;
  const watch = watches.get(page);
  if (!watch) {
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const quietFor = Date.now() - watch.lastActivity;
    if (watch.inFlight.size > 0 || quietFor < quietMs) {
      await pause(watch.inFlight.size > 0 ? 20 : quietMs - quietFor);
      continue;
    }
    const started = watch.started;
    // Two frames (bounded, should the page not be drawing), as `drawn` waits for: what the last answer rendered has run.
    await page
      .evaluate(
        `new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(resolve)); setTimeout(resolve, 250); })`,
      )
      .catch(() => undefined);
    if (watch.started === started && watch.inFlight.size === 0) return;
  }
}
