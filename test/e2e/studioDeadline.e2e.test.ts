import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { jobSucceeded, plannedMillBook } from './support/plannedBook';
import { producerPlatformForFile } from './support/producerPlatform';
import { accessToken, expectVisible, newSession } from './support/session';
import { networkSettled } from './support/network';

/**
 * What a producer with a deadline met on a produced book, in a real browser: the package table's lengths on one line,
 * a chapter title of three lines shown whole in the chapter list, and the production form's chapter range on one line
 * on a 390-px phone. One platform, one small book (two chapters), produced once. Screenshots go to
 * test-output/screenshots/.
 */

const TITLE = 'The Mill at the Deadline';
/** Three lines in the chapter list's column at 1280 px: a title cut after two lost the words that told it apart. */
const LONG_TITLE =
  'Chapter 1: In Which Margaret and Thomas Walk Down to the Old Mill by the River and Talk of the Harvest, the Weather and the Miller';

jest.setTimeout(300_000);

const platform = producerPlatformForFile();
let projectId = '';

/** How many lines the text of each element matching `selector` takes, as the browser laid it out. */
async function linesOf(page: Page, selector: string): Promise<{ text: string; lines: number }[]> {
  // Run in the page (the test code is compiled without the DOM's types, as the other browser suites are).
  return page.evaluate<
    { text: string; lines: number }[]
  >(`Array.from(document.querySelectorAll(${JSON.stringify(selector)}))
    .map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
      return { text: element.textContent || '', lines: tops.size };
    })`);
}

beforeAll(async () => {
  const { api, target } = platform;
  projectId = await plannedMillBook(api, { title: TITLE, authors: ['E. Example'] }, 120_000);
  const chapters = await api<{ items: { id: string; etag: string }[] }>(`/v1/projects/${projectId}/chapters`);
  const first = chapters.items[0];
  const token = await accessToken(platform.producer.page);
  const renamed = await fetch(`${target.webUrl}/api/v1/projects/${projectId}/chapters/${first.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': first.etag },
    body: JSON.stringify({ title: LONG_TITLE }),
  });
  expect(renamed.status).toBe(200);
  const started = await api<{ job: { id: string } }>(`/v1/projects/${projectId}/productions`, {
    method: 'POST',
    json: { platforms: ['apple', 'acx'], allowUnknownSpeakers: true },
  });
  await jobSucceeded(api, projectId, started, 180_000);
});

describe('a produced book at a deadline', () => {
  test('the package table keeps each length on one line at 1280 px', async () => {
    const { page } = platform.producer;
    await page.goto(`${platform.target.webUrl}/projects/${projectId}/delivery`);
    await expectVisible(page.getByRole('heading', { name: TITLE, level: 1 }));
    await networkSettled(page);
    await expectVisible(page.locator('td[data-label="Length"]').first());
    await screenshot(page, 'deadline-01-delivery-1280');
    const lengths = await linesOf(page, 'td[data-label="Length"]');
    expect(lengths.length).toBeGreaterThan(0);
    expect(lengths.filter((cell) => cell.lines !== 1)).toEqual([]);
  });

  test('the chapter list shows a three-line title whole at 1280 px', async () => {
    const { page } = platform.producer;
    await page.goto(`${platform.target.webUrl}/projects/${projectId}/chapters`);
    const title = page.locator('.chapter-list__title', { hasText: 'In Which Margaret' });
    await expectVisible(title);
    await screenshot(page, 'deadline-02-chapter-list-1280');
    const [laidOut] = await linesOf(page, '.chapter-list__title');
    expect(laidOut.lines).toBeGreaterThanOrEqual(3);
    const cut = await title.evaluate((element) => element.scrollHeight > element.clientHeight + 1);
    expect(cut).toBe(false);
  });

  test('on a 390-px phone the production form’s chapter range stays on one line', async () => {
    const phone = await newSession(platform.browser, { width: 390, height: 844 });
    try {
      await phone.page.addInitScript(
        `localStorage.setItem('khipu.session', ${JSON.stringify(
          await platform.producer.page.evaluate<string>("localStorage.getItem('khipu.session')"),
        )})`,
      );
      await phone.page.goto(`${platform.target.webUrl}/projects/${projectId}/production`);
      await expectVisible(phone.page.getByRole('heading', { name: 'Production', level: 2 }));
      await phone.page.getByLabel('A selection').check();
      const bounds = phone.page.locator('.chapter-selection__range');
      await expectVisible(bounds.getByLabel('From chapter'));
      await bounds.scrollIntoViewIfNeeded();
      await screenshot(phone.page, 'deadline-03-range-390');
      const tops = await bounds.evaluate((fieldset) =>
        ['label[for="selection-from"]', '#selection-from', 'label[for="selection-to"]', '#selection-to'].map(
          (selector) => {
            const box = fieldset.querySelector(selector)!.getBoundingClientRect();
            return Math.round(box.top + box.height / 2);
          },
        ),
      );
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
      const wider = await phone.page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
      expect(wider).toBe(false);
    } finally {
      await phone.context.close();
    }
  });

  test('nothing broke in the producer’s browser', () => {
    expect(platform.producer.problems).toEqual([]);
  });
});
