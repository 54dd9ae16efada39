import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { bearerApi, jobSucceeded, plannedMillBook, type BearerApi } from './support/plannedBook';
import { accessToken, expectVisible, newSession, signIn, type E2eSession } from './support/session';
import { startPlatformTarget, type E2eTarget } from './support/target';
import { networkSettled } from './support/network';

/**
 * What a producer meets after a first production, on the whole local platform: a small book of which only the first
 * chapter was produced is listed as produced in part, with the count, while another tenant's producer, signed in at
 * the same time, does not see it; an admin reads the people of the organization on a 390-px phone. Screenshots go to
 * test-output/screenshots/.
 */

const CREATOR = 'creator@andes.test';
const OTHER_TENANT_CREATOR = 'creator@pampa.test';
const TITLE = 'A Short Walk to the Mill';

jest.setTimeout(240_000);

let target: E2eTarget;
let browser: Browser;
let browserLaunched: Promise<Browser> | undefined;
let producer: E2eSession;
let token = '';
let projectId = '';

let api: BearerApi;
const finished = (started: { job: { id: string } }) => jobSucceeded(api, projectId, started, 120_000);

/** How many lines of text each element's own text takes on screen (run in the page, hence a string). */
async function renderedLines(page: Page, selector: string): Promise<Record<string, number>> {
  return page.evaluate<Record<string, number>>(`(() => {
    const lines = {};
    for (const element of document.querySelectorAll(${JSON.stringify(selector)})) {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
      lines[element.textContent.trim()] = tops.size;
    }
    return lines;
  })()`);
}

beforeAll(async () => {
  // The browser starts while the platform starts: neither waits on the other.
  browserLaunched = launchBrowser().then((launched) => (browser = launched));
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  target = await startPlatformTarget();
  producer = await newSession(await browserLaunched, { locale: 'es-PE' });
  await signIn(target, producer.page, CREATOR, 'Iniciar sesión');
  token = await accessToken(producer.page);
  api = bearerApi(target.webUrl, token);
});

afterAll(async () => {
  await producer?.context.close();
  await browserLaunched?.catch(() => undefined);
  await browser?.close();
  await target?.stop();
});

describe('after a first production', () => {
  test('a book produced in its first chapter only is listed as produced in part, and only to its own tenant', async () => {
    projectId = await plannedMillBook(api, { title: TITLE, authors: ['E. Example'] }, 120_000);
    const chapters = await api<{ items: { id: string }[] }>(`/v1/projects/${projectId}/chapters`);
    expect(chapters.items).toHaveLength(2);
    await finished(
      await api(`/v1/projects/${projectId}/productions`, {
        method: 'POST',
        json: { platforms: ['apple'], chapterIds: [chapters.items[0].id], allowUnknownSpeakers: true },
      }),
    );

    // The other tenant's producer is signed in at the same time, in a browser of their own.
    const other = await newSession(browser, { locale: 'pt-BR' });
    await signIn(target, other.page, OTHER_TENANT_CREATOR, 'Entrar');

    const { page } = producer;
    await page.goto(`${target.webUrl}/projects`);
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await expectVisible(row.getByText('Producido en parte: 1 de 2 capítulos'));
    expect(await row.getByText('Produciendo').count()).toBe(0);
    await screenshot(page, 'producer-01-list-partly-produced');

    await other.page.goto(`${target.webUrl}/projects`);
    await expectVisible(other.page.getByRole('heading', { name: 'Projetos', level: 1 }));
    await networkSettled(other.page);
    expect(await other.page.getByText(TITLE).count()).toBe(0);
    await screenshot(other.page, 'producer-02-other-tenant-list');
    await other.context.close();
  });

  test('an admin on a 390-px phone reads each person’s e-mail address whole, on one line', async () => {
    const admin = await newSession(browser, { locale: 'pt-BR', width: 390, height: 844 });
    await signIn(target, admin.page, 'admin@andes.test', 'Entrar');
    await admin.page.goto(`${target.webUrl}/admin/users`);
    await expectVisible(admin.page.getByText('validator@andes.test'));
    const lines = await renderedLines(admin.page, '.admin__email');
    expect(Object.keys(lines)).toEqual(expect.arrayContaining(['admin@andes.test', 'validator@andes.test']));
    expect(lines).toEqual(Object.fromEntries(Object.keys(lines).map((email) => [email, 1])));
    // Each person's role can still be changed on the phone: the picker is on screen, not scrolled away.
    const picker = await admin.page
      .getByLabel(/^Papel de /)
      .first()
      .boundingBox();
    expect(picker !== null && picker.x >= 0 && picker.x + picker.width <= 390).toBe(true);
    expect(await admin.page.evaluate<number>('document.documentElement.scrollWidth')).toBe(390);
    await screenshot(admin.page, 'producer-03-phone-admin-users');
    await admin.context.close();
  });

  test('a producer on a 390-px phone sees each character’s voice picker and the plan’s chapter controls whole', async () => {
    const phone = await newSession(browser, { locale: 'es-PE', width: 390, height: 844 });
    await phone.page.addInitScript(
      `localStorage.setItem('khipu.session', ${JSON.stringify(
        await producer.page.evaluate<string>("localStorage.getItem('khipu.session')"),
      )})`,
    );
    await phone.page.goto(`${target.webUrl}/projects/${projectId}/casting`);
    await expectVisible(phone.page.getByLabel(/^Voz de /));
    // Whole means inside the box that scrolls the table: a picker running past it is cut off on the phone.
    const cut = await phone.page.evaluate<
      string[]
    >(`Array.from(document.querySelectorAll('select[id^="voice-"][id$="-voice"]'))
      .filter((picker) => {
        const box = picker.getBoundingClientRect();
        const frame = picker.closest('.table-scroll').getBoundingClientRect();
        return box.left < frame.left || box.right > frame.right;
      })
      .map((picker) => picker.id)`);
    expect(await phone.page.getByLabel(/^Voz de /).count()).toBeGreaterThanOrEqual(2);
    expect(cut).toEqual([]);
    await screenshot(phone.page, 'producer-04-phone-casting');

    // The plan's chapter controls, whose button says there is no other chapter to check, stay inside their box.
    await phone.page.goto(`${target.webUrl}/projects/${projectId}/plan`);
    await expectVisible(phone.page.locator('.plan__chapters .button'));
    const overflow = await phone.page.evaluate<number>(`(() => {
      const controls = document.querySelector('.plan__chapters');
      const widest = Math.max(...Array.from(controls.children).map((child) => child.getBoundingClientRect().right));
      return Math.max(0, Math.round(widest - controls.getBoundingClientRect().right));
    })()`);
    expect(overflow).toBe(0);
    await screenshot(phone.page, 'producer-05-phone-plan');
    await phone.context.close();
  });

  test('nothing broke in the producer’s browser', () => {
    expect(producer.problems.filter((problem) => !/\b4\d\d\b/.test(problem))).toEqual([]);
  });
});
