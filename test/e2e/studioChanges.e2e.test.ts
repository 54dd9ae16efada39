import { screenshot } from './support/browser';
import { jobSucceeded, plannedMillBook } from './support/plannedBook';
import { CREATOR, producerPlatformForFile } from './support/producerPlatform';
import { expectVisible, newSession, signIn } from './support/session';

/**
 * A line's speaker changed in the plan after a production: the studio says the packages no longer hold the book as
 * it is, on the delivery page, the production page and the step list, naming the chapter; on a phone the production
 * page's figures sit two to a row. One platform, one browser.
 * Screenshots go to test-output/screenshots/.
 */

jest.setTimeout(300_000);

const platform = producerPlatformForFile();

test('a speaker changed in the plan after a production marks the packages as changed, with the chapter', async () => {
  const { target, browser, producer, api } = platform;
  const projectId = await plannedMillBook(api, { title: 'The Mill, Edited', authors: ['E. Example'] }, 120_000);
  await jobSucceeded(
    api,
    projectId,
    await api(`/v1/projects/${projectId}/productions`, {
      method: 'POST',
      json: { platforms: ['apple'], allowUnknownSpeakers: true },
    }),
    180_000,
  );
  const { page } = producer;
  const step = (name: string) => page.locator('.step-nav__item', { hasText: name });
  const changed = page.getByRole('alert').filter({ hasText: 'Changed since the packages were built: produce again' });

  await page.goto(`${target.webUrl}/projects/${projectId}/delivery`);
  await expectVisible(page.getByRole('heading', { name: 'Delivery', level: 2 }));
  await expectVisible(step('Production').getByText('Done'));
  expect(await changed.count()).toBe(0);

  // The producer gives Thomas's line to Margaret in the plan.
  await step('Plan').click();
  const line = page.getByRole('option').filter({ hasText: 'We shall' });
  // The plan reads the chapter's lines after the page: on a busy machine that can take a while.
  await expectVisible(line, 90_000);
  await line.click();
  const speaker = page.getByLabel('Speaker', { exact: true });
  const margaret = await speaker.locator('option', { hasText: 'Margaret' }).getAttribute('value');
  await speaker.selectOption(margaret!);
  await expectVisible(page.getByText('Now read by Margaret.'));

  await step('Delivery').click();
  await expectVisible(changed);
  expect(await changed.getByRole('listitem').allTextContents()).toEqual(['Chapter 1']);
  await expectVisible(step('Delivery').getByText('1 chapter changed since the packages'));
  await expectVisible(step('Production').getByText('1 chapter changed since its audio'));
  await screenshot(page, 'changes-01-delivery-after-speaker-edit');

  await changed.getByRole('link', { name: 'Produce these chapters again' }).click();
  await expectVisible(page.getByRole('heading', { name: 'Production', level: 2 }));
  await expectVisible(changed);
  await screenshot(page, 'changes-02-production-after-speaker-edit');
  expect(producer.problems).toEqual([]);

  // On a phone the job's figures and the production's estimate sit two to a row, not four boxes stacked.
  const phone = await newSession(browser, { width: 390, height: 844 });
  try {
    await signIn(target, phone.page, CREATOR);
    await phone.page.goto(`${target.webUrl}/projects/${projectId}/production`);
    await expectVisible(phone.page.locator('.start-production .stat'));
    await expectVisible(phone.page.locator('.job-view .stat'));
    const tops = (grid: string) =>
      phone.page.locator(`${grid} .stat`).evaluateAll((stats) => stats.map((stat) => stat.getBoundingClientRect().top));
    for (const grid of ['.job-view', '.start-production']) {
      const [first, second, third] = await tops(grid);
      expect({ grid, sameRow: first === second, nextRow: third > second }).toEqual({
        grid,
        sameRow: true,
        nextRow: true,
      });
    }
    await screenshot(phone.page, 'changes-03-production-390');
    expect(phone.problems).toEqual([]);
  } finally {
    await phone.context.close();
  }
});
