import { parseManuscript } from '../../adapters/manuscript';
import { buildEpub, buildZip } from './fixtures/builders';
import { heard } from './support/heldOutBooks';

/**
 * Held-out books written for this rule, in the shapes e-texts keep page numbers and footnotes in: a Project Gutenberg
 * text and HTML book, an EPUB 3, a DOCX with a real footnote. What the listener hears (the spoken sections) holds no
 * page marker, no note and no note mark; the notes section holds every note's text.
 */
const gutenbergWrapped = (title: string, body: string) =>
  [
    `The Project Gutenberg eBook of ${title}`,
    `*** START OF THE PROJECT GUTENBERG EBOOK ${title.toUpperCase()} ***`,
    body,
    `*** END OF THE PROJECT GUTENBERG EBOOK ${title.toUpperCase()} ***`,
    'Updated editions will replace the previous one. Project Gutenberg-tm depends upon public support.',
  ].join('\n\n');

const filler = (n: number) =>
  `The road ran on past the mill and the river, and the carter whistled a tune he had learned as a boy, number ${n}.`;

describe('page markers and footnotes in a Gutenberg plain-text book (en)', () => {
  const body = [
    'CHAPTER I',
    'THE MILL',
    `${filler(1)} The miller kept his accounts in a wonder-\n[Pg 12]\nful old ledger bound in calf.[1]`,
    '[Footnote 1: The ledger is now in the county record office.]',
    `${filler(2)} He walked into the old [Pg 13] house by the ford and sat down.`,
    'It was the year 1850, as the parish book records in verse [12] of its rhyme.',
    `${filler(3)}`,
    '[Pg 14]',
    `${filler(4)} The carter said nothing.[2]`,
    '[Footnote 2: Carters were paid by the load.\n\nA load was reckoned at twenty hundredweight.]',
    'CHAPTER II',
    'THE FORD',
    `${filler(5)}`,
    '[Pg 15]',
    `${filler(6)} The water rose in the night.`,
    `[Pg 16]\n${filler(7)}`,
  ].join('\n\n');

  it('says no page marker, no footnote and no note mark; the notes hold both notes whole', async () => {
    const { spoken, notes } = await heard(Buffer.from(gutenbergWrapped('The Mill', body)), 'mill.txt', 'en');
    expect(spoken).not.toMatch(/\[Pg|Footnote|record office|hundredweight|\[1\]|\[2\]/);
    expect(spoken).toContain('a wonderful old ledger bound in calf.');
    expect(spoken).toContain('into the old house by the ford');
    expect(spoken).toContain('verse [12] of its rhyme');
    expect(spoken).toContain('The carter said nothing.');
    expect(notes).toContain('The ledger is now in the county record office.');
    expect(notes).toContain('Carters were paid by the load.');
    expect(notes).toContain('A load was reckoned at twenty hundredweight.');
    expect(notes).not.toContain('Updated editions');
  });
});

describe('page markers and footnotes in a plain-text e-text (es)', () => {
  const parrafo = (n: number) =>
    `El camino seguía junto al molino y el río, y el carretero silbaba una copla aprendida de niño, la ${n}.`;
  const body = [
    'CAPÍTULO I',
    `${parrafo(1)} {21}La molinera guardaba las cuentas en un libro viejo.[1]`,
    '[Nota 1: El libro se conserva en el archivo de la villa.]',
    `${parrafo(2)}\n\n{22}\n\n${parrafo(3)}`,
    'CAPÍTULO II',
    `${parrafo(4)} Entró en la casa {23} del vado y se sentó.`,
    `${parrafo(5)}\n\n{24}\n\n${parrafo(6)}`,
  ].join('\n\n');

  it('says no page number and no note; the notes hold the note', async () => {
    const { spoken, notes } = await heard(Buffer.from(body), 'molino.txt', 'es');
    expect(spoken).not.toMatch(/\{2\d\}|Nota 1|archivo de la villa|\[1\]/);
    expect(spoken).toContain('la 1. La molinera guardaba');
    expect(spoken).toContain('Entró en la casa del vado');
    expect(notes).toContain('El libro se conserva en el archivo de la villa.');
  });
});

describe('page markers and footnotes in a Gutenberg HTML book (en)', () => {
  const html = `<!DOCTYPE html><html><head><title>The Ford</title></head><body>
<section class="pg-boilerplate"><p>The Project Gutenberg eBook of The Ford</p>
<p>*** START OF THE PROJECT GUTENBERG EBOOK THE FORD ***</p></section>
<h2>CHAPTER I</h2>
<p>${filler(1)} The miller kept his<span class="pagenum"><a id="Page_12">[Pg 12]</a></span> accounts in a
ledger.<a id="FNanchor_1_1" href="#Footnote_1_1" class="fnanchor">[1]</a></p>
<p class="pagenum">[Pg 13]</p>
<p>${filler(2)} He walked into the old <span class="pagenum">[13]</span>house by the ford.</p>
<p>${filler(3)} See plate [12] for the mill.</p>
<div class="footnotes"><h3>FOOTNOTES:</h3>
<div class="footnote"><p><a id="Footnote_1_1" href="#FNanchor_1_1"><span class="label">[1]</span></a> The ledger
is now in the county record office.</p><p>It was rebound in 1901.</p></div></div>
<h2>CHAPTER II</h2>
<p>${filler(4)}<span class="pagenum" id="Page_14">[Pg 14]</span> The water rose.<a href="#Footnote_2_2" class="fnanchor">[2]</a></p>
<p>${filler(5)}</p>
<div class="footnote"><p><a id="Footnote_2_2" href="#FNanchor_2_2"><span class="label">[2]</span></a> Floods came every spring.</p></div>
<section class="pg-boilerplate"><p>*** END OF THE PROJECT GUTENBERG EBOOK THE FORD ***</p>
<p>Updated editions will replace the previous one.</p></section>
</body></html>`;

  it('says no page marker, no footnote and no note mark; the notes hold both notes', async () => {
    const { spoken, notes } = await heard(Buffer.from(html), 'ford.html', 'en');
    expect(spoken).not.toMatch(/\[Pg|\[13\]|FOOTNOTES|record office|Floods|\[1\]|\[2\]/);
    expect(spoken).toContain('The miller kept his accounts in a ledger.');
    expect(spoken).toContain('into the old house by the ford.');
    expect(spoken).toContain('See plate [12] for the mill.');
    expect(spoken).toContain('The water rose.');
    expect(notes).toContain('The ledger is now in the county record office.');
    expect(notes).toContain('It was rebound in 1901.');
    expect(notes).toContain('Floods came every spring.');
    expect(notes).not.toContain('Updated editions');
  });
});

describe('page breaks, footnotes and endnotes in an EPUB 3 (pt)', () => {
  const paragrafo = (n: number) =>
    `A estrada seguia junto ao moinho e ao rio, e o carreiro assobiava uma cantiga aprendida em menino, a ${n}.`;
  const book = () =>
    buildEpub({
      version: 3,
      chapters: [
        {
          file: 'c1.xhtml',
          title: 'Capítulo I',
          body:
            `<section epub:type="chapter"><h1>Capítulo I</h1><p>${paragrafo(1)} O moleiro guardava as contas num ` +
            `<span epub:type="pagebreak" id="p12" title="12">12</span>livro velho.<sup><a epub:type="noteref" ` +
            `href="#n1">1</a></sup></p><div role="doc-pagebreak" aria-label="13">13</div><p>${paragrafo(2)}</p>` +
            `<aside epub:type="footnote" id="n1"><p>O livro está hoje no arquivo da vila.</p></aside></section>`,
        },
        {
          file: 'c2.xhtml',
          title: 'Capítulo II',
          body:
            `<section epub:type="chapter"><h1>Capítulo II</h1><p>${paragrafo(3)} A água subiu de noite.` +
            `<a role="doc-noteref" href="c3.xhtml#en1">2</a></p><p>${paragrafo(4)}</p></section>`,
        },
        {
          file: 'c3.xhtml',
          title: 'Notas',
          body:
            `<section role="doc-endnotes"><h1>Notas</h1><ol><li role="doc-endnote" id="en1"><p>As cheias ` +
            `vinham todas as primaveras.</p></li></ol></section>`,
        },
      ],
    });

  it('says no page number, no note and no note mark; the notes hold both notes', async () => {
    const { spoken, notes } = await heard(await book(), 'moinho.epub', 'pt');
    expect(spoken).not.toMatch(/\b1[23]\b|arquivo da vila|cheias|subiu de noite\.2/);
    expect(spoken).toContain('num livro velho.');
    expect(spoken).toContain('A água subiu de noite.');
    expect(notes).toContain('O livro está hoje no arquivo da vila.');
    expect(notes).toContain('As cheias vinham todas as primaveras.');
  });
});

describe('footnotes in an EPUB read by its contents, with no notes section of its own (en)', () => {
  it('the notes are a section of their own at the end, not the end of the last chapter', async () => {
    const book = await buildEpub({
      version: 3,
      chapters: [
        {
          file: 'c1.xhtml',
          title: 'Chapter One',
          body: `<h1>Chapter One</h1><p>${filler(1)}<a epub:type="noteref" href="#n1">1</a></p><aside epub:type="footnote" id="n1"><p>The mill burned in 1840.</p></aside>`,
        },
        { file: 'c2.xhtml', title: 'Chapter Two', body: `<h1>Chapter Two</h1><p>${filler(2)}</p>` },
      ],
    });
    const { spoken, notes } = await heard(book, 'mill.epub', 'en');
    expect(spoken).not.toMatch(/burned|Notes/);
    expect(notes).toContain('The mill burned in 1840.');
  });
});

describe('a real footnote in a DOCX (en)', () => {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
  const paragraph = (content: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${content}</w:p>`;
  const noteReference = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>';
  const docx = () =>
    buildZip([
      {
        name: '[Content_Types].xml',
        data:
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/></Types>',
      },
      {
        name: '_rels/.rels',
        data:
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      },
      {
        name: 'word/_rels/document.xml.rels',
        data:
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
      },
      {
        name: 'word/document.xml',
        data:
          `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>` +
          paragraph(run('Chapter One')) +
          paragraph(
            run(`${filler(1)} The miller kept his accounts in a ledger.`) + noteReference + run(' Then he slept.'),
          ) +
          paragraph(run(filler(2))) +
          paragraph(run('Chapter Two')) +
          paragraph(run(filler(3))) +
          `</w:body></w:document>`,
      },
      {
        name: 'word/footnotes.xml',
        data:
          `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${w}>` +
          '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
          '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
          `<w:footnote w:id="1">${paragraph('<w:r><w:footnoteRef/></w:r>' + run(' The ledger is now in the county record office.'))}</w:footnote>` +
          '</w:footnotes>',
      },
    ]);

  it('says neither the note nor its mark; the notes hold the note', async () => {
    const { spoken, notes } = await heard(await docx(), 'mill.docx', 'en');
    expect(spoken).not.toMatch(/record office|\[1\]|↑/);
    expect(spoken).toContain('The miller kept his accounts in a ledger. Then he slept.');
    expect(notes).toContain('The ledger is now in the county record office.');
  });
});

describe('bare bracketed numbers in plain text', () => {
  const page = (n: number) => `${filler(n)}\n\n[${n + 40}]\n\n`;

  it('are page numbers when they rise through the book and stand on lines of their own', async () => {
    const text = `CHAPTER I\n\n${page(1)}${page(2)}${page(3)}${page(4)}${page(5)}${filler(6)} See verse [7] of it.`;
    const parsed = await parseManuscript(Buffer.from(text), { fileName: 'book.txt', language: 'en' });
    expect(parsed.text).not.toMatch(/\[4\d\]/);
    expect(parsed.text).toContain('See verse [7] of it.');
  });

  it('are note marks, and stay, in a book whose notes open with them', async () => {
    const text = `CHAPTER I\n\n${page(1)}${page(2)}${page(3)}NOTES\n\n[41] A note.\n\n[42] Another note.`;
    const parsed = await parseManuscript(Buffer.from(text), { fileName: 'book.txt', language: 'en' });
    expect(parsed.text.match(/\[4\d\]/g)).toHaveLength(5);
  });
});
