import mammoth from 'mammoth';
import yazl from 'yazl';
import type { WithFootnotes } from './gatheredNotes';
import { UnreadableManuscriptError } from '../../core/manuscript/errors';
import { assembleBlocks } from './assemble';
import { withPageStartsAsBreaks } from './docxPageStarts';
import { htmlToBlocks } from './html';
import { withoutNavigationBlocks } from './htmlNavigation';
import { gatherSuperscriptNotes } from './superscriptNotes';
import type { ManuscriptLimits } from './limits';
import { openSafeZip } from './zip';
import { type FileNote, fileNotes } from '../../core/common/fileNotes';

/**
 * Word's "Title" is the book title (front matter, not a chapter heading); chapters use Heading 1…6, mapped by default,
 * and the contents list's own heading style is a heading too.
 * A manual page break is kept as a rule the HTML reader knows: in a manuscript without heading styles, a page is
 * often all that sets a chapter apart. A paragraph set to start a page (by itself or its style) is given such a break
 * first (docxPageStarts.ts).
 */
const STYLE_MAP = [
  "p[style-name='Title'] => p:fresh",
  // The heading Word (and LibreOffice) put over an inserted table of contents: a heading of its own, which mammoth
  // would pass as a paragraph since it maps styles by name, not by the Heading 1 they are based on.
  "p[style-name='TOC Heading'] => h1:fresh",
  "p[style-name='Contents Heading'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "br[type='page'] => hr.page-break",
];

/** Images are not book text; a stub converter keeps mammoth from inlining them as base64. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** The archive again with some entries replaced, stored uncompressed: it is read once, at once, and then dropped. */
function rezipped(entries: Map<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { compress: false });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export async function parseDocx(bytes: Buffer, limits: ManuscriptLimits): Promise<WithFootnotes> {
  const zip = await openSafeZip(bytes, limits);
  let input = bytes;
  try {
    if (!zip.has('word/document.xml')) throw new UnreadableManuscriptError('the DOCX has no word/document.xml');
    const documentXml = (await zip.read('word/document.xml')).toString('utf8');
    const stylesXml = zip.has('word/styles.xml') ? (await zip.read('word/styles.xml')).toString('utf8') : undefined;
    if (/<!ENTITY/i.test(documentXml) || /<!ENTITY/i.test(stylesXml ?? ''))
      throw new UnreadableManuscriptError('the DOCX declares XML entities');
    const withPageStarts = withPageStartsAsBreaks(documentXml, stylesXml);
    // mammoth inflates the archive itself; every entry has been proven within limits first.
    if (withPageStarts === null) await zip.verifyAll();
    else {
      const entries = await zip.readAll();
      entries.set('word/document.xml', Buffer.from(withPageStarts, 'utf8'));
      input = await rezipped(entries);
    }
  } finally {
    zip.close();
  }

  let html: string;
  const notes: FileNote[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: input },
      { styleMap: STYLE_MAP, convertImage: NO_IMAGES, externalFileAccess: false },
    );
    html = result.value;
    for (const message of result.messages.slice(0, 20)) notes.push(fileNotes.libraryMessage('docx', message.message));
  } catch (error) {
    throw new UnreadableManuscriptError(`the DOCX could not be converted (${(error as Error).message})`);
  }
  // Footnotes and endnotes come at the end of the converted document, each a list item, each mark a link to one.
  const read = htmlToBlocks(html);
  // Notes typed by hand, a raised mark in the text and the note at the chapter's end, are gathered as Word's are.
  const raised = gatherSuperscriptNotes(withoutNavigationBlocks(read.blocks));
  const footnotes = [...read.notes, ...raised.notes];
  const { text, blocks } = assembleBlocks(raised.blocks);
  return { format: 'docx', text, blocks, notes, ...(footnotes.length ? { footnotes } : {}) };
}
