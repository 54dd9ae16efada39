import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { networkSettled } from './network';
import { newSession } from './session';

/**
 * `networkSettled` stands in for Playwright's `networkidle` in the browser suites: it must not return while the page
 * still waits for an answer, nor before a request that an answer leads to has been answered too.
 */

let browser: Browser;
let server: http.Server;
let origin = '';
/** What the server has answered, in order. */
const answered: string[] = [];
const answerLater = (res: http.ServerResponse, path: string, ms: number) =>
  setTimeout(() => {
    answered.push(path);
    res.end('{}');
  }, ms);

jest.setTimeout(60_000);

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/chain') {
      res.setHeader('content-type', 'text/html');
      // The second request starts only once the first is answered and a render has run, as a dependent query does.
      res.end(`<!doctype html><script>
        fetch('/first').then((r) => r.text()).then(() =>
          requestAnimationFrame(() => setTimeout(() => fetch('/second'), 0)));
      </script>`);
    } else if (req.url === '/open') {
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><script>fetch('/never')</script>`);
    } else if (req.url === '/first') answerLater(res, '/first', 200);
    else if (req.url === '/second') answerLater(res, '/second', 400);
    else if (req.url === '/never') answered.push('/never asked');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

test('returns only once every request, and the one its answer led to, has been answered', async () => {
  answered.length = 0;
  const { context, page } = await newSession(browser);
  await page.goto(`${origin}/chain`);
  await networkSettled(page);
  expect(answered).toEqual(['/first', '/second']);
  await context.close();
});

test('gives up quietly on a page that keeps a request open, as the networkidle wait did', async () => {
  answered.length = 0;
  const { context, page } = await newSession(browser);
  await page.goto(`${origin}/open`);
  await expect(networkSettled(page, { timeoutMs: 1_000 })).resolves.toBeUndefined();
  expect(answered).toEqual(['/never asked']);
  await context.close();
});
