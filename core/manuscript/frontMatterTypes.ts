import { sameTitle } from './titleMatch';
import { foldAccents } from './headings';
import type { Boundary } from './boundary';
import type { ChapterType } from './manuscript';
import { countWords } from './stats';
import type { LaidOutBlock } from './textLayout';

/**
 * What a page of front matter is, from its words (docs/manuscripts.md, "Front matter"): a half title, a
 * dedication, a copyright page or a legal notice, a title page, an epigraph, an imprint.
 */
export const SHORT_PAGE_WORDS = 150;

const COPYRIGHT =
  /\bcopyright\b|©|\ball rights reserved\b|\bisbn\b|derechos reservados|direitos reservados|tous droits/i;
const IMPRINT =
  /\bprinted (?:by|at|in|for)\b|\btypographia\b|\btipografia\b|\btypografia\b|\bimprenta\b|\bimprimerie\b|\bimpress[oa]\b|\bimpres[oa]\b|\bpublishers?\b|\bpublished by\b|\beditora\b|\beditorial\b|\beditores\b|\blivreiro\b|\blibrero\b|\blibraire\b|\bediteurs?\b|-editor\b|\bpress\b|& co\b|\bsons\b|\bltd\b|\blimited\b/i;
/**
 * A publication history on a page of its own: when the book first came out, that it is free of copyright. Only a
 * short page that is not the title page (whose foot may well say "first published") is read this way.
 */
const PUBLICATION_HISTORY =
  /\bfirst published\b|\bfirst (?:printed|edition)\b|\bpublic domain\b|\bdominio publico\b|\bdomaine public\b|\bpublicad[oa] por primera vez\b|\bpublicad[oa] pela primeira vez\b/;
const PUBLICATION_HISTORY_MAX_WORDS = 80;
const DEDICATION_WORD = /\bdedic|\bdedie/;
const DEDICATION_START =
  /^(?:to|for|para|pour|al|ao|aos|a la|a las|a los|a mi|a mis|as|in memory|em memoria|en memoria|a la memoire|dedicated|dedicado|dedicada)\b/;
const ATTRIBUTION = /^\s*(?:[—–]|--?)\s*\p{Lu}/u;
/**
 * The legal preliminaries of older editions: a licence or privilege to print, the price fixed by the authorities,
 * an errata certificate, the censors' approval. Two different ones make a page a legal notice, like a copyright page.
 */
const LEGAL_NOTICE =
  /\b(?:licencia|licenca|licence|license|privilegio|previlegio|privilege|imprimir|imprimatur|nihil obstat|tasa|tasaron|erratas?|aprobacion|aprobaciones|aprovacao|approbation|censura|doy fe|dou fe|di esta fee?)\b/g;
const LEGAL_NOTICE_MAX_WORDS = 800;

function isLegalNotice(folded: string, words: number): boolean {
  if (words > LEGAL_NOTICE_MAX_WORDS) return false;
  return new Set(folded.match(LEGAL_NOTICE) ?? []).size >= 2;
}

/**
 * A paragraph of running text, which a title page (short lines, set one under the other) never holds: many words,
 * or long lines full of them.
 */
function holdsProse(text: string): boolean {
  return text.split(/\n\s*\n/).some((paragraph) => {
    const words = countWords(paragraph);
    const lines = paragraph.split('\n').filter((line) => line.trim().length > 0);
    const meanLine = lines.reduce((sum, line) => sum + line.trim().length, 0) / Math.max(1, lines.length);
    return words >= 30 || (words >= 15 && meanLine >= 50);
  });
}

export function pageType(
  text: string,
  words: number,
  isFirstPage: boolean,
  titleLine: string | undefined,
): ChapterType {
  const folded = foldAccents(text).trim();
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  if (titleLine && words <= 12 && sameTitle(lines[0] ?? '', titleLine)) return 'half_title';
  if (words <= 80 && (DEDICATION_WORD.test(folded) || (words <= 40 && DEDICATION_START.test(folded)))) {
    return 'dedication';
  }
  if ((words <= 250 && COPYRIGHT.test(text)) || isLegalNotice(folded, words)) return 'copyright';
  if (isFirstPage && words <= SHORT_PAGE_WORDS && !holdsProse(text)) return 'title_page';
  if (words <= PUBLICATION_HISTORY_MAX_WORDS && PUBLICATION_HISTORY.test(folded)) return 'copyright';
  if (words <= 100 && lines.length >= 2 && ATTRIBUTION.test(lines[lines.length - 1])) return 'epigraph';
  if (words <= 80 && IMPRINT.test(text)) return 'colophon';
  return 'front_matter';
}

/** A block of a copyright page: the notice, the rights reserved, the ISBN. */
export function isCopyrightNotice(block: LaidOutBlock): boolean {
  return block.words <= 250 && COPYRIGHT.test(block.text);
}

/** A street address with its number ("RUA MOREIRA CEZAR, 71", "6, RUE DES SAINTS-PÈRES", "156 Charing Cross Road"). */
const STREET_ADDRESS =
  /\d.*\b(?:rua|rue|calle|street|road|avenue|avenida|plaza|praca|place|square|strasse)\b|\b(?:rua|rue|calle|street|road|avenue|avenida|plaza|praca|place|square|strasse)\b.*\d/;

/**
 * A block that starts a page of its own even without blank lines around it: a dedication or a copyright notice (in
 * structured formats, where every gap is the same), a publisher's imprint with its street address under the title
 * (a place and a printer's name alone are the title page's foot).
 */
export function startsOwnPage(blocks: LaidOutBlock[], block: LaidOutBlock, meaningfulGaps: boolean): boolean {
  const folded = foldAccents(block.text).trim();
  const addressFollows = blocks
    .slice(block.index, block.index + 3)
    .some((next) => STREET_ADDRESS.test(foldAccents(next.text)));
  return (
    (!meaningfulGaps && block.words <= 30 && DEDICATION_START.test(folded)) ||
    isCopyrightNotice(block) ||
    (block.index > 0 && block.words <= 12 && IMPRINT.test(block.text) && addressFollows)
  );
}

/**
 * A front-matter section found by its own heading ("TASA", "AL DUQUE DE BÉJAR,") typed by what it holds: a legal
 * notice is a copyright page; a heading that greets someone as a letter does (an address ending with a comma)
 * heads a dedication.
 */
export function typedFrontSection(boundary: Boundary, text: string, words: number): Boundary {
  if (boundary.type !== 'front_matter') return boundary;
  const folded = foldAccents(text).trim();
  if (isLegalNotice(folded, words)) return { ...boundary, type: 'copyright' };
  const heading = foldAccents(boundary.title).trim();
  if (DEDICATION_START.test(heading) && /,$/.test(heading)) return { ...boundary, type: 'dedication' };
  return boundary;
}
