import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { accessToken, expectVisible, newSession, signIn, waitFor, type E2eSession } from './support/session';
import { bearerApi, jobSucceeded, type BearerApi } from './support/plannedBook';
import { startPlatformTarget, type E2eTarget } from './support/target';

/**
 * A producer with a book nobody has seen, a play in two acts: uploaded in the browser, the import report says what it
 * kept in the book's terms and opens the left-out sections for restoring; the characters page says the narrator reads
 * the narration, and a stray entry is merged into the character it most likely is, offered first; casting says who
 * each character is beside the voice picker, offers only the pool's voices in the book's language, and fits a 390-px
 * phone; a deleted character's lines are flagged and the review page links them to the plan. Screenshots go to test-output/screenshots/.
 */

const CREATOR = 'creator@andes.test';
const PLAY = path.resolve(__dirname, '..', 'manuscript', 'fixtures', 'chapters', 'en-play-acts.txt');

jest.setTimeout(300_000);

let target: E2eTarget;
let browser: Browser;
let producer: E2eSession;
let api: BearerApi;
let projectId = '';

const studio = (step: string) => `${target.webUrl}/projects/${projectId}/${step}`;
const sidewaysScroll = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

beforeAll(async () => {
  const browserLaunched = launchBrowser();
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  target = await startPlatformTarget();
  browser = await browserLaunched;
  producer = await newSession(browser);
  await signIn(target, producer.page, CREATOR);
  api = bearerApi(target.webUrl, await accessToken(producer.page));
  ({ id: projectId } = await api<{ id: string }>('/v1/projects', {
    method: 'POST',
    json: { metadata: { title: 'The Lantern-Maker', authors: ['Edith Marlowe'], language: 'en-US' } },
  }));
});

afterAll(async () => {
  await producer?.context.close();
  await browser?.close();
  await target?.stop();
});

describe('a play nobody has seen, from manuscript to casting', () => {
  test('the import report says what was kept in the book’s terms and opens what was left out for restoring', async () => {
    const { page } = producer;
    await page.goto(studio('manuscript'));
    await page.getByLabel('Choose a file').setInputFiles(PLAY);
    await expectVisible(page.getByText('Import finished: 3 chapters found.'), 120_000);
    const report = page.getByRole('region', { name: 'What the import found' });
    await expectVisible(report.getByText('1 front matter section and 2 chapters'));
    await screenshot(page, 'unseen-01-import-report');

    await report.getByRole('link', { name: 'See them and restore one' }).click();
    await page.waitForURL(/\/chapters\?deleted=shown$/);
    const leftOut = page.getByRole('list', { name: 'Deleted chapters' });
    await expectVisible(leftOut.getByRole('button', { name: /^Restore / }));
    await screenshot(page, 'unseen-02-left-out-sections');
  });

  test('the narrator reads the narration, and a stray entry is merged into the character it most likely is', async () => {
    const { page } = producer;
    await page.goto(studio('characters'));
    await page.getByRole('button', { name: 'Detect characters' }).click();
    const cards = page.getByRole('list', { name: 'Characters' });
    const done = page.getByText(/^Detection finished: \d+ speaking characters, the narrator included\./);
    await expectVisible(done, 120_000);
    // The page counts what the navigation counts (it said "74 characters" where the navigation said "60 speaking").
    const speaking = /(\d+) speaking characters/.exec((await done.textContent()) ?? '')?.[1];
    await expectVisible(
      page.getByRole('navigation', { name: 'Workflow' }).getByText(new RegExp(`· ${speaking} speaking characters$`)),
    );
    await expectVisible(cards.getByRole('listitem', { name: 'Narrator' }).getByText(/Reads the narration/));

    // The entry a detection would leave for a misspelt name in one line.
    await page.getByRole('button', { name: 'Add a character' }).click();
    const add = page.getByRole('dialog', { name: 'Add a character' });
    await add.getByLabel('Name', { exact: true }).fill('Margory');
    await add.getByRole('button', { name: 'Save' }).click();
    // No line of hers yet: she is listed apart, among the characters who never speak.
    const stray = page
      .getByRole('list', { name: 'Characters who never speak' })
      .getByRole('listitem', { name: 'Margory' });
    await stray.getByRole('button', { name: 'Merge Margory into…' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge Margory into another character' });
    const into = merge.getByLabel('Merge into');
    expect(await into.locator('option:checked').textContent()).toBe('Margery (3 lines)');
    await screenshot(page, 'unseen-03-merge-offers-likeliest');
    await merge.getByRole('button', { name: 'Merge', exact: true }).click();
    await stray.waitFor({ state: 'detached' });
    await expectVisible(cards.getByRole('listitem', { name: 'Margery' }).getByText('Margory'));
  });

  test('casting says who each character is, and offers only the pool’s voices in the book’s language', async () => {
    const { page } = producer;
    await page.goto(studio('casting'));
    await expectVisible(page.getByRole('rowheader', { name: /^Margery/ }));
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(
      expect.arrayContaining(['NarratorReads the narration', 'MargeryFemale · Adult · 3 lines']),
    );
    await page.getByRole('button', { name: 'Cast automatically' }).click();
    const margery = page.getByLabel('Voice for Margery');
    await waitFor(async () => (await margery.inputValue()) !== '', 60_000, 'a voice for Margery');
    const offered = await margery.locator('option').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((name) => !/^en-/.test(name))).toEqual([]);
    await screenshot(page, 'unseen-04-casting');
  });

  test('a deleted character’s lines are flagged, and the review page links them to the plan', async () => {
    const { page } = producer;
    await jobSucceeded(
      api,
      projectId,
      await api(`/v1/projects/${projectId}/plan`, { method: 'POST', json: {} }),
      120_000,
    );
    await page.goto(studio('characters'));
    const watchman = page.getByRole('list', { name: 'Characters' }).getByRole('listitem', { name: 'A Watchman' });
    await watchman.getByRole('button', { name: 'Delete A Watchman' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete A Watchman?' });
    await expectVisible(confirm.getByText('A Watchman has 2 lines. They will be flagged for another speaker.'));
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expectVisible(page.getByText('Character deleted; 2 lines are flagged for review.'));

    await page.goto(studio('review'));
    await expectVisible(page.getByText(/^A validator of the project approves each chapter/));
    const toCheck = page.getByRole('link', {
      name: /^Lines to check in ACT I: 2 flagged lines/,
    });
    await expectVisible(toCheck);
    await screenshot(page, 'unseen-05-review-lines-to-check');
    await toCheck.click();
    await page.waitForURL(/\/plan\/[^/]+$/);
  });

  test('on a 390-px phone the import report and the casting page fit the screen', async () => {
    const phone = await newSession(browser, { width: 390, height: 844 });
    await phone.page.addInitScript(
      `localStorage.setItem('khipu.session', ${JSON.stringify(
        await producer.page.evaluate<string>("localStorage.getItem('khipu.session')"),
      )})`,
    );
    await phone.page.goto(studio('manuscript'));
    await expectVisible(phone.page.getByText('1 front matter section and 2 chapters'));
    expect(await sidewaysScroll(phone.page)).toBe(0);
    await screenshot(phone.page, 'unseen-06-phone-import-report');
    await phone.page.goto(studio('casting'));
    await expectVisible(phone.page.getByRole('rowheader', { name: /^Margery/ }));
    expect(await sidewaysScroll(phone.page)).toBe(0);
    await screenshot(phone.page, 'unseen-07-phone-casting');
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });

  test('nothing broke in the producer’s browser', () => {
    expect(producer.problems).toEqual([]);
  });
});
