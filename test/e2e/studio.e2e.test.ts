import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { firstChapters } from './support/book';
import { launchBrowser, screenshot } from './support/browser';
import { englishLeftOn } from './support/catalogue';
import { accessToken, expectVisible, newSession, signIn, waitFor, type E2eSession } from './support/session';
import { startPlatformTarget, type E2eTarget } from './support/target';
import { networkSettled } from './support/network';

/**
 * The studio in real headless Chromium against the whole local platform: a creator takes the first three chapters of
 * the corpus book from upload to a checked plan (rename and reorder chapters, detect and merge characters, cast and
 * audition, plan, fix a flagged line, add a pronunciation from the text); the assigned validator comments on a line
 * and approves a chapter (also on a phone-sized screen); the creator sees the comment; every page is checked by
 * axe-core and, in Spanish and Portuguese, for English left over. Screenshots go to test-output/screenshots/.
 */

const CREATOR = 'creator@andes.test';
const VALIDATOR = 'validator@andes.test';
const VALIDATOR_ID = 'u-andes-validator';
const TITLE = 'Pride and Prejudice';
const STEPS = ['', 'manuscript', 'chapters', 'characters', 'casting', 'plan', 'pronunciation', 'review', 'estimate'];

jest.setTimeout(600_000);

let target: E2eTarget;
let browser: Browser;
let browserLaunched: Promise<Browser> | undefined;
let tempDir: string;
let creator: E2eSession;
let projectUrl = '';
let projectId = '';
let token = '';

beforeAll(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-studio-e2e-'));
  // The browser starts while the platform does: neither waits on the other.
  browserLaunched = launchBrowser().then((launched) => (browser = launched));
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  target = await startPlatformTarget();
  creator = await newSession(await browserLaunched);
});

afterAll(async () => {
  await creator?.context.close();
  await longChapterProject?.catch(() => undefined);
  await browserLaunched?.catch(() => undefined);
  await browser?.close();
  await target?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

interface ApiSegment {
  id: string;
  chapterId: string;
  text: string;
  speakerId: string;
  flagged: boolean;
  etag: string;
}

async function api<T>(
  apiPath: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${target.webUrl}/api${apiPath}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${apiPath}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Screenshot plus axe: no serious or critical accessibility violation on any page the test visits. */
async function checkPage(page: Page, name: string): Promise<void> {
  await networkSettled(page);
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/**
 * A project whose one chapter has 2,000 lines, imported and planned through the API. Its last test reads it; it is
 * made while the tests before run (they wait on the browser far more than on the platform), from the first one on.
 */
let longChapterProject: Promise<string> | undefined;

async function planLongChapter(): Promise<string> {
  const long = await api<{ id: string }>('/v1/projects', {
    method: 'POST',
    json: { metadata: { title: 'A very long chapter', authors: ['Test'], language: 'en-GB' } },
  });
  const lines = Array.from({ length: 2000 }, (_, i) => `Line ${i + 1} of the long chapter.`);
  const upload = await fetch(`${target.webUrl}/api/v1/projects/${long.id}/manuscript?fileName=long.txt`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    body: ['Chapter 1', '', ...lines.flatMap((line) => [line, ''])].join('\n'),
  });
  const { job: imported } = (await upload.json()) as { job: { id: string } };
  const finished = async (jobId: string) => {
    let status = '';
    await waitFor(
      async () => {
        status = (await api<{ status: string }>(`/v1/projects/${long.id}/jobs/${jobId}`)).status;
        return ['succeeded', 'failed', 'cancelled'].includes(status);
      },
      180_000,
      'job',
    );
    return status;
  };
  expect(await finished(imported.id)).toBe('succeeded');
  const { job: planned } = await api<{ job: { id: string } }>(`/v1/projects/${long.id}/plan`, {
    method: 'POST',
    json: {},
  });
  expect(await finished(planned.id)).toBe('succeeded');
  return long.id;
}

async function openStep(page: Page, step: string): Promise<void> {
  await page.goto(step ? `${projectUrl}/${step}` : projectUrl);
  await expectVisible(page.getByRole('heading', { name: TITLE, level: 1 }));
}

describe('the studio, from manuscript to an approved plan', () => {
  test('a creator creates the project, choosing the book language from the supported locales', async () => {
    const { page } = creator;
    await signIn(target, page, CREATOR);
    token = await accessToken(page);
    await checkPage(page, 'studio-01-projects-empty');
    longChapterProject = planLongChapter();
    // Its failure is reported by the test that reads it.
    longChapterProject.catch(() => undefined);
    await page.getByRole('link', { name: 'New project' }).first().click();
    await page.getByLabel(/^Title/).fill(TITLE);
    const authors = page.getByLabel(/^Authors/);
    await authors.fill('Jane Austen');
    await authors.press('Enter');
    // A picker, not free text: the options are the supported locales.
    await page.getByLabel(/^Book language/).selectOption('en-GB');
    await checkPage(page, 'studio-02-new-project');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/(?!new$)[A-Za-z0-9_-]+$/);
    projectUrl = page.url();
    projectId = projectUrl.split('/').pop()!;
    await expectVisible(page.getByRole('heading', { name: TITLE, level: 1 }));
    await expectVisible(page.getByRole('navigation', { name: 'Workflow' }));
    await expectVisible(page.getByText('Needs a manuscript'));
    await checkPage(page, 'studio-03-book');
  });

  test('uploads three chapters of the corpus book and follows the import', async () => {
    const { page } = creator;
    await page
      .getByRole('navigation', { name: 'Workflow' })
      .getByRole('link', { name: /Manuscript/ })
      .click();
    await expectVisible(page.getByRole('heading', { name: 'Upload the manuscript' }));
    await checkPage(page, 'studio-04-manuscript-empty');
    await page.getByLabel('Choose a file').setInputFiles(firstChapters(3, tempDir));
    await expectVisible(page.getByText('Import finished: 3 chapters found.'), 120_000);
    await expectVisible(page.getByRole('button', { name: 'Download the original' }));
    // The step navigation follows the import without a reload.
    await expectVisible(page.getByRole('navigation', { name: 'Workflow' }).getByText('3 chapters').first());
    await checkPage(page, 'studio-05-manuscript-imported');
  });

  test('renames a chapter and reorders chapters by keyboard', async () => {
    const { page } = creator;
    await page.getByRole('link', { name: 'Review the 3 chapters' }).click();
    const list = page.getByRole('list', { name: 'Chapters in reading order' });
    await list.getByRole('link', { name: /Chapter 2/ }).click();
    // Typing before the second chapter's editor has replaced the first one's would type into the one going away.
    const title = page.getByLabel('Title', { exact: true });
    await waitFor(async () => (await title.inputValue()) === 'Chapter 2', 20_000, 'the second chapter opened');
    await title.fill('Chapter 2: Mr. Bingley is expected');
    await page.getByRole('button', { name: 'Save title and type' }).click();
    await expectVisible(list.getByRole('link', { name: /Chapter 2: Mr\. Bingley is expected/ }));
    // What will be heard, beside the text.
    await expectVisible(page.getByRole('columnheader', { name: 'As it will be spoken' }));

    // Keyboard drag and drop on the handle: Space picks up, ArrowUp moves, Space drops.
    const handle = page.getByRole('button', { name: /^Move Chapter 3 \(drag/ });
    await handle.focus();
    // Each step waits for what the screen reader is told (dnd-kit's live region), as a person would hear it.
    const announced = (text: string) => page.getByText(text, { exact: true }).first().waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await announced('Picked up Chapter 3.');
    // dnd-kit starts listening for keys one task after the pick-up is announced, so on a busy machine the first
    // arrow can go unheard. As a person would, press again while nothing new has been said; a heard press changes
    // what is said, so this never moves the chapter twice.
    const pickedUp = page.getByText('Picked up Chapter 3.', { exact: true });
    for (let press = 1; ; press += 1) {
      await page.keyboard.press('ArrowUp');
      const heard = await page
        .getByText('Chapter 3 is over position 2.', { exact: true })
        .first()
        .waitFor({ state: 'attached', timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (heard) break;
      if (press === 5 || (await pickedUp.count()) === 0) {
        await announced('Chapter 3 is over position 2.');
        break;
      }
    }
    await page.keyboard.press('Space');
    await announced('Chapter 3 moved to position 2.');
    const titles = async () =>
      (await api<{ items: { title: string }[] }>(`/v1/projects/${projectId}/chapters`)).items.map((c) => c.title);
    await waitFor(async () => (await titles())[1] === 'Chapter 3', 20_000, 'keyboard reorder');
    expect(await titles()).toEqual(['Chapter 1', 'Chapter 3', 'Chapter 2: Mr. Bingley is expected']);
    await checkPage(page, 'studio-06-chapters');
    // And back, with the move button.
    await page.getByRole('button', { name: 'Move Chapter 3 down' }).click();
    await waitFor(async () => (await titles())[1] !== 'Chapter 3', 20_000, 'button reorder');
    expect(await titles()).toEqual(['Chapter 1', 'Chapter 2: Mr. Bingley is expected', 'Chapter 3']);
  });

  test('detects characters and merges two of them', async () => {
    const { page } = creator;
    await openStep(page, 'characters');
    await page.getByRole('button', { name: 'Detect characters' }).click();
    await expectVisible(page.getByText(/^Detection finished/), 120_000);
    const characters = await api<{ items: { id: string; name: string; dialogueLineCount: number }[] }>(
      `/v1/projects/${projectId}/characters`,
    );
    const people = characters.items
      .filter((c) => c.id !== 'narrator')
      .sort((a, b) => a.dialogueLineCount - b.dialogueLineCount);
    expect(people.length).toBeGreaterThanOrEqual(2);
    const [source, into] = [people[0], people[people.length - 1]];
    await checkPage(page, 'studio-07-characters');
    await page.getByRole('button', { name: `Merge ${source.name} into…` }).click();
    const dialog = page.getByRole('dialog', { name: `Merge ${source.name} into another character` });
    await dialog.getByLabel('Merge into').selectOption(into.id);
    await screenshot(page, 'studio-08-merge-dialog');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expectVisible(page.getByText(new RegExp(`^Merged into ${into.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
    const after = await api<{ items: { id: string }[] }>(`/v1/projects/${projectId}/characters`);
    expect(after.items.some((c) => c.id === source.id)).toBe(false);
  });

  test('casts automatically and auditions a voice in the browser', async () => {
    const { page } = creator;
    await openStep(page, 'casting');
    await page.getByRole('button', { name: 'Cast automatically' }).click();
    await expectVisible(page.getByText(/characters? ha(s|ve) a voice\.$/));
    const voices = page.getByRole('button', { name: /^Listen to / });
    await voices.first().click();
    const audio = page.getByTestId('audition-audio').first();
    await expectVisible(audio, 60_000);
    // The audio element really plays: its clock moves (or it has already played to the end).
    await waitFor(
      () =>
        audio.evaluate((element) => {
          const media = element as unknown as { currentTime: number; ended: boolean; paused: boolean };
          return media.currentTime > 0 || media.ended;
        }),
      60_000,
      'audition playback',
    );
    await checkPage(page, 'studio-09-casting');
  });

  test('plans the book, fixes a flagged line with the reading view and adds a pronunciation from the text', async () => {
    const { page } = creator;
    await openStep(page, 'plan');
    await page.getByRole('button', { name: 'Plan the book' }).click();
    await expectVisible(page.getByRole('listbox', { name: 'Lines of the chapter' }), 120_000);
    const flagged = await api<{ items: ApiSegment[] }>(`/v1/projects/${projectId}/segments?flagged=true&pageSize=100`);
    expect(flagged.items.length).toBeGreaterThan(0);
    const line = flagged.items[0];
    await page.goto(`${projectUrl}/plan/${line.chapterId}`);
    // The chapter picker counts each chapter's lines to check, from the chapter list alone.
    await expectVisible(page.getByLabel(/Only chapters with lines to check \(\d+\)/));
    expect(await page.locator('#plan-chapter option:checked').textContent()).toMatch(/ — [\d,]+ flagged/);
    await page.getByLabel('Show', { exact: true }).selectOption('flagged');
    const reading = page.getByRole('listbox', { name: 'Lines of the chapter' });
    // Keyboard: focus the reading view, jump to the next flagged line.
    await reading.focus();
    await page.keyboard.press('n');
    await expectVisible(page.getByRole('heading', { name: /^Line \d+$/ }));
    await reading
      .getByRole('option')
      .filter({ hasText: line.text.trim().slice(0, 40) })
      .first()
      .click();
    await checkPage(page, 'studio-10-plan-flagged');

    const characters = await api<{ items: { id: string; name: string }[] }>(`/v1/projects/${projectId}/characters`);
    const speaker = characters.items.find((c) => c.id !== 'narrator' && c.id !== line.speakerId)!;
    // Each edit is sent with the ETag the page holds, which the answer to the edit before it brings: the walk, faster
    // than a person, waits for that answer (the stored line changes before the answer comes back, since the edit then
    // recounts the project's facts) instead of sending the next edit with the ETag the last one replaced.
    const segmentSaved = () =>
      page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/segments/${line.id}`));
    let saved = segmentSaved();
    await page.getByLabel('Speaker', { exact: true }).selectOption(speaker.id);
    expect((await saved).status()).toBe(200);
    await expectVisible(page.getByText(`Now read by ${speaker.name}.`));
    await waitFor(
      async () => {
        const saved = await api<ApiSegment>(`/v1/projects/${projectId}/segments/${line.id}`);
        return saved.speakerId === speaker.id && !saved.flagged;
      },
      20_000,
      'speaker saved',
    );

    // Undo puts the line back, through the API with its new ETag. The line fixed has left the flagged lines, and the
    // list follows the recounted flags when it refreshes: undo and redo it among all lines.
    await page.getByLabel('Show', { exact: true }).selectOption('all');
    await reading
      .getByRole('option')
      .filter({ hasText: line.text.trim().slice(0, 40) })
      .first()
      .click();
    await expectVisible(page.getByLabel('Speaker', { exact: true }));
    expect(await page.getByLabel('Speaker', { exact: true }).inputValue()).toBe(speaker.id);
    await reading.focus();
    saved = segmentSaved();
    await page.keyboard.press('u');
    expect((await saved).status()).toBe(200);
    await waitFor(
      async () => (await api<ApiSegment>(`/v1/projects/${projectId}/segments/${line.id}`)).speakerId === line.speakerId,
      20_000,
      'undo',
    );
    // The line on screen shows the speaker undo put back before it is changed again.
    await waitFor(
      async () => (await page.getByLabel('Speaker', { exact: true }).inputValue()) === line.speakerId,
      20_000,
      'undo on screen',
    );
    saved = segmentSaved();
    await page.getByLabel('Speaker', { exact: true }).selectOption(speaker.id);
    expect((await saved).status()).toBe(200);
    await waitFor(
      async () => (await api<ApiSegment>(`/v1/projects/${projectId}/segments/${line.id}`)).speakerId === speaker.id,
      20_000,
      'redo',
    );

    // Words typed while a save of the same line is being answered stay in the editor, and are the ones saved next.
    // The flag's save is held on its way to the API (a slow network) so the typing surely happens while it is out.
    const inspector = page.getByRole('region', { name: /^Line \d+$/ });
    const textBox = inspector.getByLabel('Text', { exact: true });
    const saveText = inspector.getByRole('button', { name: 'Save text' });
    const typed = `${line.text} So it was.`;
    let letThrough!: () => void;
    const held = new Promise<void>((resolve) => (letThrough = resolve));
    const lineSaves = (url: URL) => url.pathname.endsWith(`/segments/${line.id}`);
    await page.route(lineSaves, async (route) => {
      if (route.request().method() === 'PATCH') await held;
      await route.fallback();
    });
    await textBox.click();
    await textBox.press('Control+End');
    await textBox.pressSequentially(' So it');
    const flag = inspector.getByLabel('Flag for review');
    saved = segmentSaved();
    // A click, not check(): the box shows the flag once the edit is on the page, a moment after the click.
    await flag.click();
    await waitFor(() => flag.isChecked(), 20_000, 'the flag on the page');
    await textBox.click();
    await textBox.press('Control+End');
    await textBox.pressSequentially(' was.');
    letThrough();
    expect((await saved).status()).toBe(200);
    await page.unroute(lineSaves);
    // Once the flag's answer is in (a new ETag for the line), the words can be saved: they are still the ones typed.
    await waitFor(() => saveText.isEnabled(), 20_000, 'the flag saved, the words typed still to save');
    expect(await textBox.inputValue()).toBe(typed);
    saved = segmentSaved();
    await saveText.click();
    const textSaved = await saved;
    expect(textSaved.status()).toBe(200);
    // New words give the line a new id (the chapter's plan is written again): the editor stays on it.
    // The API keeps the whitespace that separated the line from the next when new words come without their own.
    const renamed = (await textSaved.json()) as ApiSegment;
    expect({ text: renamed.text.trim(), flagged: renamed.flagged }).toEqual({ text: typed.trim(), flagged: true });
    const stored = await api<ApiSegment>(`/v1/projects/${projectId}/segments/${renamed.id}`);
    expect(stored.text).toBe(renamed.text);
    await waitFor(async () => (await textBox.inputValue()) === renamed.text, 20_000, 'the saved words on screen');
    // The flag set above is cleared on the line under its new id, as the rest of the walk expects it.
    const flagSaved = page.waitForResponse(
      (r) => r.request().method() === 'PATCH' && r.url().includes(`/segments/${renamed.id}`),
    );
    await flag.click();
    expect((await flagSaved).status()).toBe(200);
    await waitFor(async () => !(await flag.isChecked()), 20_000, 'the flag cleared on the page');

    // Splitting the line writes the chapter's plan again (every line a new id): the side panel stays on the line, now
    // its first part, and merging it back with the next keeps the merged line open with the words it had.
    const position = (await inspector.getByRole('heading').first().textContent())!;
    const cut = renamed.text.indexOf(' ', 8);
    await textBox.click();
    await textBox.press('Control+Home');
    for (let i = 0; i < cut; i++) await textBox.press('ArrowRight');
    const splitAnswered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/split'));
    await inspector.getByRole('button', { name: 'Split at the cursor' }).click();
    const parts = ((await (await splitAnswered).json()) as { segments: ApiSegment[] }).segments;
    expect(parts.map((part) => part.text)).toEqual([renamed.text.slice(0, cut), renamed.text.slice(cut)]);
    await waitFor(async () => (await textBox.inputValue()) === parts[0].text, 20_000, 'the first part in the panel');
    expect(await inspector.getByRole('heading').first().textContent()).toBe(position);
    const mergeAnswered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/merge-next'),
    );
    await inspector.getByRole('button', { name: 'Merge with the next line' }).click();
    expect((await mergeAnswered).status()).toBe(200);
    await waitFor(async () => (await textBox.inputValue()) === renamed.text, 20_000, 'the merged line in the panel');
    expect(await inspector.getByRole('heading').first().textContent()).toBe(position);
    await screenshot(page, 'studio-10b-plan-merged-line-kept');

    // Select a word in the text to add a pronunciation.
    await page.getByLabel('Show', { exact: true }).selectOption('all');
    const word = 'Netherfield';
    const row = reading.getByRole('option').filter({ hasText: word }).first();
    await row.scrollIntoViewIfNeeded();
    // Runs in the browser; typed loosely because the test compiles without DOM types.
    await row.evaluate((element, text) => {
      const doc = (element as unknown as { ownerDocument: any }).ownerDocument;
      const paragraph = (element as any).querySelector('.segment__text');
      const walker = doc.createTreeWalker(paragraph, 4);
      const node = walker.nextNode();
      const start = node.textContent.indexOf(text);
      const range = doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const selection = doc.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      (element as any).dispatchEvent(new doc.defaultView.MouseEvent('mouseup', { bubbles: true }));
    }, word);
    await page.getByRole('button', { name: `Add a pronunciation for “${word}”` }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a pronunciation' });
    expect(await dialog.getByLabel('Word as written').inputValue()).toBe(word);
    await dialog.getByLabel('Say it as').fill('Nether-field');
    await screenshot(page, 'studio-11-pronunciation-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText(new RegExp(`^“${word}” saved`)));
    const lexicon = await api<{ items: { grapheme: string; value: string }[] }>(`/v1/projects/${projectId}/lexicon`);
    expect(lexicon.items).toEqual([expect.objectContaining({ grapheme: word, value: 'Nether-field' })]);
    await openStep(page, 'pronunciation');
    await expectVisible(page.getByRole('rowheader', { name: word }));
    await page.getByRole('button', { name: `Where used: ${word}` }).click();
    await expectVisible(
      page
        .getByRole('region', { name: `Where “${word}” is used` })
        .getByRole('link')
        .first(),
    );
    await checkPage(page, 'studio-12-pronunciation');
    await openStep(page, 'estimate');
    await expectVisible(page.getByText('Estimated cost'));
    await checkPage(page, 'studio-13-estimate');
  });

  test('the assigned validator comments on a line and approves a chapter, on a desktop and on a phone', async () => {
    await api(`/v1/projects/${projectId}/members`, { method: 'PUT', json: { validatorIds: [VALIDATOR_ID] } });
    const chapters = await api<{ items: { id: string; title: string }[] }>(`/v1/projects/${projectId}/chapters`);
    const [first, second] = chapters.items;

    const desk = await newSession(browser);
    await signIn(target, desk.page, VALIDATOR);
    await desk.page.getByRole('link', { name: TITLE }).click();
    await desk.page.waitForURL(projectUrl);
    await openStep(desk.page, `plan/${first.id}`);
    const reading = desk.page.getByRole('listbox', { name: 'Lines of the chapter' });
    await reading.getByRole('option').nth(2).click();
    // Reviewers get the reading view without edit controls.
    expect(await desk.page.getByLabel('Speaker', { exact: true }).count()).toBe(0);
    expect(await desk.page.getByRole('button', { name: 'Plan the book' }).count()).toBe(0);
    const inspector = desk.page.getByRole('region', { name: /^Line \d+$/ });
    await inspector.getByLabel('Comment on this line').fill('Should this line not be read by the narrator?');
    await inspector.getByRole('button', { name: 'Comment', exact: true }).click();
    await expectVisible(desk.page.getByText('Should this line not be read by the narrator?'));
    await desk.page.getByRole('button', { name: `Approve ${first.title}` }).click();
    await expectVisible(desk.page.getByText(`${first.title} approved.`));
    await checkPage(desk.page, 'studio-14-validator-plan');
    const validatorSession = await desk.page.evaluate<string>("localStorage.getItem('khipu.session')");
    await desk.context.close();

    // A phone: reading and review work at 390 px. Signing in was shown on the desktop; the phone's browser has the
    // same session, as a returning visitor's would.
    const phone = await newSession(browser, { width: 390, height: 844 });
    await phone.page.addInitScript(`localStorage.setItem('khipu.session', ${JSON.stringify(validatorSession)})`);
    await openStep(phone.page, 'review');
    await expectVisible(phone.page.getByRole('link', { name: first.title }));
    await checkPage(phone.page, 'studio-15-validator-review-phone');
    await phone.page.getByRole('link', { name: second.title }).first().click();
    await expectVisible(phone.page.getByRole('listbox', { name: 'Lines of the chapter' }));
    const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await checkPage(phone.page, 'studio-16-validator-plan-phone');
    expect([...desk.problems, ...phone.problems].filter((p) => !/\b4\d\d\b/.test(p))).toEqual([]);
    await phone.context.close();
  });

  test('the creator sees the comment and the approval', async () => {
    const { page } = creator;
    await openStep(page, 'review');
    await expectVisible(page.getByText('Should this line not be read by the narrator?'));
    await expectVisible(page.getByText('Approved').first());
    await expectVisible(page.getByRole('navigation', { name: 'Workflow' }).getByText('1 open comment'));
    await checkPage(page, 'studio-17-creator-review');
  });

  test('a new tab stays signed in', async () => {
    const tab = await creator.context.newPage();
    await tab.goto(`${projectUrl}/review`);
    await expectVisible(tab.getByRole('heading', { name: TITLE, level: 1 }));
    await tab.close();
  });

  for (const [language, label, projects] of [
    ['es-PE', 'Español (Perú)', 'Proyectos'],
    ['pt-BR', 'Português (Brasil)', 'Projetos'],
  ] as const) {
    test(`in ${language} no page shows English`, async () => {
      const { page } = creator;
      await page.goto(`${target.webUrl}/projects`);
      await page.getByRole('button', { name: /^Account menu for|^Menú de la cuenta|^Menu da conta/ }).click();
      await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption(label);
      await expectVisible(page.getByRole('heading', { name: projects, level: 1 }));
      await page.keyboard.press('Escape');
      const leftovers: Record<string, string[]> = {};
      for (const step of STEPS) {
        await openStep(page, step);
        await networkSettled(page);
        const english = await englishLeftOn(page, language);
        if (english.length) leftovers[step || 'book'] = english;
        await checkPage(page, `studio-${language}-${step || 'book'}`);
      }
      expect(leftovers).toEqual({});
    });
  }

  test('a 2,000-line chapter reads smoothly: only the visible lines are in the page', async () => {
    const longId = await (longChapterProject ?? planLongChapter());
    const { page } = creator;
    // Back to English after the language tests (the choice is remembered per browser).
    await page.evaluate("localStorage.setItem('khipu.language', 'en-US')");
    await page.goto(`${target.webUrl}/projects/${longId}/plan`);
    await expectVisible(page.getByText('Showing 2,000 of 2,000 lines'), 120_000);
    const reading = page.getByRole('listbox', { name: 'Lines of the chapter' });
    const rendered = await reading.getByRole('option').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    await reading.focus();
    await page.keyboard.press('End');
    await expectVisible(reading.getByRole('option', { name: /Line 2000 of the long chapter/ }));
    expect(await reading.getByRole('option').count()).toBeLessThan(100);
    await checkPage(page, 'studio-18-long-chapter');
  });

  test('the app is served compressed and publishes no source maps', async () => {
    const index = await (await fetch(target.webUrl)).text();
    const scripts = [...index.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const response = await fetch(`${target.webUrl}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(await response.text()).not.toContain('sourceMappingURL');
      // The fallback serves index.html for unknown paths; a map would be JSON.
      const map = await fetch(`${target.webUrl}${script}.map`);
      expect(map.status === 404 || !(map.headers.get('content-type') ?? '').includes('json')).toBe(true);
    }
  });

  test('nothing broke in the creator’s browser', () => {
    expect(creator.problems.filter((p) => !/\b4\d\d\b/.test(p))).toEqual([]);
  });
});
