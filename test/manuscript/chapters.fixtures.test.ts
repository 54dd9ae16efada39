import { parseManuscript } from '../../adapters/manuscript';
import { describe as describeChapters, scoreChapters } from '../../bench/chapters/score';
import { paragraphsOf } from '../../core/manuscript/chapterEdits';
import { detectBookChapters, detectChapters } from '../../core/manuscript/chapters';
import { classifyHeadingLine, isEndMarker, looksLikeTitleLine } from '../../core/manuscript/headings';
import { CHAPTER_FIXTURES } from './fixtures/chapterFixtures';

const paragraph = (n: number) =>
  `This is paragraph ${n} of the story, and it goes on for a while so that the chapter has some weight to it.`;
const body = (paragraphs: number, from = 0) =>
  Array.from({ length: paragraphs }, (_, i) => paragraph(from + i)).join('\n\n');
const detect = async (text: string, language = 'en-GB') =>
  detectBookChapters(await parseManuscript(Buffer.from(text), { fileName: 'book.txt' }), { language });

describe.each(CHAPTER_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('fixture %s', (_name, fixture) => {
  it(`reads its chapters: ${fixture.convention}`, async () => {
    const { bytes, fileName } = await fixture.build();
    const parsed = await parseManuscript(bytes, { fileName, language: fixture.language });
    const found = describeChapters(parsed.text, detectChapters(parsed, { language: fixture.language }));
    expect(scoreChapters(found, fixture.expected)).toMatchObject({ missing: [], spurious: [] });
    expect(found).toEqual(fixture.expected);
  });
});

describe('heading lines', () => {
  it.each([
    ['CHAPTER THE FIRST', 'labelled', 1],
    ['Chapter XXIV.', 'labelled', 24],
    ['Capítulo primero', 'labelled', 1],
    ['CAPITULO PRIMEIRO', 'labelled', 1],
    ['CHAPITRE DIX-SEPT', 'labelled', 17],
    ['LETTER I', 'labelled', 1],
    ['ADVENTURE I. A SCANDAL IN BOHEMIA', 'labelled', 1],
    ['STAVE III:  THE SECOND OF THE THREE SPIRITS', 'labelled', 3],
    ['BOOK ONE', 'part', 1],
    ['Primera parte', 'part', 1],
    ['PART THE SECOND', 'part', 2],
    ['LIBRO TERCERO', 'part', 3],
    ['XII.', 'numeral', 12],
    ['I. A SCANDAL IN BOHEMIA', 'numeral', 1],
    ['— 7 —', 'numeral', 7],
    ['ACT III', 'part', 3],
    ['Primer acto', 'part', 1],
    ['ATO SEGUNDO', 'part', 2],
    ['SCENE II. The street outside, later.', 'labelled', 2],
    ['ESCENA PRIMERA', 'labelled', 1],
    ['CENA IV', 'labelled', 4],
    ['§ 3', 'numeral', 3],
    ['§ IV. The Coast', 'numeral', 4],
    // A dash against the number is the separator: raya headings, and the double hyphen of plain-text editions.
    ['CAPÍTULO PRIMERO.—De cómo llegamos a la aldea.', 'labelled', 1],
    ['BOOK THE FIRST.--THE RIVER', 'part', 1],
    ['PART IV.—THE CONFESSION.', 'part', 4],
    ['II.—THE VISITOR', 'numeral', 2],
    ['Capítulo Quarto', 'labelled', 4],
    ['Capítulo Décimo Quarto', 'labelled', 14],
    ['Chapter Twenty-One', 'labelled', 21],
    ['CAPÍTULO VIGÉSIMO PRIMERO', 'labelled', 21],
    // French ordinals past the twelfth by their cardinals; Spanish ordinal tens written as one word with the unit.
    ['CHAPITRE TREIZIÈME', 'labelled', 13],
    ['CHAPITRE VINGT ET UNIÈME', 'labelled', 21],
    ['Chapitre dix-septième', 'labelled', 17],
    ['Capítulo decimotercero', 'labelled', 13],
    ['CAPÍTULO VIGESIMOPRIMERO', 'labelled', 21],
    // Italian numbers in words; the only chapter of a book is its first; a frame tale's days.
    ['CAPITOLO PRIMO', 'labelled', 1],
    ['Capitolo undicesimo', 'labelled', 11],
    ['PARTE SECONDA', 'part', 2],
    ['Lettera terza', 'labelled', 3],
    ['CAPÍTULO ÚNICO', 'labelled', 1],
    ['Chapitre unique', 'labelled', 1],
    ['Primeiro Dia', 'labelled', 1],
    ['DAY THE SECOND', 'labelled', 2],
    ['Premier jour', 'labelled', 1],
    ['Giornata terza', 'labelled', 3],
    ['Day 4: The Well', 'labelled', 4],
  ])('reads %s', (line, family, number) => {
    expect(classifyHeadingLine(line)).toMatchObject({ family, number });
  });

  it.each([
    'Chapter one was the dullest part of the report.',
    'I went down to the river that morning.',
    'Book me a table for two, please.',
    'THE END',
    'D. PEDRO A. DE ALARCÓN',
    'M. Dupont est arrivé',
    'Primera parte del viaje fue muy dura, y nadie lo olvidó',
    'Act one was the longest, and the audience slept through it.',
    'Ato contínuo, levantou-se e saiu.',
    'Chapter one--so the old man said--was the best.',
    '§ 3 of the act says nothing of it.',
    'Day 1: the harbour. Day 4: the first well.',
    'Dia 3 de março de 1870',
    'Primeiro dia de aula foi longo.',
    'Secondo me, aveva ragione.',
  ])('does not read "%s" as a heading', (line) => {
    expect(classifyHeadingLine(line)).toBeNull();
  });

  it.each([
    ['Primera parte del ingenioso caballero de la Mancha', 1],
    ['Segunda parte de la gaviota del puerto', 2],
    ['Part one of the journey', 1],
  ])('reads "%s" as a part whose name runs on after the number', (line, number) => {
    expect(classifyHeadingLine(line)).toMatchObject({ family: 'part', number, runOn: true });
  });

  it.each([
    ['CHAPTER THE LAST', 'labelled'],
    ['THE LAST CHAPTER', 'labelled'],
    ['Capítulo último', 'labelled'],
    ['Último capítulo', 'labelled'],
    ['O último capítulo', 'labelled'],
    ['BOOK THE LAST', 'part'],
    ['PARTE ÚLTIMA', 'part'],
    ['The Last Chapter: Home Again', 'labelled'],
  ])('reads "%s" as a heading numbered by its place, the last', (line, family) => {
    expect(classifyHeadingLine(line)).toMatchObject({ family, last: true });
  });

  it.each([
    'The last book I read was dull',
    'The Last Chapter Of All',
    'Chapter the last was the longest.',
    'Última parte de la herencia',
    'THE LAST LETTER',
    'Última carta',
    'The Last Part',
  ])('does not read "%s" as a last heading', (line) => {
    expect(classifyHeadingLine(line)).toBeNull();
  });

  it('reads a lone L, C, D or M as a numeral only without a name after it', () => {
    expect(classifyHeadingLine('L.')).toMatchObject({ family: 'numeral', number: 50 });
    expect(classifyHeadingLine('D. Gloria')).toBeNull();
  });

  it.each([
    ['FIN.', true],
    ['THE END', true],
    ['_The End._', true],
    ['FIM', true],
    ['Finis.', true],
    ['Fin de semana', false],
    ['The end of the road', false],
  ])('reads "%s" as the line closing the work: %s', (line, closes) => {
    expect(isEndMarker(line)).toBe(closes);
  });

  it.each([
    ['D. Gloria.', true],
    ['Mr. Hale comes home.', true],
    ['He left. She stayed.', false],
  ])('reads "%s" as a title line: %s (an abbreviation before a name does not end a sentence)', (line, title) => {
    expect(looksLikeTitleLine(line)).toBe(title);
  });

  it.each([
    ['Contents', 'contents'],
    ['ÍNDICE', 'contents'],
    ['Sumário', 'contents'],
    ['Ao leitor', 'preface'],
    ['APRESENTAÇÃO', 'preface'],
    ['Presentación', 'preface'],
    ['NOTA DO EDITOR', 'preface'],
    ["Publisher's Note", 'preface'],
    ['INTRODUCTORY NOTE', 'introduction'],
    ['Nota prévia', 'preface'],
    ['PREFACE TO THE SECOND EDITION', 'preface'],
    ['Obras do autor', 'also_by'],
    ['Also by Jane Doe', 'also_by'],
    ['DRAMATIS PERSONAE', 'front_matter'],
    ['INTERLUDE', 'chapter'],
    ['Intermezzo', 'chapter'],
    ['Titlepage', 'title_page'],
    ['Imprint', 'colophon'],
    ['Uncopyright', 'copyright'],
    ['Half title', 'half_title'],
    ['Prefazione', 'preface'],
    ['Personajes', 'front_matter'],
  ])('names the section "%s" (%s)', (line, type) => {
    expect(classifyHeadingLine(line)?.type).toBe(type);
  });
});

describe('no silent merge', () => {
  it('finds a misprinted heading word where the numbering has a hole, and says so when it finds none', async () => {
    const chapters = [1, 2, 3, 4, 5, 6].map((n) => `${n === 4 ? 'CHAPTRE' : 'CHAPTER'} ${n}\n\n${body(3, n * 10)}`);
    const recovered = await detect(chapters.join('\n\n\n\n'));
    expect(recovered.chapters.map((c) => c.title)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `${n === 4 ? 'CHAPTRE' : 'CHAPTER'} ${n}`),
    );

    const broken = [1, 2, 3, 4, 5, 6].map((n) => `${n === 4 ? 'Interlude' : `CHAPTER ${n}`}\n\n${body(3, n * 10)}`);
    const gap = await detect(broken.join('\n\n\n\n'));
    expect(gap.chapters).toHaveLength(5);
    const third = gap.chapters[2];
    expect(third.warnings).toEqual([
      expect.objectContaining({ code: 'numbering_gap', message: expect.stringContaining('from 3 to 5') }),
    ]);
    expect(gap.confidence).toBeLessThanOrEqual(0.5);
  });

  it('warns with the line and the paragraph to split at when a heading-like line is not taken', async () => {
    const chapters = [1, 2, 3, 4].map((n) => `CHAPTER ${n}\n\n${body(3, n * 10)}`);
    // An upper-case title set apart like the headings, in a book whose chapters are numbered: not taken, but flagged.
    chapters[1] += `\n\n\n\nTHE SECOND JOURNEY\n\n${body(2, 90)}`;
    const detection = await detect(chapters.join('\n\n\n\n'));
    expect(detection.chapters).toHaveLength(4);
    const second = detection.chapters[1];
    const [warning] = second.warnings;
    expect(warning).toMatchObject({ code: 'rejected_heading', line: 'THE SECOND JOURNEY', paragraphIndex: 4 });
    const text = (await parseManuscript(Buffer.from(chapters.join('\n\n\n\n')), { fileName: 'b.txt' })).text;
    const chapterText = text.slice(second.startOffset, second.endOffset);
    expect(chapterText.slice(warning.offset!).startsWith('THE SECOND JOURNEY')).toBe(true);
    expect(paragraphsOf(chapterText)[warning.paragraphIndex!].text).toBe('THE SECOND JOURNEY');
    expect(detection.confidence).toBeLessThanOrEqual(0.5);
  });

  it('warns when a chapter is more than four times the median length', async () => {
    const chapters = [1, 2, 3, 4, 5].map((n) => `Chapter ${n}\n\n${body(n === 5 ? 30 : 4, n * 100)}`);
    const detection = await detect(chapters.join('\n\n\n\n'));
    expect(detection.chapters.map((c) => c.warnings.map((w) => w.code))).toEqual([[], [], [], [], ['long_chapter']]);
    // Long alone is not doubtful: nothing inside it looked like a heading.
    expect(detection.confidence).toBeGreaterThan(0.5);
  });

  it('does not take the entries of a contents list at the end for chapters, and leaves the list unspoken', async () => {
    const text = [1, 2, 3].map((n) => `Capítulo ${n}\n\n${body(3, n * 10)}`).join('\n\n\n\n');
    const detection = await detect(
      `${text}\n\n\n\nÍNDICE\n\nCapítulo 1 .... 5\nCapítulo 2 .... 9\nCapítulo 3 .... 14\n`,
      'es',
    );
    expect(detection.chapters.map((c) => [c.type, c.title, c.spoken])).toEqual([
      ['chapter', 'Capítulo 1', true],
      ['chapter', 'Capítulo 2', true],
      ['chapter', 'Capítulo 3', true],
      ['contents', 'ÍNDICE', false],
    ]);
  });

  it('keeps three headings in a row that are not a contents list (a part, a book, a chapter)', async () => {
    const detection = await detect(`PART I\n\n\nBOOK I\n\n\nCHAPTER 1\n\n${body(3)}\n\n\n\nCHAPTER 2\n\n${body(3, 5)}`);
    expect(detection.chapters.map((c) => [c.type, c.title])).toEqual([
      ['part', 'PART I'],
      ['part', 'BOOK I'],
      ['chapter', 'CHAPTER 1'],
      ['chapter', 'CHAPTER 2'],
    ]);
  });
});

describe('numbering', () => {
  it('takes numerals that count up to a worded sequence from 1 as its first chapters', async () => {
    const book = [
      `I. THE START\n\n${body(3)}`,
      ...[2, 3, 4].map((n) => `CHAPTER ${['', 'I', 'II', 'III', 'IV'][n]}. PART OF IT\n\n${body(3, n * 10)}`),
    ].join('\n\n\n\n');
    const detection = await detect(book);
    expect(detection.chapters.map((c) => [c.type, c.title, c.confidence])).toEqual([
      ['chapter', 'I. THE START', 0.9],
      ['chapter', 'CHAPTER II. PART OF IT', 0.99],
      ['chapter', 'CHAPTER III. PART OF IT', 0.99],
      ['chapter', 'CHAPTER IV. PART OF IT', 0.99],
    ]);
  });

  it('does not take a stray numeral before a worded sequence for its beginning', async () => {
    const book = [
      `${body(3)}\n\n\nIV. A NOTE\n\n${body(1, 5)}`,
      ...[5, 6, 7].map((n) => `CHAPTER ${n}\n\n${body(3, n * 10)}`),
    ].join('\n\n\n\n');
    const detection = await detect(book);
    expect(detection.chapters.map((c) => c.title)).not.toContain('IV. A NOTE');
  });

  it('keeps a heading line that wraps only when the line before was long enough to be wrapped', async () => {
    const wrapped = await detect(
      [1, 2, 3]
        .map(
          (n) =>
            `CHAPTER ${n}. In which the travellers cross the river at night and\nlose the road\n\n${body(2, n * 10)}`,
        )
        .join('\n\n\n\n'),
    );
    expect(wrapped.chapters[0].title).toBe(
      'CHAPTER 1. In which the travellers cross the river at night and lose the road',
    );
    const unwrapped = await detect(
      [1, 2, 3].map((n) => `CHAPTER ${n}. The Start\nit was cold.\n\n${body(2, n * 10)}`).join('\n\n\n\n'),
    );
    expect(unwrapped.chapters[0].title).toBe('CHAPTER 1. The Start');
  });
});

describe('parts', () => {
  it('take the title line under them, even when their first chapter heading follows at once', async () => {
    const book = ['ONE', 'TWO']
      .map(
        (n, i) => `BOOK ${n}\n\nTHE ${n === 'ONE' ? 'COAST' : 'DESERT'}\n\n\n\nCHAPTER ${i + 1}\n\n${body(3, i * 10)}`,
      )
      .join('\n\n\n\n');
    const detection = await detect(book);
    expect(detection.chapters.map((c) => [c.type, c.title])).toEqual([
      ['part', 'BOOK ONE: THE COAST'],
      ['chapter', 'CHAPTER 1'],
      ['part', 'BOOK TWO: THE DESERT'],
      ['chapter', 'CHAPTER 2'],
    ]);
  });
});

describe('front matter', () => {
  it('a page of publication history is the copyright page, even when it names its publisher', async () => {
    const chapters = [1, 2, 3].map((n) => `CHAPTER ${n}\n\n${body(3, n * 10)}`).join('\n\n\n\n');
    for (const history of [
      'First published in 1911 by Hartley & Sons, London.',
      'Publicado por primera vez en 1902 por la Editorial Calleja.\n\nEsta edición es de dominio público.',
    ]) {
      const detection = await detect(`THE HILL\n\nby Ann Oakes\n\n\n\n${history}\n\n\n\n${chapters}`);
      expect(detection.chapters.slice(0, 2).map((c) => [c.type, c.spoken])).toEqual([
        ['title_page', false],
        ['copyright', false],
      ]);
    }
  });
});

describe('volumes', () => {
  it('a volume number on the title page, with no other volume after it, is the title page, not a part', async () => {
    const chapters = [19, 20, 21].map((n) => `CHAPTER ${n}\n\n${body(3, n * 10)}`).join('\n\n\n\n');
    const detection = await detect(`THE SALT MARSH\n\nVOLUME II\n\nBY HELEN MARSH\n\n\n\n${chapters}`);
    expect(detection.chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Title page'],
      ['chapter', 'CHAPTER 19'],
      ['chapter', 'CHAPTER 20'],
      ['chapter', 'CHAPTER 21'],
    ]);
    // Another volume heading later makes it the first of the book's parts.
    const twoVolumes = await detect(
      `THE SALT MARSH\n\nVOLUME I\n\nTHE SHORE\n\n\n\n${chapters}\n\n\n\nVOLUME II\n\nTHE SEA\n\n\n\nCHAPTER 22\n\n${body(3)}`,
    );
    expect(twoVolumes.chapters.filter((c) => c.type === 'part').map((c) => c.title)).toEqual([
      'VOLUME I: THE SHORE',
      'VOLUME II: THE SEA',
    ]);
  });
});

describe('section signs', () => {
  it('numbers chapters "§ 1", "§ 2" … like bare numbers, titled as written', async () => {
    const book = [1, 2, 3].map((n) => `§ ${n}\n\n${body(3, n * 10)}`).join('\n\n\n\n');
    expect((await detect(book)).chapters.map((c) => c.title)).toEqual(['§ 1', '§ 2', '§ 3']);
  });
});

describe('letters', () => {
  it('a book told in letters starts each at its date line over a salutation, named by the date (es, pt)', async () => {
    const letter = (date: string, greeting: string, n: number) => `${date}\n\n${greeting}\n\n${body(2, n * 10)}`;
    const es = await detect(
      [
        letter('Madrid, 3 de marzo de 1851.', 'Querida hermana:', 1),
        letter('Toledo, 10 de abril de 1851.', 'Mi querido Juan,', 2),
      ].join('\n\n\n\n'),
      'es',
    );
    expect(es.chapters.map((c) => [c.type, c.title])).toEqual([
      ['chapter', 'Madrid, 3 de marzo de 1851.'],
      ['chapter', 'Toledo, 10 de abril de 1851.'],
    ]);
    const pt = await detect(
      [letter('Lisboa, 3 de Março de 1851', 'Meu caro amigo,', 1), letter('Porto, 1 de Maio', 'Senhor,', 2)].join(
        '\n\n\n\n',
      ),
      'pt',
    );
    expect(pt.chapters.map((c) => c.title)).toEqual(['Lisboa, 3 de Março de 1851', 'Porto, 1 de Maio']);
  });

  it("letters that open alike are all named by their number among the letters too, in the book's language", async () => {
    const signed = (greeting: string, n: number) => `${greeting}\n\n${body(2, n * 10)}\n\nTu hermana,\nAna`;
    const letters = ['Querido Tomás:', 'Querida Ana:', 'Querido Tomás:'].map(signed).join('\n\n\n\n');
    const es = await detect(`CARTAS\n\n\n\n${letters}`, 'es');
    expect(es.chapters.filter((c) => c.type === 'chapter').map((c) => [c.title, c.headingText])).toEqual([
      ['Carta 1: Querido Tomás', 'Querido Tomás:'],
      ['Carta 2: Querida Ana', 'Querida Ana:'],
      ['Carta 3: Querido Tomás', 'Querido Tomás:'],
    ]);
    // Openings that differ already tell the letters apart: they keep their names.
    const distinct = ['Querido Tomás:', 'Querida Ana:', 'Señor:'].map(signed).join('\n\n\n\n');
    expect(
      (await detect(`CARTAS\n\n\n\n${distinct}`, 'es')).chapters
        .filter((c) => c.type === 'chapter')
        .map((c) => c.title),
    ).toEqual(['Querido Tomás:', 'Querida Ana:', 'Señor:']);
  });

  it('a single dated letter inside a story starts nothing', async () => {
    const story = `${body(2)}\n\nYork, April 1st, 1851.\n\nDear Kitty,\n\n${body(2, 10)}`;
    expect((await detect(story)).chapters).toHaveLength(1);
  });
});

describe('epigraphs', () => {
  it('does not take a quotation with its attribution under a bare number for the chapter title', async () => {
    const epigraphs = ['"Every house has a room nobody enters."\n— Old saying', '"Silence is loud."\n\n-- Anonymous'];
    const book = [1, 2, 3].map((n) => `${n}\n\n${epigraphs[n % 2]}\n\n${body(3, n * 10)}`).join('\n\n\n\n');
    const detection = await detect(book);
    expect(detection.chapters.map((c) => c.title)).toEqual(['1', '2', '3']);
  });
});

describe('back matter', () => {
  const chapters = [1, 2, 3].map((n) => `CHAPTER ${n}\n\n${body(3, n * 10)}`).join('\n\n\n\n');

  it('after the closing line: typed back matter, unspoken, named by its heading or its first line', async () => {
    const detection = await detect(
      `${chapters}\n\nTHE END\n\n\n\nThe editor thanks the printers.\n\n${body(2, 90)}\n\n\n\nINDEX\n\nbell, 3\nriver, 7\n`,
    );
    expect(detection.chapters.map((c) => [c.type, c.title, c.spoken])).toEqual([
      ['chapter', 'CHAPTER 1', true],
      ['chapter', 'CHAPTER 2', true],
      ['chapter', 'CHAPTER 3', true],
      ['back_matter', 'The editor thanks the printers.', false],
      ['back_matter', 'INDEX', false],
    ]);
    const text = (await parseManuscript(Buffer.from(`${chapters}\n\nTHE END\n\n\n\nThe editor`), { fileName: 'b.txt' }))
      .text;
    const last = (await detect(`${chapters}\n\nTHE END\n\n\n\nThe editor`)).chapters;
    expect(text.slice(last[2].startOffset, last[2].endOffset).trim().endsWith('THE END')).toBe(true);
  });

  it('an appendix after the work is back matter; a closing line set apart raises no doubt', async () => {
    const detection = await detect(
      `${chapters}\n\n\n\nFIM\n\n\n\nAPPENDIX A\n\nTHE ROUTE\n\n${body(1, 80)}\n\n\n\nAnexo\n\n${body(1, 90)}`,
    );
    expect(detection.chapters.map((c) => [c.type, c.title, c.spoken, c.warnings])).toEqual([
      ['chapter', 'CHAPTER 1', true, []],
      ['chapter', 'CHAPTER 2', true, []],
      ['chapter', 'CHAPTER 3', true, []],
      ['back_matter', 'APPENDIX A', false, []],
      ['back_matter', 'Anexo', false, []],
    ]);
  });

  it('names a section NOTES only after the last chapter, never inside the story', async () => {
    const inside = [1, 2, 3]
      .map((n) => `CHAPTER ${n}\n\n${body(2, n * 10)}${n === 2 ? `\n\nNOTES\n\n${body(1, 70)}` : ''}`)
      .join('\n\n\n\n');
    const detection = await detect(`${inside}\n\n\n\nNOTES\n\n${body(2, 80)}`);
    expect(detection.chapters.map((c) => [c.type, c.title])).toEqual([
      ['chapter', 'CHAPTER 1'],
      ['chapter', 'CHAPTER 2'],
      ['chapter', 'CHAPTER 3'],
      ['back_matter', 'NOTES'],
    ]);
  });
});

describe('contents lists without a label', () => {
  it('at the end: short lines whose entries are the titles the chapters carried', async () => {
    const titles = ['The Arrival', 'The Storm at Sea', 'The Long Return'];
    const chapters = titles.map((title, i) => `CHAPTER ${i + 1}. ${title}\n\n${body(3, i * 10)}`).join('\n\n\n\n');
    const detection = await detect(`${chapters}\n\n\n\n${titles.join('\n\n')}\n`);
    expect(detection.chapters.map((c) => [c.type, c.title, c.spoken])).toEqual([
      ['chapter', 'CHAPTER 1. The Arrival', true],
      ['chapter', 'CHAPTER 2. The Storm at Sea', true],
      ['chapter', 'CHAPTER 3. The Long Return', true],
      ['contents', 'Contents', false],
    ]);
  });

  it('never inside the story: dialogue lines that repeat titles are text', async () => {
    const titles = ['Yes', 'No', 'Perhaps'];
    const chapters = titles
      .map((title, i) => `CHAPTER ${i + 1}. ${title.toUpperCase()}\n\n${body(3, i * 10)}`)
      .join('\n\n\n\n');
    const dialogue = `${chapters}\n\n"Yes"\n\n"No"\n\n"Perhaps"\n\n${body(2, 50)}`;
    const detection = await detect(dialogue);
    expect(detection.chapters.map((c) => c.type)).toEqual(['chapter', 'chapter', 'chapter']);
  });
});

describe('front matter', () => {
  it('never leaves prose unspoken: a long untitled page after the contents is front matter of its own', async () => {
    const contents = 'CONTENTS\n\nChapter 1\nChapter 2';
    const foreword = body(12, 50);
    const chapters = [1, 2].map((n) => `Chapter ${n}\n\n${body(3, n * 10)}`).join('\n\n\n\n');
    const detection = await detect(`THE BOOK\n\nBy Someone\n\n\n\n${contents}\n\n\n\n${foreword}\n\n\n\n${chapters}`);
    expect(detection.chapters.map((c) => [c.type, c.title, c.spoken])).toEqual([
      ['title_page', 'Title page', false],
      ['contents', 'CONTENTS', false],
      ['front_matter', `${paragraph(50).slice(0, 77)}…`, true],
      ['chapter', 'Chapter 1', true],
      ['chapter', 'Chapter 2', true],
    ]);
  });
});

describe('Project Gutenberg variants', () => {
  it.each([
    ['End of the Project Gutenberg EBook of X, by Y'],
    ["End of Project Gutenberg's X, by Y"],
    ['*** END OF THE PROJECT GUTENBERG EBOOK X ***'],
    ['***END OF THE PROJECT GUTENBERG EBOOK X***'],
  ])('cuts the footer at "%s"', async (footer) => {
    const text = `*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nProduced by A. Volunteer\nand others\n\nChapter 1\n\n${body(2)}\n\n${footer}\n\nlicense text`;
    const parsed = await parseManuscript(Buffer.from(text), { fileName: 'x.txt' });
    expect(parsed.text.trim().startsWith('Chapter 1')).toBe(true);
    expect(parsed.text.trim().endsWith(paragraph(1))).toBe(true);
  });
});
