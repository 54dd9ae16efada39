/**
 * A speech tag that names the person spoken to ("said Lily to Gabriel", "—dijo Rosa a Juan", "disse a Rosa ao
 * João") while the line it reports calls that person by another name (“O, Mr Conroy,” …): the name in the tag and
 * the name of address are one person. docs/characters.md, *Who is who*.
 */
import type { PlacedForm } from './nameNodes';
import { paragraphBetween } from './paragraphs';
import { ParagraphNames, type PlacedName, type StretchNames } from './stretchNames';
import type { HeuristicLanguage } from './vocabulary';

/** The few mentions of a chapter this reading needs: where each name is written and whether it is addressed. */
export interface AddressMention extends PlacedForm {
  local: number;
  length: number;
  vocative: boolean;
}

/** A named speech tag of the chapter: its verb and where its subject's name ends. */
export interface NamedTag {
  verb: string;
  /** Offset in the chapter where the tag's subject name (or, subject first, the name before its verb) ends. */
  end: number;
}

/** A name in a tag's "to …" and the one other name its paragraph's lines address. */
export interface SameAddressee {
  addressee: PlacedForm;
  vocative: PlacedForm;
  speaker: PlacedForm;
}

/** "to", "a", "ao", "à" between the tag and the person spoken to, an adverb of manner allowed before it. */
const TO: Record<HeuristicLanguage, RegExp> = {
  en: /^(?:\s+\p{Ll}+ly)?\s+to\s+$/u,
  es: /^(?:\s+\p{Ll}+mente)?\s+a\s+$/u,
  pt: /^(?:\s+\p{Ll}+mente)?\s+(?:a|ao|à)\s+$/u,
};
/** Spoken to two people ("to Gabriel and Gretta") or to someone's relative ("to Gabriel's wife"): nobody in particular. */
const NOT_ONE_PERSON = /^(?:['’]s|[ \t]*(?:\r?\n[ \t]*)?(?:and|y|e|or|o|ou|,[ \t]*\p{Lu})(?!\p{L}))/u;
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/gu;
/** A quotation mark or a dialogue dash: the words before the tag are its line. */
const OPENS_LINE = /[“"‘«—–]|--/u;

/**
 * Every tag of the chapter whose "to …" is a name and whose paragraph (one speaker's turn) addresses exactly one
 * other name: the vocative and the addressee are that pair. The speaker's own name is never the other one.
 */
export function sameAddressees(
  text: string,
  language: HeuristicLanguage,
  tags: NamedTag[],
  mentions: AddressMention[],
): SameAddressee[] {
  const found: SameAddressee[] = [];
  const byStart = new Map(mentions.map((mention) => [mention.local, mention]));
  const placed = new MentionsByPlace(mentions);
  // Three names kept apart: the speaker's and the addressee's words are left out, and one other must be left.
  const lines = new ReportedLines(
    text,
    mentions.flatMap((mention, order) =>
      mention.vocative ? [{ place: mention.local, order, key: wordsOf(mention), item: mention }] : [],
    ),
    3,
  );
  for (const tag of tags) {
    const speaker = placed.first(
      tag.end - placed.longest,
      tag.end,
      (mention) => tag.end <= mention.local + mention.length,
    )[0];
    if (!speaker) continue;
    const addressee = addresseeAfter(text, language, tag, byStart);
    if (!addressee) continue;
    // The speaker and the addressee stand between the line before the tag and the line after it, so neither is in it.
    const { firsts, more } = lines.namesIn(speaker.local, addressee.local + addressee.length);
    if (more) continue;
    const others = [...firsts.values()].filter(
      (name) => !sameWords(name.item, addressee) && !sameWords(name.item, speaker),
    );
    if (others.length === 1) found.push({ addressee, vocative: others[0].item, speaker });
  }
  return found;
}

/**
 * The names written in the line each tag of a chapter reports: the stretch of the tag's paragraph (one speaker's turn)
 * before the tag when it follows its line ("“O, Mr Conroy,” said Lily to Gabriel"), else the stretch after it ("Lily
 * said to Gabriel: “O, Mr Conroy…”"); a line going on after the tag may turn to someone else (“…Good-night, Mrs
 * Conroy.”). Read from one summary per paragraph, the different names written before and after every place in it,
 * so a paragraph holding many tags is gone through once, not once per tag.
 */
export class ReportedLines<T> {
  private readonly paragraphs = new Map<string, { opensLineEnd: number; names: ParagraphNames<T> }>();
  private readonly sorted: PlacedName<T>[];

  /** `names`: the chapter's names that count, in any order; `kept`: how many different ones a reader tells apart. */
  constructor(
    private readonly text: string,
    names: readonly PlacedName<T>[],
    private readonly kept: number,
  ) {
    this.sorted = [...names].sort((a, b) => a.place - b.place);
  }

  /** The names in the line reported by the tag written in [tagFrom, tagTo). */
  namesIn(tagFrom: number, tagTo: number): StretchNames<T> {
    const [from, to] = paragraphBetween(this.text, tagFrom, tagTo, PARAGRAPH_BREAK);
    const paragraph = this.paragraph(from, to);
    return paragraph.opensLineEnd <= tagFrom ? paragraph.names.before(tagFrom) : paragraph.names.from(tagTo);
  }

  private paragraph(from: number, to: number) {
    const key = `${from}:${to}`;
    const known = this.paragraphs.get(key);
    if (known) return known;
    const opening = OPENS_LINE.exec(this.text.slice(from, to));
    const inside: PlacedName<T>[] = [];
    for (let index = this.firstAt(from); index < this.sorted.length && this.sorted[index].place < to; index++)
      inside.push(this.sorted[index]);
    const paragraph = {
      opensLineEnd: opening ? from + opening.index + opening[0].length : Infinity,
      names: new ParagraphNames(inside, this.kept),
    };
    this.paragraphs.set(key, paragraph);
    return paragraph;
  }

  private firstAt(place: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle].place < place) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * The chapter's mentions sorted by where they are written, so a reading asks for those in a stretch without going
 * through every mention of the chapter at every tag. Answers keep the mentions' own order.
 */
class MentionsByPlace {
  private readonly sorted: { mention: AddressMention; order: number }[];
  private readonly starts: number[];
  readonly longest: number;

  constructor(mentions: readonly AddressMention[]) {
    this.sorted = mentions
      .map((mention, order) => ({ mention, order }))
      .sort((a, b) => a.mention.local - b.mention.local);
    this.starts = this.sorted.map(({ mention }) => mention.local);
    this.longest = mentions.reduce((longest, mention) => Math.max(longest, mention.length), 0);
  }

  /** Up to `limit` mentions written in [from, to) that pass `test`, in the mentions' own order. */
  first(from: number, to: number, test: (mention: AddressMention) => boolean, limit = 1): AddressMention[] {
    const passing: { mention: AddressMention; order: number }[] = [];
    for (let index = this.firstAt(from); index < this.sorted.length && this.starts[index] < to; index++) {
      if (test(this.sorted[index].mention)) passing.push(this.sorted[index]);
    }
    return passing
      .sort((a, b) => a.order - b.order)
      .slice(0, limit)
      .map(({ mention }) => mention);
  }

  private firstAt(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** The name spoken to right after the tag ("said Lily to Gabriel when…"), if it is one person's. */
function addresseeAfter(
  text: string,
  language: HeuristicLanguage,
  tag: NamedTag,
  byStart: Map<number, AddressMention>,
): AddressMention | undefined {
  let from = tag.end;
  // Subject first ("Lily said to Gabriel"): the verb follows the name.
  const verbAfter = new RegExp(`^[ \\t]*(?:\\r?\\n[ \\t]*)?${escape(tag.verb)}(?!\\p{L})`, 'u').exec(text.slice(from));
  if (verbAfter) from += verbAfter[0].length;
  const window = text.slice(from, from + 40);
  for (let length = 2; length <= window.length; length++) {
    const mention = byStart.get(from + length);
    if (!mention) continue;
    if (!TO[language].test(window.slice(0, length))) return undefined;
    const after = text.slice(mention.local + mention.length, mention.local + mention.length + 12);
    return NOT_ONE_PERSON.test(after) ? undefined : mention;
  }
  return undefined;
}

function wordsOf(mention: AddressMention): string {
  return `${mention.form.honorific ?? ''}|${mention.form.tokens.join(' ')}`;
}

function sameWords(a: AddressMention, b: AddressMention): boolean {
  return wordsOf(a) === wordsOf(b);
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
