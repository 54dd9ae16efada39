import { parseManuscript } from '../../adapters/manuscript';
import { navigationLines, withoutNavigationLines } from '../../core/manuscript/navigationLines';
import { cpuMsSince } from '../support/jestBudget';

const paragraph = (n: number) =>
  `The ferry crossed the river at dawn with the mail and two passengers, as it had on morning ${n}.`;

/** Which of the lines are taken for navigation, by their text. */
const navigation = (lines: string[]) => lines.filter((_, index) => navigationLines(lines)[index]);

async function htmlText(body: string): Promise<string> {
  const parsed = await parseManuscript(Buffer.from(`<!DOCTYPE html><html><body>${body}</body></html>`), {
    fileName: 'book.html',
  });
  return parsed.text;
}

describe('navigation lines in text', () => {
  it('drops a bar of arrows and separators that comes back, with numbers of its own, and keeps the blank lines', () => {
    const bar = (n: number) => `← Chapter ${n - 1} | The Ferry | Chapter ${n + 1} →`;
    const text = [1, 2, 3].map((n) => `${bar(n)}\n\nCHAPTER ${n}\n\n${paragraph(n)}`).join('\n\n\n\n');
    expect(withoutNavigationLines(text)).toBe(
      [1, 2, 3].map((n) => `\nCHAPTER ${n}\n\n${paragraph(n)}`).join('\n\n\n\n'),
    );
  });

  it('needs the recurrence: a bar or a label found once is read', () => {
    const lines = ['← Previous | Contents | Next →', paragraph(1), 'Back to top', paragraph(2), 'Back to top'];
    expect(navigation(lines)).toEqual([]);
  });

  it('drops a label that is a way to go when it comes back three times ("Back to top", "[Contents]")', () => {
    const lines = [1, 2, 3].flatMap((n) => ['[Contents]', `Chapter ${n}`, paragraph(n), 'Back to top']);
    expect(navigation(lines)).toEqual([1, 2, 3].flatMap(() => ['[Contents]', 'Back to top']));
  });

  it('keeps sentences saying next or previous, or holding an arrow or a pipe, however often they come back', () => {
    const lines = [1, 2, 3].flatMap(() => [
      'Next, he untied the boat.',
      'El capítulo anterior, dijo, era el mejor',
      'Suivant !',
      '«Suivant»',
      'the ferry → the town, and back',
    ]);
    expect(navigation(lines)).toEqual([]);
  });

  it('keeps recurring chapter headings, table rows and headings of contents lists (an omnibus repeats them)', () => {
    const lines = [1, 2, 3].flatMap((n) => [
      'CONTENTS',
      `Capítulo ${'I'.repeat(n)}`,
      `| ${n} | ${n * 2} | ${n * 3} |`,
      'Índice',
      paragraph(n),
    ]);
    expect(navigation(lines)).toEqual([]);
  });

  it('drops a contents label beside a navigation bar', () => {
    const lines = [1, 2].flatMap((n) => ['◄ Anterior | Siguiente ►', '', 'Índice', `Capítulo ${n}`, paragraph(n)]);
    expect(navigation(lines)).toEqual(['◄ Anterior | Siguiente ►', 'Índice', '◄ Anterior | Siguiente ►', 'Índice']);
  });
});

describe('navigation in HTML', () => {
  it('drops <nav> and role="navigation" elements, and reads a long one (a contents list) as before', async () => {
    const contents = Array.from(
      { length: 30 },
      (_, n) => `<li><a href="#c${n}">Chapter ${n}: The long crossing</a></li>`,
    );
    const text = await htmlText(
      `<nav><ul>${contents.join('')}</ul></nav><nav><a href="#c1">Previous</a> <a href="#c3">Next</a></nav>` +
        `<h2 id="c2">Chapter 2</h2><p>${paragraph(2)}</p><div role="navigation"><p><a href="#top">Top</a></p></div>`,
    );
    expect(text).toContain('Chapter 29: The long crossing');
    expect(text).not.toMatch(/Previous|Next|Top/);
    expect(text).toContain(paragraph(2));
  });

  it('drops a paragraph of links to two places of the book, or the same links again, but not a contents list', async () => {
    const contents = [1, 2, 3, 4].map((n) => `<p><a href="#c${n}">Chapter ${n}</a></p>`).join('');
    const chapters = [1, 2, 3, 4]
      .map(
        (n) =>
          `<p><a href="#toc">Table</a></p><h2 id="c${n}">Chapter ${n}</h2><p>${paragraph(n)}</p>` +
          `<p><a href="#c${n - 1}">Back</a> · <a href="#c${n + 1}">On</a></p>`,
      )
      .join('');
    const text = await htmlText(`<h2 id="toc">The Ferry</h2>${contents}<p>${paragraph(0)}</p>${chapters}`);
    expect(text).not.toMatch(/Table|Back|On\b/);
    expect(text).toContain('Chapter 1\n\nChapter 2\n\nChapter 3\n\nChapter 4');
  });

  it('keeps a paragraph with words beside its links, a link to one place once, and links leaving the book', async () => {
    const text = await htmlText(
      [1, 2]
        .map(
          (n) =>
            `<h2>Chapter ${n}</h2><p>See <a href="#c${n + 1}">the next chapter</a></p>${n === 1 ? '<p><a href="#map">Map</a></p>' : ''}` +
            `<p><a href="https://example.org/a">Shop</a> | <a href="https://example.org/b">Library</a></p>`,
        )
        .join(''),
    );
    expect(text.match(/See the next chapter/g)).toHaveLength(2);
    expect(text.match(/^Map$/gm)).toHaveLength(1);
    expect(text.match(/Shop \| Library/g)).toHaveLength(2);
  });
});

describe('navigation in Markdown', () => {
  it('drops a bar of links that comes back, and keeps a sentence with a link', async () => {
    const bar = '[← Capítulo anterior](cap0.md) | [Índice](indice.md) | [Capítulo siguiente →](cap2.md)';
    const markdown = [1, 2, 3]
      .map(
        (n) => `${bar}\n\n## Capítulo ${n}\n\n${paragraph(n)} Ver [el capítulo siguiente](cap${n + 1}.md).\n\n${bar}`,
      )
      .join('\n\n');
    const parsed = await parseManuscript(Buffer.from(markdown), { fileName: 'libro.md' });
    expect(parsed.text).not.toMatch(/Capítulo anterior|Índice|→/);
    expect(parsed.text.match(/Ver el capítulo siguiente\./g)).toHaveLength(3);
  });
});

describe('navigation on hostile input', () => {
  /** Far above reading a megabyte in linear time; far below reading it once per line or per element. */
  const HOSTILE_CPU_BUDGET_MS = 30_000;
  const HANG_LIMIT_MS = 180_000;

  it(
    'reads a megabyte of navigation-like lines and elements in one pass',
    async () => {
      const start = process.cpuUsage();
      const lines = Array.from({ length: 40_000 }, (_, n) => (n % 2 ? '← a | b →' : `Índice ${'→'.repeat(n % 7)}`));
      const text = `${lines.join('\n')}\n${'→ | '.repeat(100_000)}\nCHAPTER 1\n\nThe end.`;
      const parsed = await parseManuscript(Buffer.from(text), { fileName: 'bars.txt' });
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(parsed.text).toContain('The end.');
      expect(parsed.text).not.toContain('← a | b →');

      const markup =
        '<nav>'.repeat(2_000) +
        '<p><a href="#x">x</a></p>'.repeat(10_000) +
        '</nav>'.repeat(2_000) +
        '<p><a href="#a">Previous</a> | <a href="#b">Next</a></p>'.repeat(10_000) +
        '<p>The end.</p>';
      const html = await parseManuscript(Buffer.from(`<!DOCTYPE html><html><body>${markup}</body></html>`), {
        fileName: 'bars.html',
      });
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expect(html.text).toContain('The end.');
      expect(html.text).not.toContain('Previous');
      expect(Buffer.byteLength(text) + Buffer.byteLength(markup)).toBeGreaterThan(1_000_000);
    },
    HANG_LIMIT_MS,
  );
});
