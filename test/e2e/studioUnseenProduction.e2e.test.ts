import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { drawn, screenshot } from './support/browser';
import { jobSucceeded } from './support/plannedBook';
import { CREATOR, producerPlatformForFile } from './support/producerPlatform';
import { expectVisible, newSession, signIn } from './support/session';
import { networkSettled } from './support/network';

/**
 * The studio's second half on books nobody tuned for, walked by a producer at 1280 px and 390 px. The first five
 * chapters of Memórias Póstumas de Brás Cubas (Portuguese, ISO-8859-1 as Project Gutenberg ships it), planned through
 * the API: plan, listen, a production of two chapters chosen on the page, delivery (the packages say they hold 2 of 5
 * chapters; the audio format reads as the retailer names it), a retake of a line, a pronunciation, then production and
 * delivery again. A play in two acts produced whole: plan, production, listening and delivery, and on a phone a
 * failure quoting a 64-character file name wraps inside its alert. Screenshots go to test-output/screenshots/.
 */

const CORPUS = '/work/shared/corpus/memorias-postumas-de-bras-cubas.txt';

jest.setTimeout(600_000);

const platform = producerPlatformForFile();
let projectId = '';

/** Chapters I to V, as bytes: the import detects the encoding itself. */
function firstChapters(): Buffer {
  const text = fs.readFileSync(CORPUS).toString('latin1');
  const start = text.search(/CAPITULO I\r?\n/);
  const end = text.search(/CAPITULO VI\r?\n/);
  return Buffer.from(text.slice(start, end), 'latin1');
}

const sidewaysScroll = (page: Page) =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

beforeAll(async () => {
  const { api } = platform;
  ({ id: projectId } = await api<{ id: string }>('/v1/projects', {
    method: 'POST',
    json: { metadata: { title: 'Memórias Póstumas', authors: ['Machado de Assis'], language: 'pt-BR' } },
  }));
  const finished = (started: { job: { id: string } }) => jobSucceeded(api, projectId, started, 240_000);
  const upload = await fetch(`${platform.target.webUrl}/api/v1/projects/${projectId}/manuscript?fileName=bras.txt`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${await platform.producer.page.evaluate<string>("JSON.parse(localStorage.getItem('khipu.session')).accessToken")}`,
      'content-type': 'text/plain',
    },
    body: new Uint8Array(firstChapters()),
  });
  if (!upload.ok) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  await finished((await upload.json()) as { job: { id: string } });
  await finished(await api(`/v1/projects/${projectId}/characters/detect`, { method: 'POST', json: {} }));
  await api(`/v1/projects/${projectId}/casting/auto`, { method: 'POST' });
  await finished(await api(`/v1/projects/${projectId}/plan`, { method: 'POST', json: {} }));
});

test('walk: plan, listen, production, delivery at 1280 px and 390 px', async () => {
  const { target, browser, producer, api } = platform;
  const { page } = producer;
  const studio = (step: string) => `${target.webUrl}/projects/${projectId}/${step}`;
  const phone = await newSession(browser, { width: 390, height: 844 });
  await signIn(target, phone.page, CREATOR);
  const both = async (step: string, name: string) => {
    for (const [session, size] of [
      [producer, 1280],
      [phone, 390],
    ] as const) {
      await session.page.goto(studio(step));
      await networkSettled(session.page);
      await drawn(session.page);
      await screenshot(session.page, `bras-${name}-${size}`);
      console.log(step, size, 'sideways', await sidewaysScroll(session.page));
    }
  };
  try {
    await both('plan', '01-plan');
    await both('listen', '02-listen-before');
    await both('production', '03-production-before');
    const chapters = await api<{ items: { id: string; title: string }[] }>(`/v1/projects/${projectId}/chapters`);
    console.log(chapters.items.map((c) => c.title));
    // A selection: the first two chapters, through the page.
    await page.goto(studio('production'));
    await expectVisible(page.getByRole('heading', { name: 'Start a production' }));
    await page.getByLabel('A selection').check();
    const picker = page.getByRole('list', { name: 'Chapters to produce' });
    await picker.getByRole('checkbox').nth(0).check();
    await picker.getByRole('checkbox').nth(1).check();
    await screenshot(page, 'bras-04-production-selection-1280');
    await page.getByRole('button', { name: 'Start production' }).click();
    // The running job as the page follows it: its view, with the chapters it produces listed.
    await expectVisible(page.locator('.job-view .data-table'));
    await drawn(page);
    await screenshot(page, 'bras-05-production-running-1280');
    await expectVisible(page.locator('.job-view').getByText('Finished', { exact: true }), 300_000);
    await screenshot(page, 'bras-06-production-finished-1280');
    await both('production', '07-production-after');
    await both('listen', '08-listen-after');
    await both('delivery', '09-delivery');
    await expectVisible(page.getByText(/^The packages hold 2 of 5 chapters: the other 3 have no audio yet/));
    await expectVisible(page.getByRole('cell', { name: 'mp4/aac' }));

    // Listen to a line and render a new take of it.
    await page.goto(studio('listen'));
    const lines = page.getByRole('list', { name: 'Lines of the chapter' });
    await lines.getByRole('button').nth(1).click();
    await page.getByRole('button', { name: 'Render a new take' }).click();
    // The chooser answers the request with an alert: the render under way (or already its end, or a refusal).
    const takes = page.locator('.take-chooser');
    await expectVisible(takes.locator('.alert'));
    await drawn(page);
    await screenshot(page, 'bras-10-listen-retake-running-1280');
    // How the retake ended is recorded, not asserted: once in three walks it failed ("Audio <hash>.wav was not found",
    // reported to the production code's owners), and once on a fresh machine the walk saw no outcome at all. The page
    // must show one: the job's end, a refusal of the request, or the new take in the list (when the chooser was
    // drawn again for the line while the job ran, it no longer holds the request's outcome; the list still shows it).
    const ended = takes
      .getByText(/^(Done: the chapter|Done, but the voice|The job did not finish)/)
      .or(takes.locator('.alert--error'))
      .or(takes.getByText('Take 2', { exact: true }));
    await expectVisible(ended, 240_000);
    console.log('retake ended:', await ended.allTextContents());
    await screenshot(page, 'bras-11-listen-retake-done-1280');

    // A pronunciation: "Catumby" said as the place is said today.
    await page.goto(studio('pronunciation'));
    await page.getByRole('button', { name: 'Add a pronunciation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a pronunciation' });
    await dialog.getByLabel('Word as written').fill('Catumby');
    await dialog.getByLabel('Say it as').fill('Catumbi');
    await screenshot(page, 'bras-12-pronunciation-dialog-1280');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await both('pronunciation', '13-pronunciation-after');
    await both('production', '14-production-after-pronunciation');
    await both('delivery', '15-delivery-after-pronunciation');
    console.log('problems', producer.problems, phone.problems);
  } finally {
    await phone.context.close();
  }
});

test('walk: a play produced whole, then listened to and delivered at 1280 px and 390 px', async () => {
  const { target, browser, producer, api } = platform;
  const play = fs.readFileSync(
    path.resolve(__dirname, '..', 'manuscript', 'fixtures', 'chapters', 'en-play-acts.txt'),
    'utf8',
  );
  const { id } = await api<{ id: string }>('/v1/projects', {
    method: 'POST',
    json: { metadata: { title: 'The Lantern-Maker', authors: ['Edith Marlowe'], language: 'en-US' } },
  });
  const finished = (started: { job: { id: string } }) => jobSucceeded(api, id, started, 240_000);
  await finished(
    await api(`/v1/projects/${id}/manuscript?fileName=play.txt`, { method: 'PUT', body: play, type: 'text/plain' }),
  );
  await finished(await api(`/v1/projects/${id}/characters/detect`, { method: 'POST', json: {} }));
  await api(`/v1/projects/${id}/casting/auto`, { method: 'POST' });
  await finished(await api(`/v1/projects/${id}/plan`, { method: 'POST', json: {} }));
  await finished(
    await api(`/v1/projects/${id}/productions`, {
      method: 'POST',
      json: { platforms: ['apple', 'acx'], allowUnknownSpeakers: true },
    }),
  );
  const phone = await newSession(browser, { width: 390, height: 844 });
  await signIn(target, phone.page, CREATOR);
  try {
    for (const step of ['plan', 'production', 'listen', 'delivery']) {
      for (const [session, size] of [
        [producer, 1280],
        [phone, 390],
      ] as const) {
        await session.page.goto(`${target.webUrl}/projects/${id}/${step}`);
        await networkSettled(session.page);
        // The phone's delivery page is measured below: it keeps the pause it was measured after.
        if (step === 'delivery' && size === 390) await session.page.waitForTimeout(1500);
        else await drawn(session.page);
        await screenshot(session.page, `play-${step}-${size}`);
        console.log('play', step, size, 'sideways', await sidewaysScroll(session.page));
      }
    }
    // A failed job's message may quote a file by its 64-character hash: on a phone the alert wraps it.
    await phone.page.evaluate(`(() => {
      const alert = document.createElement('div');
      alert.className = 'alert alert--error';
      alert.textContent = 'The job failed: Audio ${'6e8ecf032c616efe'.repeat(4)}.wav was not found';
      document.querySelector('.step-page').prepend(alert);
    })()`);
    expect(await sidewaysScroll(phone.page)).toBe(0);
  } finally {
    await phone.context.close();
  }
});
