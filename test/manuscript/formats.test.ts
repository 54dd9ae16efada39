import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseManuscript } from '../../adapters/manuscript';
import { detectChapters } from '../../core/manuscript/chapters';
import { buildDocx, buildEpub, buildPdf } from './fixtures/builders';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const prose = 'The wind came down from the hills and the whole village listened to it all night long. ';

describe('text encodings and line endings', () => {
  it('detects ISO-8859-1 / Windows-1252 text instead of assuming UTF-8', async () => {
    const bytes = iconv.encode('Capítulo 1\n\nEl niño señaló la montaña. ¿Qué pasó? “Nada”, dijo.', 'windows-1252');
    const parsed = await parseManuscript(bytes, { fileName: 'libro.txt' });
    expect(parsed.detectedEncoding).toBe('windows-1252');
    expect(parsed.text).toContain('El niño señaló la montaña. ¿Qué pasó? “Nada”');
  });

  it('decodes UTF-16 with a BOM (both byte orders)', async () => {
    const text = 'Capítulo 1\r\n\r\nÁrvore, coração — “olá”.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    for (const bytes of [le, be]) {
      const parsed = await parseManuscript(bytes, { fileName: 'a.txt' });
      expect(parsed.text).toBe('Capítulo 1\n\nÁrvore, coração — “olá”.');
    }
  });

  it('normalises CRLF and CR line endings and drops a UTF-8 BOM', async () => {
    const crlf = await parseManuscript(Buffer.from('\uFEFFChapter 1\r\n\r\nOne.\r\nTwo.'), { fileName: 'a.txt' });
    const cr = await parseManuscript(Buffer.from('Chapter 1\r\rOne.\rTwo.'), { fileName: 'a.txt' });
    expect(crlf.text).toBe('Chapter 1\n\nOne.\nTwo.');
    expect(cr.text).toBe(crlf.text);
    expect(crlf.blocks.map((b) => crlf.text.slice(b.startOffset, b.endOffset))).toEqual(['Chapter 1', 'One.\nTwo.']);
  });
});

describe('Markdown', () => {
  it('turns # headings into heading blocks without the markup, and finds chapters from them', async () => {
    const parsed = await parseManuscript(fixture('spanish-raya.md'), { fileName: 'casa.md' });
    expect(parsed.format).toBe('markdown');
    expect(parsed.text.startsWith('La casa del río\n\nCapítulo primero')).toBe(true);
    expect(parsed.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([1, 2, 2]);
    const chapters = detectChapters(parsed).filter((c) => c.type === 'chapter');
    expect(chapters.map((c) => c.title)).toEqual(['Capítulo primero', 'Capítulo 2']);
  });

  it('gathers footnote definitions at the end under a Notes heading beside the chapters, which is not spoken', async () => {
    const source = [
      '# The Field',
      '## Chapter 1',
      'The farm stood near the river.[^1] It was old.',
      '[^1]: The farm stood near Alton,\nin Hampshire.\n\n    It was sold in 1962.',
      'The barn was red.[^barn]',
      '## Chapter 2',
      'The harvest came early.',
      '[^barn]: Painted in 1950.',
    ].join('\n\n');
    const parsed = await parseManuscript(Buffer.from(source), { fileName: 'book.md' });
    expect(parsed.text).toBe(
      [
        'The Field',
        'Chapter 1',
        'The farm stood near the river.[^1] It was old.',
        'The barn was red.[^barn]',
        'Chapter 2',
        'The harvest came early.',
        'Notes',
        '[^1]: The farm stood near Alton,\nin Hampshire.\nIt was sold in 1962.',
        '[^barn]: Painted in 1950.',
      ].join('\n\n'),
    );
    expect(detectChapters(parsed).map((c) => [c.type, c.title, c.spoken])).toEqual([
      ['title_page', 'Title page', false],
      ['chapter', 'Chapter 1', true],
      ['chapter', 'Chapter 2', true],
      ['back_matter', 'Notes', false],
    ]);
    // A book ending with its own notes section takes the other notes there.
    const own = await parseManuscript(Buffer.from(`${source.split('\n\n[^barn]')[0]}\n\n## Notes\n\n[^barn]: Red.`), {
      fileName: 'book.md',
    });
    expect(own.text.split('\n\n').slice(-3)).toEqual([
      'Notes',
      '[^barn]: Red.',
      '[^1]: The farm stood near Alton,\nin Hampshire.\nIt was sold in 1962.',
    ]);
  });

  it('names gathered notes in the book’s language and appends them to its own notes section, not a second one', async () => {
    const source = [
      '# O Campo',
      '## Capítulo 1',
      'A quinta ficava perto do rio.[^1]',
      '[^1]: Perto de Alvito.',
      '## Capítulo 2',
      'A colheita veio cedo.',
    ];
    const portuguese = await parseManuscript(Buffer.from(source.join('\n\n')), { fileName: 'b.md', language: 'pt-BR' });
    expect(portuguese.text.split('\n\n').slice(-2)).toEqual(['Notas', '[^1]: Perto de Alvito.']);
    // The book's own notes section, with a glossary after it: the notes join it, and no "Notas" is added.
    const withOwn = [...source, '## Notas do autor', '[^2]: Escrito em 1950.', '## Glossário', 'Quinta: herdade.'];
    const own = await parseManuscript(Buffer.from(withOwn.join('\n\n')), { fileName: 'b.md', language: 'pt-BR' });
    expect(own.text.split('\n\n').slice(-5)).toEqual([
      'Notas do autor',
      '[^2]: Escrito em 1950.',
      '[^1]: Perto de Alvito.',
      'Glossário',
      'Quinta: herdade.',
    ]);
    expect(
      detectChapters(own, { language: 'pt-BR' })
        .filter((c) => c.type === 'back_matter')
        .map((c) => c.title),
    ).toEqual(['Notas do autor', 'Glossário']);
  });
});

describe('HTML', () => {
  it('keeps text and headings, decodes entities, skips head, style and script', async () => {
    const parsed = await parseManuscript(fixture('dialogue-en.html'), { fileName: 'book.html' });
    expect(parsed.format).toBe('html');
    expect(parsed.text).not.toMatch(/Ignored title|alert|color/);
    expect(parsed.text).toContain('“Is it you?” asked Anne.');
    expect(parsed.text).toContain('He smiled & said nothing');
    expect(
      detectChapters(parsed)
        .filter((c) => c.type === 'chapter')
        .map((c) => c.title),
    ).toEqual(['Chapter 1', 'Chapter 2']);
  });
});

describe('DOCX', () => {
  it('keeps heading styles and finds chapters from them', async () => {
    const bytes = await buildDocx([
      { style: 'Title', text: 'The Lighthouse' },
      { text: 'For my mother.' },
      { style: 'Heading1', text: 'The Keeper' },
      { text: prose.repeat(3) },
      { style: 'Heading1', text: 'The Storm' },
      { text: prose.repeat(3) },
    ]);
    const parsed = await parseManuscript(bytes, { fileName: 'book.docx' });
    expect(parsed.format).toBe('docx');
    expect(parsed.text.startsWith('The Lighthouse\n\nFor my mother.')).toBe(true);
    expect(
      parsed.blocks.filter((b) => b.kind === 'heading').map((b) => parsed.text.slice(b.startOffset, b.endOffset)),
    ).toEqual(['The Keeper', 'The Storm']);
    const chapters = detectChapters(parsed);
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['title_page', 'Title page'],
      ['dedication', 'Dedication'],
      ['chapter', 'The Keeper'],
      ['chapter', 'The Storm'],
    ]);
  });
});

describe('EPUB', () => {
  const chapters = [
    { file: 'text/one.xhtml', title: 'One', body: `<h1>The Beginning</h1><p>${prose.repeat(3)}</p>` },
    {
      file: 'text/two.xhtml',
      title: 'Two',
      body: `<h1>The Middle</h1><p>${prose.repeat(3)}</p><p id="later">${prose}</p>`,
    },
    { file: 'text/three.xhtml', title: 'Three', body: `<h1>The End</h1><p>${prose.repeat(3)}</p>` },
  ];

  it.each([2, 3] as const)(
    'EPUB %i: follows the spine order and takes chapters from the table of contents',
    async (version) => {
      const bytes = await buildEpub({
        version,
        chapters,
        spineOrder: [0, 2, 1],
        toc: [
          ['Beginning', 'text/one.xhtml'],
          ['Ending', 'text/three.xhtml'],
          ['Middle', 'text/two.xhtml'],
        ],
      });
      const parsed = await parseManuscript(bytes, { fileName: 'book.epub' });
      expect(parsed.format).toBe('epub');
      expect(parsed.text.indexOf('The End')).toBeLessThan(parsed.text.indexOf('The Middle'));
      expect(parsed.tocEntries?.map((e) => e.title)).toEqual(['Beginning', 'Ending', 'Middle']);
      const detected = detectChapters(parsed);
      expect(detected.map((c) => c.title)).toEqual(['Beginning', 'Ending', 'Middle']);
      expect(parsed.text.slice(detected[1].startOffset, detected[1].endOffset).startsWith('The End')).toBe(true);
    },
  );

  it('resolves TOC links with fragments to the block they point at', async () => {
    const bytes = await buildEpub({
      version: 3,
      chapters,
      toc: [
        ['One', 'text/one.xhtml'],
        ['Two', 'text/two.xhtml'],
        ['Later', 'text/two.xhtml#later'],
        ['Three', 'text/three.xhtml'],
      ],
    });
    const parsed = await parseManuscript(bytes, { fileName: 'book.epub' });
    const later = parsed.tocEntries?.find((e) => e.title === 'Later');
    expect(parsed.text.slice(later!.offset).startsWith(prose.trim())).toBe(true);
    expect(parsed.blocks.some((b) => b.startOffset === later!.offset)).toBe(true);
  });
});

describe('PDF', () => {
  it('extracts the text layer into paragraphs and finds chapters', async () => {
    const bytes = buildPdf([
      [
        'Chapter 1',
        '',
        'It was a dark night and the rain',
        'fell on the roofs of the old town',
        'until the morning came at last.',
      ],
      ['2', 'Chapter 2', '', 'The sun rose over the hills (finally)', 'and everyone went out to the fields.'],
    ]);
    const parsed = await parseManuscript(bytes, { fileName: 'book.pdf' });
    expect(parsed.format).toBe('pdf');
    expect(parsed.text).toContain('It was a dark night and the rain\nfell on the roofs');
    expect(parsed.text).toContain('(finally)');
    expect(detectChapters(parsed).map((c) => c.title)).toEqual(['Chapter 1', 'Chapter 2']);
  });

  it('drops running heads and page numbers, joins hyphenated words and paragraphs broken by a page', async () => {
    const bytes = buildPdf([
      ['THE RIVER WARDEN', '', 'by Samuel Pike'],
      [
        'Chapter 1',
        '',
        'The water rose during the night and the chimneys were stand-',
        'ing out of it like masts.',
        '',
        '1',
      ],
      [
        '2    THE RIVER WARDEN',
        'The warden had gone away the day before',
        'to see his mother, and the bell was silent.',
      ],
      ['THE RIVER WARDEN    3', 'Chapter 2', '', 'The inquiry lasted nine days, and nobody was'],
      ['4    THE RIVER WARDEN', 'satis-', 'fied with its end.'],
    ]);
    const { text } = await parseManuscript(bytes, { fileName: 'book.pdf' });
    expect(text).toBe(
      [
        'THE RIVER WARDEN',
        'by Samuel Pike',
        'Chapter 1',
        'The water rose during the night and the chimneys were standing\nout of it like masts.',
        'The warden had gone away the day before\nto see his mother, and the bell was silent.',
        'Chapter 2',
        'The inquiry lasted nine days, and nobody was\nsatisfied\nwith its end.',
      ].join('\n\n'),
    );
  });
});

describe('text extracted from a PDF (pages separated by form feeds)', () => {
  it('loses the running heads and page numbers and joins words hyphenated at line ends', async () => {
    const pages = [
      'THE RIVER WARDEN\n\nby Samuel Pike\n',
      'CHAPTER I\n\nThe water rose and the chimneys were stand-\ning out of it like masts. The warden had\n\n1\n',
      'THE RIVER WARDEN\n\ngone up the river.\n\nCHAPTER II\n\nThe inquiry lasted nine days.\n\n- 2 -\n',
      'THE RIVER WARDEN\n\nNobody was satisfied.\n\n3\n',
      '12\n\nCHAPTER III\n\nThe bell rang again.\n\n4',
    ];
    const parsed = await parseManuscript(Buffer.from(pages.join('\f')), { fileName: 'book.txt' });
    expect(parsed.text).toBe(
      [
        'THE RIVER WARDEN\n\nby Samuel Pike',
        'CHAPTER I\n\nThe water rose and the chimneys were standing\nout of it like masts. The warden had\ngone up the river.',
        'CHAPTER II\n\nThe inquiry lasted nine days.',
        'Nobody was satisfied.',
        // A number that does not count with the pages is the book's own.
        '12\n\nCHAPTER III\n\nThe bell rang again.',
      ].join('\n\n'),
    );
    expect(detectChapters(parsed).map((c) => c.title)).toEqual([
      'Title page',
      'CHAPTER I',
      'CHAPTER II',
      'CHAPTER III',
    ]);
  });
});
