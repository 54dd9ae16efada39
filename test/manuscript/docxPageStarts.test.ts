import { parseManuscript } from '../../adapters/manuscript';
import { pageStartingStyles, withPageStartsAsBreaks } from '../../adapters/manuscript/docxPageStarts';
import { buildDocx } from './fixtures/builders';

const BREAK = '<w:r><w:br w:type="page"/></w:r>';
const styles = (...entries: string[]) => `<w:styles>${entries.join('')}</w:styles>`;
const paragraphStyle = (id: string, inside: string, attributes = '') =>
  `<w:style w:type="paragraph"${attributes} w:styleId="${id}"><w:name w:val="${id}"/>${inside}</w:style>`;
const paragraph = (properties: string, text: string) =>
  `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('DOCX paragraphs that start a page by their properties', () => {
  it('finds the styles that start a page, also through the style they are based on, unless one turns it off', () => {
    const found = pageStartingStyles(
      styles(
        paragraphStyle('Normal', '', ' w:default="1"'),
        paragraphStyle('NewPage', '<w:basedOn w:val="Normal"/><w:pPr><w:pageBreakBefore/></w:pPr>'),
        paragraphStyle('Title2', '<w:basedOn w:val="NewPage"/><w:pPr><w:jc w:val="center"/></w:pPr>'),
        paragraphStyle('Run', '<w:basedOn w:val="NewPage"/><w:pPr><w:pageBreakBefore w:val="0"/></w:pPr>'),
        paragraphStyle('Loop', '<w:basedOn w:val="Loop"/>'),
      ),
    );
    expect([...found.styles].sort()).toEqual(['NewPage', 'Title2']);
    expect(found.defaultStyle).toBe('Normal');
  });

  it('gives a page break to a paragraph whose own property or style starts a page, and to no other', () => {
    const stylesXml = styles(paragraphStyle('NewPage', '<w:pPr><w:pageBreakBefore/></w:pPr>'));
    const documentXml =
      '<w:document><w:body>' +
      paragraph('', 'Title') +
      paragraph('<w:pStyle w:val="NewPage"/>', 'ONE') +
      paragraph('<w:pStyle w:val="NewPage"/><w:pageBreakBefore w:val="false"/>', 'not a page') +
      paragraph('<w:pageBreakBefore w:val="true"/>', 'TWO') +
      // A tracked change's record of the properties before is not the paragraph's own.
      paragraph('<w:pPrChange><w:pPr><w:pageBreakBefore/></w:pPr></w:pPrChange>', 'changed') +
      '<w:p/></w:body></w:document>';
    const rewritten = withPageStartsAsBreaks(documentXml, stylesXml);
    expect(rewritten).toBe(
      documentXml
        .replace('<w:pStyle w:val="NewPage"/></w:pPr>', `<w:pStyle w:val="NewPage"/></w:pPr>${BREAK}`)
        .replace('<w:pageBreakBefore w:val="true"/></w:pPr>', `<w:pageBreakBefore w:val="true"/></w:pPr>${BREAK}`),
    );
  });

  it("reads styles.xml in one pass, whatever is left unclosed, and not a tracked change's record", () => {
    const found = pageStartingStyles(
      '<w:styles w:type="paragraph" w:styleId="Root"><w:pPr><w:pageBreakBefore/></w:pPr>' +
        '<w:style w:type="paragraph" w:styleId="Open"><w:pPr><w:pageBreakBefore/>'.repeat(3) +
        paragraphStyle('Closed', '<w:pPr><w:pageBreakBefore/></w:pPr>') +
        paragraphStyle(
          'Changed',
          '<w:pPr><w:jc w:val="left"/><w:pPrChange><w:pPr><w:pageBreakBefore/></w:pPr></w:pPrChange></w:pPr>',
        ),
    );
    // The root is no style; an unclosed style ends where the next one closes, so only the last opening counts.
    expect([...found.styles]).toEqual(['Closed']);
  });

  it('leaves a document whose paragraphs start no page as it is', () => {
    expect(withPageStartsAsBreaks(`<w:body>${paragraph('<w:jc w:val="center"/>', 'Text')}</w:body>`, styles())).toBe(
      null,
    );
  });

  it('sets such a paragraph on a page of its own in the text, as a manual page break does', async () => {
    const text = 'The marsh was quiet that morning.';
    const read = async (title: Parameters<typeof buildDocx>[0][number]) =>
      (await parseManuscript(await buildDocx([{ text }, title, { text }]), { fileName: 'book.docx' })).text;
    const manual = await read({ text: 'THE HERON', pageBreakBefore: true });
    expect(manual).toBe(`${text}\n\n\n\nTHE HERON\n\n${text}`);
    expect(await read({ text: 'THE HERON', style: 'StoryTitle' })).toBe(manual);
    expect(await read({ text: 'THE HERON', startsPage: true })).toBe(manual);
    expect(await read({ text: 'THE HERON' })).toBe(`${text}\n\nTHE HERON\n\n${text}`);
  });
});
