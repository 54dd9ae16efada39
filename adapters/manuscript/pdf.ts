import { Worker } from 'node:worker_threads';
import type { ParsedManuscript } from '../../core/manuscript/manuscript';
import { UnreadableManuscriptError } from '../../core/manuscript/errors';
import type { ManuscriptLimits } from './limits';
import { paragraphBlocks } from './textBlocks';
import { joinHyphenatedLines, pageFurniture } from '../../core/manuscript/pageFurniture';
import { readingOrderLines } from './pdfColumns';
import { separateFootnotes } from './pdfFootnotes';
import { gatherNotes } from './gatheredNotes';
import type { PdfLine, PdfTextItem } from './pdfLines';

type WorkerReply = { pages: PdfTextItem[][] } | { error: string };

/**
 * pdf.js is an ES module with a large attack surface, so it runs in a worker thread: a time limit can terminate it,
 * its heap is capped, and it is loaded by Node's own loader (not a test runner's). No fonts, no eval, no network.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
(async () => {
  const pdfjs = await import(pathToFileURL(workerData.pdfjsPath).href);
  const task = pdfjs.getDocument({
    data: new Uint8Array(workerData.bytes), disableFontFace: true, isEvalSupported: false, useSystemFonts: false,
    disableAutoFetch: true, disableStream: true, stopAtErrors: false, verbosity: 0, enableXfa: false,
  });
  const doc = await task.promise;
  if (doc.numPages > workerData.maxPages) throw new Error('the PDF has more than ' + workerData.maxPages + ' pages');
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = [];
    let last;
    for (const item of content.items) {
      if (typeof item.str !== 'string') continue;
      const t = item.transform || last;
      items.push({ text: item.str, x: t ? t[4] : 0, y: t ? t[5] : 0, width: item.width || 0, height: item.height || 0, endsLine: !!item.hasEOL });
      if (item.transform) last = item.transform;
    }
    pages.push(items);
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ pages });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

function extractItems(bytes: Buffer, limits: ManuscriptLimits): Promise<PdfTextItem[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        bytes,
        pdfjsPath: require.resolve('pdfjs-dist/legacy/build/pdf.mjs'),
        maxPages: limits.maxPdfPages,
      },
      resourceLimits: { maxOldGenerationSizeMb: limits.pdfMaxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new UnreadableManuscriptError(`reading the PDF took longer than ${limits.pdfTimeoutMs} ms`)),
        ),
      limits.pdfTimeoutMs,
    );
    worker.on('message', (reply: WorkerReply) =>
      finish(() =>
        'error' in reply
          ? reject(new UnreadableManuscriptError(`the PDF could not be read (${reply.error})`))
          : resolve(reply.pages),
      ),
    );
    worker.on('error', (error) =>
      finish(() => reject(new UnreadableManuscriptError(`the PDF could not be read (${error.message})`))),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new UnreadableManuscriptError(`the PDF reader stopped (exit ${code})`))),
    );
  });
}

const SENTENCE_END = /[.!?:;"'”’»)\]]$/u;

/**
 * Rebuilds paragraphs from positioned lines: a wide vertical gap starts a new paragraph; running heads and page
 * numbers are dropped; a paragraph the page broke mid-sentence runs on onto the next page.
 */
function linesToText(pages: PdfLine[][]): string {
  const furniture = pageFurniture(pages.map((lines) => lines.map((line) => line.text)));
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join('\n'));
    current = [];
  };
  pages.forEach((page, p) => {
    let firstOnPage = true;
    page.forEach((line, l) => {
      const text = line.text.replace(/\s+$/, '');
      if (text.trim().length === 0 || furniture[p][l]) return;
      const last = current[current.length - 1];
      // A paragraph runs on over a page or column break when the break fell mid-sentence.
      const atBreak = firstOnPage || line.startsColumn;
      const runsOn = atBreak && last !== undefined && !SENTENCE_END.test(last) && /^\s*\p{Ll}/u.test(text);
      if ((atBreak && !runsOn) || line.gap > 1.6) flush();
      firstOnPage = false;
      current.push(text.trim());
    });
  });
  flush();
  // A word hyphenated across lines by layout is joined again.
  return paragraphs.map((paragraph) => joinHyphenatedLines(paragraph.split('\n')).join('\n')).join('\n\n');
}

/**
 * Each page's text and footnotes; a note running over the page break (the next page's foot opening without a mark)
 * is joined to the note it continues, so it stays one note.
 */
function pagesWithNotes(pages: PdfTextItem[][]): { pages: PdfLine[][]; notes: string[] } {
  const notes: string[] = [];
  let previousNote: string | undefined;
  const lines = pages.map((items) => {
    const page = separateFootnotes(readingOrderLines(items), previousNote);
    if (page.continued !== undefined) notes[notes.length - 1] += `\n${page.continued}`;
    notes.push(...page.notes);
    // Only a note at the very foot of the page before can run on to this one.
    previousNote = page.notes.length > 0 || page.continued !== undefined ? notes[notes.length - 1] : undefined;
    return page.lines;
  });
  return { pages: lines, notes };
}

export async function parsePdf(
  bytes: Buffer,
  limits: ManuscriptLimits,
  language: string | undefined,
): Promise<ParsedManuscript> {
  const { pages, notes } = pagesWithNotes(await extractItems(bytes, limits));
  // Gathered as Markdown's footnotes are, so they are back matter and not read in the middle of the text.
  const gathered = notes.map((note) => joinHyphenatedLines(note.split('\n')).join('\n'));
  const text = gatherNotes(linesToText(pages).split('\n\n'), gathered, language).join('\n\n');
  if (text.trim().length === 0) {
    throw new UnreadableManuscriptError('the PDF has no text layer (scanned pages need OCR, which we do not do)');
  }
  return { format: 'pdf', text, blocks: paragraphBlocks(text), notes: [] };
}
