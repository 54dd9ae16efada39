import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { bearerApi, jobSucceeded, plannedMillBook, type BearerApi } from './support/plannedBook';
import { accessToken, expectVisible, newSession, signIn, type E2eSession } from './support/session';
import { startPlatformTarget, type E2eTarget } from './support/target';
import { networkSettled } from './support/network';

/**
 * A producer with a deadline on a tablet, with a book produced in its first chapter: the delivery page's short tables
 * (a retailer's rules, four columns) stay tables at 768 px, where only a table whose columns do not fit becomes
 * cards, and no table is wider than its box; a download says which file is on its way; a failed rule links to the
 * step that fixes it; a long chapter title shows whole in the chapter list at 1024 px; the Spanish publication date
 * hint keeps each date format on one line at every width. Screenshots go to test-output/screenshots/.
 */

const CREATOR = 'creator@andes.test';
const TITLE = 'A Tablet Walk to the Mill';

jest.setTimeout(300_000);

let target: E2eTarget;
let browser: Browser;
let producer: E2eSession;
let projectId = '';
let api: BearerApi;

beforeAll(async () => {
  const browserLaunched = launchBrowser();
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  target = await startPlatformTarget();
  browser = await browserLaunched;
  producer = await newSession(browser, { locale: 'en-US', width: 768, height: 1024 });
  await signIn(target, producer.page, CREATOR);
  api = bearerApi(target.webUrl, await accessToken(producer.page));
  projectId = await plannedMillBook(api, { title: TITLE, authors: ['E. Example'] }, 120_000);
  const chapters = await api<{ items: { id: string }[] }>(`/v1/projects/${projectId}/chapters`);
  const started = await api<{ job: { id: string } }>(`/v1/projects/${projectId}/productions`, {
    method: 'POST',
    json: { platforms: ['apple'], chapterIds: [chapters.items[0].id], allowUnknownSpeakers: true },
  });
  await jobSucceeded(api, projectId, started, 180_000);
});

afterAll(async () => {
  await producer?.context.close();
  await browser?.close();
  await target?.stop();
});

/**
 * Each table's caption or section title, whether it shows as cards, how far it runs past its box, and how far it would
 * as a table (negative: the room it would have left).
 */
async function tables(page: Page): Promise<{ name: string; cards: boolean; overflow: number; asTable: number }[]> {
  return page.evaluate(`Array.from(document.querySelectorAll('.table-scroll')).map((box) => {
    const table = box.querySelector('table');
    const cards = table.classList.contains('data-table--cards');
    const overflow = box.scrollWidth - box.clientWidth;
    table.classList.remove('data-table--cards');
    const asTable = box.scrollWidth - box.clientWidth;
    if (cards) table.classList.add('data-table--cards');
    return {
      name: (table.caption?.textContent ?? box.closest('section')?.querySelector('h2, h3')?.textContent ?? '?').trim(),
      cards: table.tHead.getBoundingClientRect().height <= 1,
      overflow,
      asTable,
    };
  })`);
}

describe('a producer on a 768-px tablet', () => {
  test('the delivery page keeps its short tables as tables, and no table runs past its box', async () => {
    const { page } = producer;
    await page.goto(`${target.webUrl}/projects/${projectId}/delivery`);
    await expectVisible(page.getByRole('button', { name: /^Download/ }));
    await networkSettled(page);
    const shown = await tables(page);
    await screenshot(page, 'walk6-01-tablet-delivery');
    expect(shown.map((table) => table.overflow)).toEqual(shown.map(() => 0));
    expect(shown.find((table) => table.name === 'Readiness of the Apple Books package')).toEqual(
      expect.objectContaining({ cards: false }),
    );
    // The download stays inside the packages' box, whichever way that table shows.
    const download = await page.getByRole('button', { name: /^Download/ }).boundingBox();
    const box = await page.locator('.table-scroll').last().boundingBox();
    expect(download !== null && box !== null && download.x + download.width <= box.x + box.width).toBe(true);

    // A download says which file is on its way; the browser's own sign of it is easy to miss.
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download/ }).click();
    expect((await downloaded).suggestedFilename()).toBe(`${TITLE}.m4b`);
    await expectVisible(page.getByText(`Downloading ${TITLE}.m4b`, { exact: false }));

    // The failed cover rule takes the producer to the step where a cover is uploaded.
    await page.getByRole('link', { name: 'Open the Book step' }).click();
    await page.waitForURL(`${target.webUrl}/projects/${projectId}/`);
    await expectVisible(page.getByRole('heading', { name: 'Cover' }));
  });

  test('at 1024 px the chapter list shows a long chapter title whole, on two lines', async () => {
    const { page } = producer;
    const chapters = await api<{ items: { id: string; etag: string }[] }>(`/v1/projects/${projectId}/chapters`);
    const second = chapters.items[1];
    const renamed = await fetch(`${target.webUrl}/api/v1/projects/${projectId}/chapters/${second.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${await accessToken(page)}`,
        'content-type': 'application/json',
        'if-match': second.etag,
      },
      body: JSON.stringify({ title: 'Stave Two: The First of the Three Spirits' }),
    });
    expect(renamed.status).toBe(200);
    await page.setViewportSize({ width: 1024, height: 900 });
    await page.goto(`${target.webUrl}/projects/${projectId}/chapters`);
    const title = page.locator('.chapter-list__title', { hasText: 'Stave Two' });
    await expectVisible(title);
    const cut = await page.evaluate<boolean>(`(() => {
      const title = Array.from(document.querySelectorAll('.chapter-list__title'))
        .find((element) => element.textContent.includes('Stave Two'));
      return title.scrollWidth > title.clientWidth || title.scrollHeight > title.clientHeight;
    })()`);
    await screenshot(page, 'walk6-02-chapter-titles');
    expect(cut).toBe(false);
  });

  test('the Spanish publication date hint keeps each date format on one line at every width', async () => {
    const spanish = await newSession(browser, { locale: 'es-PE', width: 768, height: 1024 });
    await spanish.page.addInitScript(
      `localStorage.setItem('khipu.session', ${JSON.stringify(
        await producer.page.evaluate<string>("localStorage.getItem('khipu.session')"),
      )})`,
    );
    const { page } = spanish;
    await page.goto(`${target.webUrl}/projects/new`);
    const hint = page.getByText('AAAA, AAAA-MM o AAAA-MM-DD.');
    await expectVisible(hint);
    const broken: number[] = [];
    // Resizing the one page, not loading it again, walks every column width the form's grid gives the field.
    for (let width = 360; width <= 1440; width += 8) {
      await page.setViewportSize({ width, height: 1024 });
      // Run in the page, hence a string: the lines the format's own characters take, wherever its text nodes are (in
      // one of its own with the fix, inside the hint's one text node before it).
      const lines = await page.evaluate<number>(`(() => {
        const hint = Array.from(document.querySelectorAll('.field__hint'))
          .find((element) => element.textContent === 'AAAA, AAAA-MM o AAAA-MM-DD.');
        const start = hint.textContent.indexOf('AAAA-MM-DD');
        const end = start + 'AAAA-MM-DD'.length;
        const range = document.createRange();
        let offset = 0;
        const walker = document.createTreeWalker(hint, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent.length;
          if (start >= offset && start < offset + length) range.setStart(node, start - offset);
          if (end > offset && end <= offset + length) range.setEnd(node, end - offset);
          offset += length;
        }
        return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
      })()`);
      if (lines > 1) broken.push(width);
    }
    await screenshot(page, 'walk6-03-spanish-date-hint');
    await spanish.context.close();
    expect(broken).toEqual([]);
  });

  test('nothing broke in the producer’s browser', () => {
    expect(producer.problems.filter((problem) => !/\b4\d\d\b/.test(problem))).toEqual([]);
  });
});
