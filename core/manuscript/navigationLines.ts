/**
 * The navigation a web library prints around each chapter of a book it exports (docs/manuscripts.md, "Navigation
 * lines"): Wikisource's "← Capítulo anterior | Título | Próximo capítulo →", "[Contents]", "Next chapter »", "Back
 * to top". Such a line is short, made of arrows, separators and link labels, and comes back at every chapter: the
 * recurrence is the evidence, so a sentence that merely says "next" or holds an arrow is read as written.
 */

/** The longest navigation line: a bar with the book's title between two links. */
const MAX_LINE_LENGTH = 120;
/** A segment between separators is a link label or the book's title, never a sentence. */
const MAX_SEGMENT_WORDS = 6;
/** A bar with arrows or separators is navigation when it comes back once; a bare label needs more. */
const MIN_BAR_REPEATS = 2;
const MIN_LABEL_REPEATS = 3;

/** Not guillemets: they open quotations in French, Spanish and Portuguese; "Suivant »" is read by its label. */
const ARROW = /[←→⇐⇒⇦⇨◄►◀▶◁▷⟵⟶⟸⟹➔➜➝➞➡⬅↩↪↑⇧]|<<|>>|<-|->/u;
const ARROWS = new RegExp(ARROW.source, 'gu');
/** Between the links of a bar: pipes, bullets, and a dash standing between spaces. */
const SEPARATOR = /[|¦•·∙]|\s[-–—]\s/u;
const SEPARATORS = new RegExp(SEPARATOR.source, 'gu');
/** A line ending a sentence, or holding one or a clause: navigation labels carry no such punctuation. */
const SENTENCE_PUNCTUATION = /[.,!?;¡¿"“”]/u;
const LETTER = /\p{L}/u;
/** A line in guillemets with no separator inside is said by someone ("«Suivant»"), not a bar. */
const QUOTED = /^«[^|¦•·]*»$/u;

/**
 * The words a link label is made of, in the languages we read. A label that is all such words and names a way to go
 * (a direction or the contents) is navigation: "Capítulo anterior", "Back to top", "Table des matières".
 */
const DIRECTION_WORDS = new Set([
  // English
  'previous',
  'prev',
  'next',
  'back',
  'top',
  'contents',
  'index',
  'home',
  'up',
  'return',
  'forward',
  // Spanish, Portuguese
  'anterior',
  'siguiente',
  'seguinte',
  'próximo',
  'proximo',
  'índice',
  'indice',
  'sumario',
  'sumário',
  'inicio',
  'início',
  'arriba',
  'topo',
  'volver',
  'voltar',
  // French, Italian
  'précédent',
  'precedent',
  'suivant',
  'sommaire',
  'matières',
  'precedente',
  'successivo',
  'seguente',
  'sommario',
]);
/** The words naming a contents list, which is also a heading: a contents heading is not navigation (below). */
const CONTENTS_WORDS = new Set([
  'contents',
  'index',
  'índice',
  'indice',
  'sumario',
  'sumário',
  'sommaire',
  'matières',
  'sommario',
]);
const FILLER_WORDS = new Set([
  'chapter',
  'chapters',
  'page',
  'table',
  'of',
  'to',
  'the',
  'go',
  'capítulo',
  'capitulo',
  'capítulos',
  'página',
  'pagina',
  'ao',
  'a',
  'al',
  'de',
  'do',
  'da',
  'del',
  'la',
  'el',
  'o',
  'chapitre',
  'des',
  'du',
  'le',
  'retour',
  'au',
  'capitolo',
  'torna',
  'su',
  'all',
  'in',
  'alto',
]);

function words(segment: string): string[] {
  return segment
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A segment that is a way to go and nothing else: every word a navigation word, one of them a direction. */
function isLinkLabel(segment: string): boolean {
  const said = words(segment);
  return (
    said.length > 0 &&
    said.some((word) => DIRECTION_WORDS.has(word)) &&
    said.every((word) => DIRECTION_WORDS.has(word) || FILLER_WORDS.has(word))
  );
}

export interface NavigationShape {
  /** The line's key: its words, case and spaces ignored, numbers and Roman numerals as `#` ("← Chapter II | Chapter 4 →"). */
  key: string;
  /** A bar (arrows or separators) needs to come back once; a bare label ("Índice", "[Contents]") twice. */
  repeats: number;
  /**
   * A label naming only the contents, unbracketed ("Índice", "CONTENTS"), is navigation only beside a bar: alone it
   * is as likely the heading of a contents list, which an omnibus repeats for each of its books.
   */
  besideBar: boolean;
}

/**
 * Whether a line is shaped like navigation, and its key: short, no sentence punctuation, each segment between
 * separators a few words, and holding an arrow or a label that is a way to go. Undefined for any other line.
 */
export function navigationShape(line: string): NavigationShape | undefined {
  const text = line.trim();
  if (text.length === 0 || text.length > MAX_LINE_LENGTH || !LETTER.test(text)) return undefined;
  if (SENTENCE_PUNCTUATION.test(text) || QUOTED.test(text)) return undefined;
  const segments = text
    .replace(ARROWS, '|')
    .replace(/[[\]()]/g, '|')
    .split(SEPARATORS)
    .map((segment) => segment.trim())
    .filter((segment) => LETTER.test(segment));
  if (segments.some((segment) => words(segment).length > MAX_SEGMENT_WORDS)) return undefined;
  const arrow = ARROW.test(text);
  if (!arrow && !segments.some(isLinkLabel)) return undefined;
  const bar = arrow || SEPARATOR.test(text);
  const contentsOnly = words(text)
    .filter((word) => DIRECTION_WORDS.has(word))
    .every((word) => CONTENTS_WORDS.has(word));
  const key = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\d+|\b[ivxlc]+\b/g, '#');
  // Beside a bar, the bar is the evidence a contents label needs besides its recurrence.
  const besideBar = !bar && contentsOnly && !/^\[.*\]$/.test(text);
  return { key, repeats: bar || besideBar ? MIN_BAR_REPEATS : MIN_LABEL_REPEATS, besideBar };
}

/**
 * Which of a book's lines (or paragraphs) are navigation: shaped as navigation and found, under the same key, as
 * often as their shape asks; a contents label also next to another navigation line (blank lines between). One pass
 * to count, one to decide, one for the neighbours of each side.
 */
export function navigationLines(lines: readonly string[]): boolean[] {
  const shapes = lines.map(navigationShape);
  const counts = new Map<string, number>();
  for (const shape of shapes) if (shape) counts.set(shape.key, (counts.get(shape.key) ?? 0) + 1);
  const recurring = shapes.map((shape) => shape !== undefined && (counts.get(shape.key) ?? 0) >= shape.repeats);
  const navigation = recurring.map((recurs, index) => recurs && !shapes[index]?.besideBar);
  const besideNavigation = new Array<boolean>(lines.length).fill(false);
  for (const order of [lines.keys(), [...lines.keys()].reverse()]) {
    let previousIsNavigation = false;
    for (const index of order) {
      if (lines[index].trim().length === 0) continue;
      besideNavigation[index] ||= previousIsNavigation;
      previousIsNavigation = navigation[index];
    }
  }
  return recurring.map((recurs, index) => recurs && (navigation[index] || besideNavigation[index]));
}

/** A plain text without its navigation lines: each goes with its line break, the blank lines around it stay. */
export function withoutNavigationLines(text: string): string {
  const lines = text.split('\n');
  const navigation = navigationLines(lines);
  if (!navigation.includes(true)) return text;
  return lines.filter((_, index) => !navigation[index]).join('\n');
}
