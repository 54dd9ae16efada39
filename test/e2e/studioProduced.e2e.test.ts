import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { englishLeftOn } from './support/catalogue';
import { bearerApi, jobSucceeded, plannedMillBook, type BearerApi } from './support/plannedBook';
import { accessToken, expectVisible, newSession, signIn, type E2eSession } from './support/session';
import { startPlatformTarget, type E2eTarget } from './support/target';
import { networkSettled } from './support/network';

/**
 * A produced book as its producer meets it with a deadline, on a 390-px phone and a 1280-px desktop, in the three
 * languages: the tables of the production, casting and delivery pages fit their boxes on the phone (one card per
 * row) instead of scrolling sideways; the author's name stays whole beside the stage badge; the estimate step is done;
 * the phone's row of steps shows the step the page is on; the voice browser's filters do not run into each other;
 * zero comments read as words. Screenshots go to test-output/screenshots/.
 */

const CREATOR = 'creator@andes.test';
const TITLE = 'A Short Walk to the Mill';
const AUTHOR = 'Maximiliana Fernández-Villavicencio';
const LOCALES = ['en-US', 'pt-BR', 'es-PE'] as const;
const STEP_WORDS: Record<
  (typeof LOCALES)[number],
  { estimate: string; done: string; delivery: string; attention: string }
> = {
  'en-US': { estimate: 'Cost estimate', done: 'Done', delivery: 'Delivery', attention: 'Needs attention' },
  'pt-BR': { estimate: 'Custo estimado', done: 'Concluído', delivery: 'Entrega', attention: 'Requer atenção' },
  'es-PE': { estimate: 'Costo estimado', done: 'Listo', delivery: 'Entrega', attention: 'Requiere atención' },
};

jest.setTimeout(300_000);

let target: E2eTarget;
let browser: Browser;
let browserLaunched: Promise<Browser> | undefined;
let producer: E2eSession;
let token = '';
let projectId = '';

let api: BearerApi;
const finished = (started: { job: { id: string } }) => jobSucceeded(api, projectId, started, 180_000);

/** A browser of the producer's own, already signed in, at a size and in a language. */
async function producerAt(locale: string, width: number): Promise<E2eSession> {
  const session = await newSession(browser, { locale, width, height: 844 });
  await session.page.addInitScript(
    `localStorage.setItem('khipu.session', ${JSON.stringify(
      await producer.page.evaluate<string>("localStorage.getItem('khipu.session')"),
    )})`,
  );
  return session;
}

async function openStep(page: Page, step: string): Promise<void> {
  await page.goto(`${target.webUrl}/projects/${projectId}${step ? `/${step}` : ''}`);
  await expectVisible(page.getByRole('heading', { name: TITLE, level: 1 }));
  await networkSettled(page);
}

/** The boxes that scroll sideways because what they hold is wider (a table in its `.table-scroll` frame). */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`Array.from(document.querySelectorAll('.table-scroll'))
    .filter((frame) => frame.scrollWidth > frame.clientWidth)
    .map((frame) => (frame.closest('section')?.querySelector('h2, h3')?.textContent ?? '?') + ': ' +
      frame.scrollWidth + ' > ' + frame.clientWidth)`);
}

/** How many lines of text the element's own text takes on screen (run in the page, hence a string). */
async function renderedLines(page: Page, selector: string): Promise<number> {
  return page.evaluate<number>(`(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(${JSON.stringify(selector)}));
    return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
  })()`);
}

/** The voice pickers narrower than their own option (a copy of each, left free to size itself, gives the width). */
async function clippedVoicePickers(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`Array.from(document.querySelectorAll('select[id$="-voice"]'))
    .map((select) => {
      const free = select.cloneNode(true);
      free.removeAttribute('id');
      free.style.position = 'absolute';
      free.style.width = 'auto';
      free.style.minWidth = '0';
      free.style.maxWidth = 'none';
      document.body.append(free);
      const needs = Math.round(free.getBoundingClientRect().width);
      free.remove();
      return { name: select.id, width: Math.round(select.getBoundingClientRect().width), needs };
    })
    .filter(({ width, needs }) => width < needs)
    .map(({ name, width, needs }) => name + ': ' + width + ' < ' + needs)`);
}

beforeAll(async () => {
  // The browser starts while the platform starts: neither waits on the other.
  browserLaunched = launchBrowser().then((launched) => (browser = launched));
  // Its failure is reported where it is awaited, below.
  browserLaunched.catch(() => undefined);
  target = await startPlatformTarget();
  producer = await newSession(await browserLaunched);
  await signIn(target, producer.page, CREATOR);
  token = await accessToken(producer.page);
  api = bearerApi(target.webUrl, token);
  projectId = await plannedMillBook(api, { title: TITLE, authors: [AUTHOR] }, 180_000);
  await finished(
    await api(`/v1/projects/${projectId}/productions`, {
      method: 'POST',
      json: { platforms: ['apple'], allowUnknownSpeakers: true },
    }),
  );
});

afterAll(async () => {
  await producer?.context.close();
  await browserLaunched?.catch(() => undefined);
  await browser?.close();
  await target?.stop();
});

describe('a produced book', () => {
  test('on a 390-px phone the job history, the voice browser and the delivery tables fit their boxes', async () => {
    const found: Record<string, string[]> = {};
    for (const locale of LOCALES) {
      const { page, context } = await producerAt(locale, 390);
      for (const step of ['production', 'casting', 'delivery']) {
        await openStep(page, step);
        await expectVisible(page.locator('.table-scroll table tbody tr'));
        found[`${locale} ${step}`] = await sidewaysScrollers(page);
        if (locale === 'es-PE') await screenshot(page, `produced-phone-${step}`);
      }
      await context.close();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
  });

  test('the author’s name stays whole on one line beside the stage badge, on a phone and a desktop', async () => {
    const lines: Record<string, number> = {};
    for (const locale of LOCALES) {
      for (const width of [390, 1280]) {
        const { page, context } = await producerAt(locale, width);
        await openStep(page, '');
        await expectVisible(page.locator('.page__subtitle .badge'));
        lines[`${locale} ${width}`] = await renderedLines(page, '.page__subtitle .muted');
        if (locale === 'pt-BR') await screenshot(page, `produced-header-${width}`);
        await context.close();
      }
    }
    expect(lines).toEqual(Object.fromEntries(Object.keys(lines).map((name) => [name, 1])));
  });

  test('the estimate step is done, delivery needs attention, and the phone’s row of steps shows the step the page is on', async () => {
    const said: Record<string, string[]> = {};
    const inView: Record<string, boolean> = {};
    for (const locale of LOCALES) {
      const { page, context } = await producerAt(locale, 390);
      await openStep(page, 'review');
      const nav = page.getByRole('list', { name: /.+/ }).filter({ has: page.locator('.step-nav__item') });
      const words = STEP_WORDS[locale];
      const stateOf = async (step: string) =>
        (await nav
          .getByRole('link', { name: new RegExp(step) })
          .locator('.step-nav__state')
          .textContent()) ?? '';
      // The book is produced and its Apple Books package lacks a cover: nothing to estimate, a package to fix.
      said[locale] = [await stateOf(words.estimate), await stateOf(words.delivery)];
      // Whole, and clear of the arrows over the row's ends: the delivery step's "no package passes its retailer's
      // rules" ran under the arrow, cut ("ningún paquete cumple las reglas de su t…").
      for (const step of ['review', 'delivery']) {
        if (step !== 'review') await openStep(page, step);
        await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
        inView[`${locale} ${step}`] = await page.evaluate<boolean>(`(() => {
          const current = document.querySelector('.step-nav__link[aria-current="page"]').getBoundingClientRect();
          const row = document.querySelector('.step-nav__list').getBoundingClientRect();
          const before = document.querySelector('.step-nav__more--before');
          const after = document.querySelector('.step-nav__more--after');
          const from = before ? before.getBoundingClientRect().right : row.left;
          const to = after ? after.getBoundingClientRect().left : row.right;
          return current.left >= from - 0.5 && current.right <= to + 0.5;
        })()`);
        if (locale === 'pt-BR') await screenshot(page, `produced-phone-${step}`);
      }
      await context.close();
    }
    expect({ said, inView }).toEqual({
      said: Object.fromEntries(
        LOCALES.map((locale) => [
          locale,
          [
            expect.stringMatching(new RegExp(`^${STEP_WORDS[locale].done}\\b`)),
            expect.stringMatching(new RegExp(`^${STEP_WORDS[locale].attention}\\b`)),
          ],
        ]),
      ),
      inView: Object.fromEntries(
        LOCALES.flatMap((locale) => [`${locale} review`, `${locale} delivery`]).map((name) => [name, true]),
      ),
    });
  });

  test('the voice browser’s filters do not run into each other on a desktop', async () => {
    const overlaps: Record<string, string[]> = {};
    for (const locale of LOCALES) {
      const { page, context } = await producerAt(locale, 1280);
      await openStep(page, 'casting');
      await expectVisible(page.locator('#voice-language'));
      overlaps[locale] = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('.toolbar__filter'))
        .filter((filter) => {
          const select = filter.querySelector('select');
          return select && select.getBoundingClientRect().right > filter.getBoundingClientRect().right + 0.5;
        })
        .map((filter) => filter.querySelector('label')?.textContent ?? '?')`);
      await context.close();
    }
    expect(overlaps).toEqual({ 'en-US': [], 'pt-BR': [], 'es-PE': [] });
  });

  test('in Portuguese no comment reads as words, and the project list is all Portuguese', async () => {
    const { page, context } = await producerAt('pt-BR', 1280);
    await openStep(page, 'review');
    await expectVisible(page.getByText('0 de 2 capítulos aprovados · nenhum comentário aberto'));
    expect(await page.getByText('Nenhum comentário aberto', { exact: true }).count()).toBe(2);
    expect(await page.getByText(/0 comentário aberto/).count()).toBe(0);
    await page.goto(`${target.webUrl}/projects`);
    await expectVisible(page.getByRole('link', { name: TITLE }));
    expect(await englishLeftOn(page, 'pt-BR')).toEqual([]);
    await context.close();
  });

  test('at 1280 px the character voices fit their card in the three languages, also once an audition plays', async () => {
    const found: Record<string, string[]> = {};
    for (const locale of LOCALES) {
      const { page, context } = await producerAt(locale, 1280);
      await openStep(page, 'casting');
      const voices = page.locator('section[aria-labelledby="character-voices-title"]');
      await expectVisible(voices.locator('tbody tr'));
      found[`${locale} casting`] = await sidewaysScrollers(page);
      await voices.locator('.audition button').first().click();
      await expectVisible(voices.locator('audio'));
      found[`${locale} casting, auditioning`] = await sidewaysScrollers(page);
      if (locale === 'es-PE') await screenshot(page, 'produced-desktop-casting');
      await context.close();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
  });

  test('on a desktop the projects list keeps each time stamp on one line beside a long title', async () => {
    await api('/v1/projects', {
      method: 'POST',
      json: {
        metadata: {
          title: 'Crónica extraordinaria y minuciosamente documentada de un molinero a orillas del río',
          authors: [AUTHOR, 'Bartolomé de las Casas-Quiñones'],
          language: 'es-PE',
        },
      },
    });
    const lines: Record<string, number[]> = {};
    for (const locale of LOCALES) {
      const { page, context } = await producerAt(locale, 1280);
      await page.goto(`${target.webUrl}/projects`);
      await expectVisible(page.getByRole('link', { name: TITLE }));
      await expectVisible(page.getByRole('link', { name: /^Crónica extraordinaria/ }));
      lines[locale] = await page.evaluate<number[]>(`Array.from(document.querySelectorAll('.project-table tbody time'))
        .map((stamp) => {
          const range = document.createRange();
          range.selectNodeContents(stamp);
          return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
        })`);
      if (locale === 'es-PE') await screenshot(page, 'projects-desktop');
      await context.close();
    }
    expect(lines).toEqual({ 'en-US': [1, 1], 'pt-BR': [1, 1], 'es-PE': [1, 1] });
  });

  test('on a desktop in Spanish and Portuguese: the language named whole, pauses in line, sizes whole, no “0 min”', async () => {
    const picker: Record<string, { width: number; needs: number }> = {};
    const stats: Record<string, string> = {};
    const pauseRowsOutOfLine: Record<string, number> = {};
    const manuscriptSize: Record<string, string> = {};
    const packageSizeLines: Record<string, number> = {};
    for (const locale of ['es-PE', 'pt-BR'] as const) {
      const { page, context } = await producerAt(locale, 1280);
      await openStep(page, '');
      await expectVisible(page.locator('select:has(optgroup)'));
      // The width the select would take to show its longest option, from a copy of it left free to size itself.
      picker[locale] = await page.evaluate<{ width: number; needs: number }>(`(() => {
        const select = document.querySelector('select:has(optgroup)');
        const free = select.cloneNode(true);
        free.removeAttribute('id');
        free.style.position = 'absolute';
        free.style.width = 'auto';
        free.style.maxWidth = 'none';
        document.body.append(free);
        const needs = Math.round(free.getBoundingClientRect().width);
        free.remove();
        return { width: Math.round(select.getBoundingClientRect().width), needs };
      })()`);
      await openStep(page, 'pronunciation');
      await expectVisible(page.locator('input[id^="pause-"]'));
      // Fields that start on the same line (one grid row) whose inputs do not: a label wrapped and pushed one down.
      pauseRowsOutOfLine[locale] = await page.evaluate<number>(`(() => {
        const inputTopsByRow = new Map();
        for (const input of document.querySelectorAll('input[id^="pause-"]')) {
          const row = Math.round(input.closest('.field').getBoundingClientRect().top);
          inputTopsByRow.set(row, [...(inputTopsByRow.get(row) ?? []), Math.round(input.getBoundingClientRect().top)]);
        }
        return [...inputTopsByRow.values()].filter((tops) => new Set(tops).size > 1).length;
      })()`);
      await openStep(page, 'manuscript');
      manuscriptSize[locale] =
        (await page
          .locator('dd', { hasText: /\bbytes?\b/ })
          .first()
          .textContent()) ?? '';
      await openStep(page, 'delivery');
      await expectVisible(page.locator('.table-scroll td', { hasText: /\d\skB$/ }));
      // The packages table's size cell ("294.7 kB"): how many lines its text takes.
      packageSizeLines[locale] = await page.evaluate<number>(`(() => {
        const cell = Array.from(document.querySelectorAll('.table-scroll td'))
          .find((td) => /\\d\\skB$/.test(td.textContent.trim()));
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
      })()`);
      await openStep(page, 'chapters'); // the first chapter opens in the editor
      await expectVisible(page.locator('.chapter-editor__header p'));
      stats[locale] = (await page.locator('.chapter-editor__header p').textContent()) ?? '';
      await context.close();
    }
    expect({
      clippedPickers: Object.values(picker).filter(({ width, needs }) => width < needs),
      pauseRowsOutOfLine,
      manuscriptSize,
      packageSizeLines,
      stats,
    }).toEqual({
      clippedPickers: [],
      pauseRowsOutOfLine: { 'es-PE': 0, 'pt-BR': 0 },
      manuscriptSize: { 'es-PE': '163\u00a0bytes', 'pt-BR': '163\u00a0bytes' },
      packageSizeLines: { 'es-PE': 1, 'pt-BR': 1 },
      stats: {
        'es-PE': expect.stringMatching(/^16 palabras · unos \d+\ss de audio$/),
        'pt-BR': expect.stringMatching(/^16 palavras · cerca de \d+\ss de áudio$/),
      },
    });
  });

  test('at tablet and desktop widths in the three languages: voice pickers whole, no table or page scrolling sideways', async () => {
    const found: Record<string, string[]> = {};
    for (const locale of LOCALES) {
      const { page, context } = await producerAt(locale, 768);
      await openStep(page, 'casting');
      await expectVisible(page.locator('select[id$="-voice"]'));
      for (const width of [768, 1024, 1440]) {
        await page.setViewportSize({ width, height: 844 });
        found[`${locale} ${width} casting`] = [
          ...(await clippedVoicePickers(page)),
          ...(await sidewaysScrollers(page)),
        ];
        if (locale === 'es-PE') await screenshot(page, `produced-casting-${width}`);
      }
      await page.setViewportSize({ width: 768, height: 844 });
      await openStep(page, 'delivery');
      await expectVisible(page.locator('.table-scroll table tbody tr'));
      // The packages' eight columns hid the download button past the card's edge.
      found[`${locale} 768 delivery`] = await sidewaysScrollers(page);
      if (locale === 'pt-BR') await screenshot(page, 'produced-delivery-768');
      await page.goto(`${target.webUrl}/projects`);
      await expectVisible(page.getByRole('link', { name: TITLE }));
      found[`${locale} 768 projects`] = await page.evaluate<string[]>(`(() => {
        const { scrollWidth, clientWidth } = document.documentElement;
        return scrollWidth > clientWidth ? ['the page: ' + scrollWidth + ' > ' + clientWidth] : [];
      })()`);
      await context.close();
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
  });

  test('on a tablet the keyboard’s focus shows whole: the current step in the row of steps, a voice picker', async () => {
    const { page, context } = await producerAt('es-PE', 768);
    await openStep(page, 'casting');
    await expectVisible(page.locator('select[id$="-voice"]'));
    // The focused element's box, the box of the nearest ancestor that clips it, and its ring (a box shadow).
    const focused = () =>
      page.evaluate<{ current: boolean; voice: boolean; whole: boolean; ringRoom: boolean; ring: string }>(`(() => {
        const element = document.activeElement;
        let frame = element.parentElement;
        while (frame && getComputedStyle(frame).overflowX === 'visible') frame = frame.parentElement;
        const box = element.getBoundingClientRect();
        const clip = (frame ?? document.documentElement).getBoundingClientRect();
        return {
          current: element.getAttribute('aria-current') === 'page' && element.closest('.step-nav') !== null,
          voice: /-voice$/.test(element.id),
          whole: box.left >= clip.left && box.right <= clip.right,
          ringRoom: box.left - 3 >= clip.left && box.right + 3 <= clip.right && box.top - 3 >= clip.top,
          ring: getComputedStyle(element).boxShadow,
        };
      })()`);
    const seen: Record<string, { whole: boolean; ringRoom: boolean; ring: boolean }> = {};
    for (let presses = 0; presses < 40 && Object.keys(seen).length < 2; presses++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      const what = now.current ? 'current step' : now.voice ? 'voice picker' : '';
      if (what && !seen[what]) {
        seen[what] = { whole: now.whole, ringRoom: now.ringRoom, ring: now.ring.includes('rgba(31, 78, 121, 0.35)') };
      }
    }
    await context.close();
    const shown = { whole: true, ringRoom: true, ring: true };
    expect(seen).toEqual({ 'current step': shown, 'voice picker': shown });
  });

  test('at 1280 px and on a 390-px phone no figure of the production and estimate pages breaks across lines', async () => {
    const broken: Record<string, string[]> = {};
    const figures: Record<string, number> = {};
    for (const locale of LOCALES) {
      for (const width of [390, 1280]) {
        const { page, context } = await producerAt(locale, width);
        for (const step of ['production', 'estimate']) {
          await openStep(page, step);
          await expectVisible(page.locator('.stat dd').first());
          const name = `${locale} ${width} ${step}`;
          // Each figure on one line of its own box; the count says the check saw them.
          const seen = await page.evaluate<{ count: number; broken: string[] }>(`(() => {
            const values = Array.from(document.querySelectorAll('.stat dd'));
            const broken = values.filter((value) => {
              const range = document.createRange();
              range.selectNodeContents(value);
              const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
              const box = value.closest('.stat').getBoundingClientRect();
              return lines > 1 || range.getBoundingClientRect().right > box.right + 0.5;
            });
            return { count: values.length, broken: broken.map((value) => value.textContent) };
          })()`);
          broken[name] = seen.broken;
          figures[name] = seen.count;
          if (locale === 'es-PE') await screenshot(page, `produced-figures-${step}-${width}`);
        }
        await context.close();
      }
    }
    expect(Object.values(figures).every((count) => count >= 4)).toBe(true);
    expect(broken).toEqual(Object.fromEntries(Object.keys(broken).map((name) => [name, []])));
  });

  test('nothing broke in the producer’s browser', () => {
    expect(producer.problems.filter((problem) => !/\b4\d\d\b/.test(problem))).toEqual([]);
  });
});
