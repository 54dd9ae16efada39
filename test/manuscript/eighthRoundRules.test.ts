import { parseManuscript } from '../../adapters/manuscript';
import { describe as describeChapters } from '../../bench/chapters/score';
import { detectChapters } from '../../core/manuscript/chapters';
import { pageFurniture } from '../../core/manuscript/pageFurniture';
import { buildPlacedPdf, setLines, type PlacedText } from './fixtures/builders';

/**
 * The rules the eighth held-out round of chapter fixtures brought (test/manuscript/fixtures/eighthRound.ts), one by
 * one, with the cases they must leave alone.
 */
const prose = 'The wind came down from the hills and the whole village listened to it all night long.';
const prosa = 'El viento bajó de los montes y todo el pueblo estuvo escuchándolo la noche entera.';

const chaptersOf = async (source: string | Buffer, fileName: string, language = 'en-GB') => {
  const bytes = typeof source === 'string' ? Buffer.from(source) : source;
  const parsed = await parseManuscript(bytes, { fileName, language });
  return describeChapters(parsed.text, detectChapters(parsed, { language }));
};
const book = (...pages: string[]) => pages.join('\n\n\n\n');
const text = (sentence: string) => `${sentence} ${sentence}\n\n${sentence}`;

describe('an ornament alone at the edge of pages', () => {
  it('is the book’s own, not a running head, however many pages it heads', () => {
    const pages = [1, 2, 3, 4].map((n) => ['❦', '', prose, '', String(n)]);
    const furniture = pageFurniture(pages);
    expect(furniture.map((lines) => lines[0])).toEqual([false, false, false, false]);
    // The page numbers at the foot still go.
    expect(furniture.map((lines) => lines[4])).toEqual([true, true, true, true]);
  });

  it('leaves a running head with words to go as before', () => {
    const pages = [1, 2, 3, 4].map((n) => ['THE WINTER FERRY', '', prose, '', String(n)]);
    expect(pageFurniture(pages).map((lines) => lines[0])).toEqual([false, true, true, true]);
  });
});

describe('chapters opened by an ornament alone', () => {
  it('starts a chapter at each ornament of the kind that opens the text, named by its place', async () => {
    const chapters = await chaptersOf(
      book(
        'THE WINTER FERRY\n\nEdith Marlow',
        `⁂\n\n${text(prose)}`,
        `⁂\n\n${text(prose)}\n\n* * *\n\n${text(prose)}`,
        `⁂\n\n${text(prose)}`,
      ),
      'b.txt',
    );
    expect(chapters.map((c) => [c.type, c.title, c.firstLine])).toEqual([
      ['title_page', 'Title page', 'THE WINTER FERRY'],
      ['chapter', 'Chapter 1', '⁂'],
      ['chapter', 'Chapter 2', '⁂'],
      ['chapter', 'Chapter 3', '⁂'],
    ]);
  });

  it('names them in the book’s language, also when they open pages of paged text', async () => {
    const pages = ['EL CARTERO\n\nJulián Morales', ...[1, 2, 3].map((n) => `    ❧\n\n${text(prosa)}\n\n${n + 1}`)];
    const chapters = await chaptersOf(pages.join('\f'), 'b.txt', 'es-ES');
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Portada'],
      ['chapter', 'Capítulo 1'],
      ['chapter', 'Capítulo 2'],
      ['chapter', 'Capítulo 3'],
    ]);
  });

  it('leaves scene breaks that come after the story has started as text', async () => {
    const chapters = await chaptersOf(
      book('THE WINTER FERRY', `${text(prose)}\n\n* * *\n\n${text(prose)}\n\n* * *\n\n${text(prose)}`),
      'b.txt',
    );
    expect(chapters.map((c) => [c.type, c.title])).toEqual([['chapter', 'Chapter 1']]);
  });

  it('cuts nothing at a single ornament before the text, or at a rule of dashes', async () => {
    const headpiece = await chaptersOf(book('THE WINTER FERRY', `❦\n\n${text(prose)}\n\n${text(prose)}`), 'b.txt');
    expect(headpiece.filter((c) => c.type === 'chapter')).toHaveLength(1);
    const rules = await chaptersOf(
      book('THE WINTER FERRY', `———\n\n${text(prose)}`, `———\n\n${text(prose)}`, `———\n\n${text(prose)}`),
      'b.txt',
    );
    expect(rules.filter((c) => c.type === 'chapter')).toHaveLength(1);
  });

  it('leaves ornaments under chapter headings to the headings', async () => {
    const chapters = await chaptersOf(
      book(
        'THE WINTER FERRY',
        `CHAPTER 1\n\n❦\n\n${text(prose)}`,
        `CHAPTER 2\n\n❦\n\n${text(prose)}`,
        `CHAPTER 3\n\n❦\n\n${text(prose)}`,
      ),
      'b.txt',
    );
    expect(chapters.map((c) => c.title)).toEqual(['Title page', 'CHAPTER 1', 'CHAPTER 2', 'CHAPTER 3']);
  });
});

describe('a numeral right under a part heading', () => {
  const prosa = 'A estrada nova chegou à aldeia numa primavera, e com ela a camioneta da carreira, duas vezes.';
  const part = (heading: string, numerals: string[]) => [heading, ...numerals.map((n) => `${n}\n\n${text(prosa)}`)];

  it.each([
    ['PRIMEIRA PARTE', 'SEGUNDA PARTE', ['I', 'II']],
    ['PARTE PRIMEIRA', 'PARTE SEGUNDA', ['1', '2']],
  ])('opens the part’s first chapter, not its title (%s, %s)', async (first, second, numerals) => {
    const chapters = await chaptersOf(
      book('O VALE\n\nJoana Prates', ...part(first, numerals), ...part(second, numerals)),
      'b.txt',
      'pt-PT',
    );
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Folha de rosto'],
      ['part', first],
      ...numerals.map((n) => ['chapter', `${first}, ${n}`]),
      ['part', second],
      ...numerals.map((n) => ['chapter', `${second}, ${n}`]),
    ]);
  });

  it('may still title the part when it counts with nothing: "BOOK ONE" over "1851"', async () => {
    const chapters = await chaptersOf(
      book(
        'THE YEARS',
        'BOOK ONE\n\n1851',
        ...part('', ['I', 'II']).slice(1),
        'BOOK TWO\n\n1852',
        `III\n\n${text(prose)}`,
      ),
      'b.txt',
    );
    expect(chapters.filter((c) => c.type === 'part').map((c) => c.title)).toEqual(['BOOK ONE: 1851', 'BOOK TWO: 1852']);
  });
});

describe('a title wrapped over two lines under its heading, where only the words tell a title', () => {
  /** A typeset page: "CAPÍTULO n" over its title's lines, centred and larger than the text, a page number at the foot. */
  const pdf = (titles: string[][]) => {
    const pages: PlacedText[][] = [[{ x: 250, y: 600, size: 20, text: 'EL CARTERO' }]];
    titles.forEach((lines, c) => {
      const placed: PlacedText[] = [{ x: 262, y: 690, size: 16, text: `CAPÍTULO ${c + 1}` }];
      lines.forEach((line, k) => placed.push({ x: 306 - line.length * 3.5, y: 660 - k * 16, size: 13, text: line }));
      let y = 620;
      for (const line of [...setLines(prosa), '', ...setLines(prosa)]) {
        y -= 14;
        if (line) placed.push({ x: 72, y, size: 11, text: line });
      }
      placed.push({ x: 300, y: 50, size: 9, text: String(pages.length + 1) });
      pages.push(placed);
    });
    return buildPlacedPdf(pages);
  };

  it('is one title when its second line carries the first on in lower case', async () => {
    const titles = [
      ['En el que el cartero sube a la sierra', 'con la mula y las cartas del mes'],
      ['La feria'],
      ['La nevada'],
      ['La vuelta al pueblo'],
    ];
    const chapters = await chaptersOf(pdf(titles), 'c.pdf', 'es-ES');
    expect(chapters.map((c) => c.title)).toEqual([
      'Portada',
      'CAPÍTULO 1: En el que el cartero sube a la sierra con la mula y las cartas del mes',
      'CAPÍTULO 2: La feria',
      'CAPÍTULO 3: La nevada',
      'CAPÍTULO 4: La vuelta al pueblo',
    ]);
  });

  it('leaves a short first paragraph of two lines ending in a stop to the text', async () => {
    const html = (opening: (n: number) => string) =>
      '<html><body><p>La feria</p>' +
      [1, 2, 3, 4, 5].map((n) => `<p>CAPÍTULO ${n}</p><p>${opening(n)}</p><p>${prosa}</p><p>${prosa}</p>`).join('') +
      '</body></html>';
    const chapters = await chaptersOf(
      html((n) =>
        n <= 3
          ? `La feria ${['uno', 'dos', 'tres'][n - 1]}`
          : 'Llovió toda la noche sobre el puerto<br/>y nadie salió.',
      ),
      'c.html',
      'es-ES',
    );
    expect(chapters.map((c) => c.title)).toEqual([
      'Portada',
      'CAPÍTULO 1: La feria uno',
      'CAPÍTULO 2: La feria dos',
      'CAPÍTULO 3: La feria tres',
      'CAPÍTULO 4',
      'CAPÍTULO 5',
    ]);
  });
});
