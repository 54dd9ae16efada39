/**
 * A name and the nickname the narration says it goes by ("Katherine, whom everyone in the house called Kit", "Carlota,
 * a quem todos chamavam Nhanhã", "Lucía, a quien todos llamaban la Chata", "Tom Fitch, known as Badger"): the two are
 * one person (docs/characters.md, *Who is who*).
 */
import { honorificOf } from './honorifics';
import type { PlacedForm } from './nameNodes';
import type { HeuristicLanguage } from './vocabulary';

/** A mention as this reading needs it: where it is written in its chapter. */
export interface NicknameMention extends PlacedForm {
  local: number;
  length: number;
}

/** A name and the nickname right after it. */
export interface Nickname {
  name: PlacedForm;
  nickname: PlacedForm;
}

const S = '[ \\t\\r\\n]+';
/** Up to six words between the relative pronoun and the verb of calling ("whom everyone in the house called"). */
const WORDS = `(?:[\\p{L}-]+${S}){0,6}?`;
/** The same with at least one word: "whom called" has no subject ("Tom, who called Jack a fool" calls someone). */
const SUBJECT = `(?:[\\p{L}-]+${S}){1,6}?`;
/** What stands between a name and its nickname, whole. */
const CALLED: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(
    `^,${S}(?:whom${S}${SUBJECT}(?:called|call)|who${S}(?:was|is)${S}(?:\\p{Ll}+${S})?(?:called|named|known${S}as)|known${S}as)${S}$`,
    'u',
  ),
  es: new RegExp(
    `^,${S}(?:a${S}quien${S}${WORDS}(?:llamaban|llaman|llamaba|llama|decían|dicen|decía|dice)|(?:conocid[oa]|llamad[oa])${S}(?:como|por))${S}(?:(?:el|la)${S})?$`,
    'u',
  ),
  pt: new RegExp(
    `^,${S}(?:a${S}quem${S}${WORDS}(?:chamavam|chamam|chamava|chama|diziam|dizia)|(?:conhecid[oa]|chamad[oa])${S}(?:como|por))${S}(?:(?:o|a)${S})?$`,
    'u',
  ),
};
/**
 * "Joaquim, a quem ninguém chamava Joaquim, mas Quinzinho", "Isabel, a quien nadie llamaba Isabel, sino la Rubia",
 * "Margaret, whom nobody called Margaret but Pip", "…, a quem ninguém chamava assim, mas Quinzinho": the name nobody
 * uses, then the one everybody does. What stands between the name and the nickname, whole, with the name repeated
 * or any short phrase in the middle.
 */
const CALLED_INSTEAD: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`^,${S}whom${S}(?:nobody|no${S}one)${S}(?:ever${S})?called${S}[^,.;:!?]{1,40}?,?${S}but${S}$`, 'u'),
  es: new RegExp(
    `^,${S}a${S}quien${S}nadie${S}(?:le${S})?llamaba${S}[^,.;:!?]{1,40}?,?${S}sino${S}(?:(?:el|la)${S})?$`,
    'u',
  ),
  pt: new RegExp(
    `^,${S}a${S}quem${S}ninguém${S}chamava${S}[^,.;:!?]{1,40}?,?${S}(?:mas|senão)${S}(?:(?:o|a)${S})?$`,
    'u',
  ),
};
/**
 * "Clara — Mrs. Penhallow to the servants —", "Dolores (Lolita para la familia)", "Joaquim — Quincas para os amigos
 * —": another name set between dashes or brackets right after a name, with those who call the person so. What stands
 * between the two names, and what follows the second up to the mark that closes the aside. Commas are not read: "Mary,
 * John to the left, Tom to the right" is a list.
 */
const ASIDE_OPENS = /^[ \t\r\n]*(?:—|–|--|\()[ \t\r\n]*$/u;
const audience = (prepositions: string) =>
  new RegExp(`^${S}(?:${prepositions})${S}(?:[\\p{L}'’-]+${S}){0,5}([\\p{L}'’-]+)[ \\t\\r\\n]*(?:—|–|--|\\)|,)`, 'u');
const CALLED_BY: Record<HeuristicLanguage, RegExp> = {
  en: audience('to|for'),
  es: audience('para'),
  pt: audience('para|pra|pros?|pras?'),
};
/**
 * A married name the narration states: "Miss Margaret Ellis became Mrs. Fenwick", "Mrs. Fenwick, née Ellis", "la
 * señora de Gómez, de soltera Ana Ruiz", "D. Rosa Lima, em solteira Rosa Viana". Only what the text says: a married
 * woman's title is never taken from a shared surname alone.
 */
const BECAME: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`^${S}became${S}$`, 'u'),
  es: new RegExp(`^${S}se${S}convirtió${S}en${S}$`, 'u'),
  pt: new RegExp(`^${S}tornou-se${S}$`, 'u'),
};
const MAIDEN_NAME: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`^,?${S}(?:née|nee)${S}$`, 'u'),
  es: new RegExp(`^,${S}de${S}soltera${S}$`, 'u'),
  pt: new RegExp(`^,${S}(?:em|de)${S}solteira${S}$`, 'u'),
};
const marriedTitle = (mention: NicknameMention) =>
  mention.form.honorific !== null && honorificOf(mention.form.honorific)?.cls === 'mrs';

/** "…Ellis became Mrs. Fenwick", "Mrs. Fenwick, née Ellis": the two names are one woman, married and maiden. */
function statesMarriedName(between: string, name: NicknameMention, next: NicknameMention, language: HeuristicLanguage) {
  if (BECAME[language].test(between)) return marriedTitle(next) && !marriedTitle(name);
  return MAIDEN_NAME[language].test(between) && marriedTitle(name) && !marriedTitle(next);
}

/**
 * "née Ellis": a surname alone after "née" is the woman's unmarried name ("Miss Ellis"), not the bare surname that
 * stands for a man of the family.
 */
function maidenForm(mention: NicknameMention): NicknameMention {
  const { form } = mention;
  return form.honorific === null && form.tokens.length === 1
    ? { ...mention, form: { ...form, honorific: 'Miss' } }
    : mention;
}

/** "Clara — Mrs. Penhallow to her left —" says where someone stands, not who calls her so. */
const PLACE_WORD = /^(?:left|right|side|izquierda|derecha|lado|esquerda|direita)$/iu;
/** How far after a name its nickname may be written. */
const REACH = 90;
/** How far after the second name the aside's closing mark may be. */
const ASIDE_REACH = 80;

/** Every name of the chapter the narration gives a nickname right after it. */
export function nicknamesIn(text: string, language: HeuristicLanguage, mentions: NicknameMention[]): Nickname[] {
  const found: Nickname[] = [];
  mentions.forEach((mention, index) => {
    const next = mentions[index + 1];
    const end = mention.local + mention.length;
    if (next === undefined || next.local - end > REACH) return;
    const between = text.slice(end, next.local);
    if (
      CALLED[language].test(between) ||
      CALLED_INSTEAD[language].test(between) ||
      givenInAside(text, between, next, language)
    )
      found.push({ name: mention, nickname: next });
    else if (statesMarriedName(between, mention, next, language))
      found.push({ name: mention, nickname: maidenForm(next) });
    // The name nobody uses is written again in the middle: the nickname is the mention after it.
    const after = mentions[index + 2];
    if (
      after !== undefined &&
      after.local - end <= REACH &&
      CALLED_INSTEAD[language].test(text.slice(end, after.local))
    )
      found.push({ name: mention, nickname: after });
  });
  return found;
}

/** "Clara — Mrs. Penhallow to the servants —": the next name and who uses it, not where someone stands. */
function givenInAside(text: string, between: string, next: NicknameMention, language: HeuristicLanguage): boolean {
  if (!ASIDE_OPENS.test(between)) return false;
  const asideEnd = next.local + next.length;
  const audience = CALLED_BY[language].exec(text.slice(asideEnd, asideEnd + ASIDE_REACH));
  return audience !== null && !PLACE_WORD.test(audience[1]);
}
