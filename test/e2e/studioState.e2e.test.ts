import { screenshot } from './support/browser';
import { jobSucceeded, plannedMillBook } from './support/plannedBook';
import { producerPlatformForFile } from './support/producerPlatform';
import { expectVisible, waitFor } from './support/session';

/**
 * An open studio page learns of work started elsewhere: a production started through the API while the producer has
 * the production page open shows there running, with its progress, and then finished, and the delivery step follows
 * the packages it built, without a reload. One platform, one browser, one page load. Screenshots go to
 * test-output/screenshots/.
 */

// Every retailer: the more packages, the longer the production runs for the page to see it running.
const ALL_PLATFORMS = ['apple', 'acx', 'google', 'spotify', 'kobo'];

jest.setTimeout(300_000);

const platform = producerPlatformForFile();

test('a production started elsewhere shows on the open page while it runs, then finished, with its packages', async () => {
  const { target, producer, api } = platform;
  const projectId = await plannedMillBook(api, { title: 'The Mill, Watched', authors: ['E. Example'] }, 120_000);
  const { page } = producer;
  // The page's clock runs as usual but can be moved on: the production takes seconds here, fewer than the page may
  // wait between two reads of the project's facts, so the test moves the page to its next read instead of racing it.
  await page.clock.install();
  await page.goto(`${target.webUrl}/projects/${projectId}/production`);
  const step = (name: string) => page.locator('.step-nav__item', { hasText: name });
  await expectVisible(page.getByRole('heading', { name: 'Production', level: 2 }));
  await expectVisible(step('Delivery').getByText('To do'));

  const started = await api<{ job: { id: string } }>(`/v1/projects/${projectId}/productions`, {
    method: 'POST',
    json: { platforms: ALL_PLATFORMS, allowUnknownSpeakers: true },
  });
  // The API counts the job as the project's running one once it starts, a moment after accepting it.
  await waitFor(
    async () =>
      (await api<{ activeJobId: string | null }>(`/v1/projects/${projectId}/facts`)).activeJobId === started.job.id,
    20_000,
    'the production to start',
  );
  await page.clock.fastForward(60_000);
  await expectVisible(step('Production').getByText('Running'), 20_000);
  await expectVisible(page.getByRole('progressbar', { name: 'Production progress' }));
  await screenshot(page, 'state-01-production-started-elsewhere');

  await jobSucceeded(api, projectId, started, 180_000);
  const card = page.locator('.job-view');
  await expectVisible(card.getByText(/^2 of 2 chapters produced in /));
  expect(await card.getByText('Finished', { exact: true }).count()).toBe(1);
  await expectVisible(step('Production').getByText('Done'));
  await expectVisible(step('Delivery').getByText(/Done|Needs attention/));
  await screenshot(page, 'state-02-production-finished');
  expect(producer.problems).toEqual([]);
});
