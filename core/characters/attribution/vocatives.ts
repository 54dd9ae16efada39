/**
 * The people a line addresses by name ("Mr. Bennet, how can you…", "…, Lizzy."), who are therefore not its
 * speaker, and a line's own words without the quotations it reports, which both this and self-naming read.
 */
import type { Cast } from './cast';
import { besidePersonSpokenOf } from './namesBesidePeople';
import { addressedByTitle } from './titledAddress';

const SUBJECT_AFTER_ASIDE =
  /^[_*]*,\s*(?:(?:\p{L}+\s+){0,2}\p{L}+,\s*(?:is|was|has|had|will|would|does|did|é|era|foi|tem|es|fue|está|estaba|\p{Ll}{2,}ed)|who|whom|whose|which|que|quem|cujo|cuja|quien|cuyo)(?![\p{L}\p{N}])/iu;
/**
 * Words of address may stand between the opening and the name ("Mira, hermano Pedro,", "Olhe, meu caro Bento,",
 * "Look here, old Tom,"), a title among them ("Sea, señor don Pedro mío,"), and a possessive or "amigo" may follow it
 * ("señor don Pedro mío,", "Pedro amigo,"). A title of kinship, the clergy or a calling that the cast does not hold
 * as part of the name ("Padre Lopes,", "Uncle Jack,", "Doctor Ames,", "tía Rosa,") is one of them too.
 */
const ADDRESS_WORD =
  '(?:don|doña|dom|dona|hermano|hermana|amigo|amiga|señor|señora|señorita|compadre|comadre|hijo|hija|querido|querida|buen|buena|irmão|irmã|senhor|senhora|seu|caro|cara|meu|minha|filho|filha|menino|menina|old|brother|sister|friend|' +
  'padre|father|frei|fray|doctor|doutor|uncle|aunt|cousin|tio|tia|tío|tía|primo|prima|captain|capitão|capitán|mestre|maestro)';
const OPENERS = new RegExp(
  `(?:^|[,!?;:]\\s*|(?<![\\p{L}\\p{N}])(?:my dear|dear|oh|ah|well|yes|no|nay|pray|now)[,!]?\\s+)(?:${ADDRESS_WORD}\\s+){0,2}$`,
  'iu',
);
const CLOSERS = new RegExp(`^(?:\\s+(?:mío|mía|meu|minha|amigo|amiga|querido|querida))?\\s*(?:[,!?.;:…]|$)`, 'iu');
/** English "O Romeo!": in Spanish and Portuguese "o" before a name is the article. */
const ENGLISH_VOCATIVE_O = /(?<![\p{L}\p{N}])O,?\s+$/u;
/**
 * Portuguese "Ó Joaquim,", "Ô Zé!": with its accent the word is only the vocative interjection (the article is "o").
 * Not in Spanish, whose older spelling writes "ó" for "or" ("dos ó tres").
 */
const PORTUGUESE_VOCATIVE_O = /(?<![\p{L}\p{N}])[ÓóÔô],?\s+(?:(?:seu|dona|senhor|senhora)\s+)?$/iu;

/**
 * Portuguese speaks to someone in the third person, a word of respect and the name as a question's subject ("O senhor
 * Artur leu a carta?", "A menina Teresa já está mais descansada?", "O senhor doutor Falcão fica?"): the name so asked
 * is the one spoken to. A line that asks nothing ("O senhor Artur chegou.") speaks of them.
 */
const PORTUGUESE_RESPECT_BEFORE =
  /(?:^|[.,;:!?…]\s*)(?:o\s+senhor|a\s+senhora|a\s+menina|o\s+menino|a\s+dona)\s+(?:(?:doutor|doutora|professor|professora|engenheiro|engenheira|padre|capitão|coronel|conselheiro)\s+)?$/iu;
const ASKED_AFTER = /^[^.!?…]{0,200}\?/u;

/**
 * Room before a name for "o senhor doutor ": the line's start only counts when the window reaches it (a letter stands
 * for the cut-off text before).
 */
const RESPECT_WINDOW = 48;
function respectWindow(inner: string, offset: number): string {
  return offset <= RESPECT_WINDOW ? inner.slice(0, offset) : `x${inner.slice(offset - RESPECT_WINDOW, offset)}`;
}

/** A role named with the speaker's own "my" ("my friend", "mi amigo", "meu amigo"). */
const FIRST_PERSON_POSSESSIVE = /^(?:my|mi|meu|minha)\s/iu;
/**
 * A role named with an article or a third person's possessive ("his friend", "the doctor") is talked about, never
 * called: English addresses a role bare or with "my"/"your" ("Doctor,", "your Majesty,"). Spanish and Portuguese
 * "su", "seu", "sua" also mean "your", so only English determiners are read so.
 */
const TALKED_ABOUT = /^(?:the|his|her|their|its|this|that)\s/iu;

/** Quotations a line holds, by the marks that open them: a single quote inside double quotes, and the like. */
const NESTED_QUOTATIONS: Record<string, RegExp> = {
  single: /(?<![\p{L}\p{N}])['‘](?=[\p{L}\p{N}¡¿_])[^]*?['’](?![\p{L}\p{N}])/gu,
  double: /(?<![\p{L}\p{N}])["“](?=[\p{L}\p{N}¡¿_])[^"“”]*["”]/gu,
  guillemets: /«[^«»]*»/gu,
};

/**
 * A line without the quotations it reports ("'I wish to the Lord, Mr. Wilson, that I was…' he says"): the names
 * and "I am" inside them are another person's words, so they say nothing about who speaks the line itself. A
 * quotation counts as nested when its marks differ from those the line opens with.
 */
export function ownWords(line: string): string {
  const trimmed = line.trimStart();
  const opener = trimmed[0] ?? '';
  const outer = /['‘’]/u.test(opener)
    ? 'single'
    : /["“”„]/u.test(opener)
      ? 'double'
      : /[«»]/u.test(opener)
        ? 'guillemets'
        : 'dash';
  // The line's own opening mark is left in place so that a nested quotation right after it still counts as one.
  const head = outer === 'dash' ? '' : opener;
  let body = outer === 'dash' ? trimmed : trimmed.slice(1);
  for (const [family, pattern] of Object.entries(NESTED_QUOTATIONS))
    if (family !== outer) body = body.replace(pattern, ' ');
  return head + body;
}

/** Spaces, quotation marks and dashes around a line's words. */
const EDGE_MARK = /[\s"'“”‘’«»—―–-]/u;
const LEADING_MARKS = /^[\s"'“”‘’«»—―–-]+/u;

/**
 * A line's words without the spaces, quotation marks and dashes around them (`leading` may take more at the start,
 * "¡¿"). The end is walked back a character at a time: a pattern anchored at the end (`[…]+$`) is tried from every
 * position of a long run of spaces, in time quadratic in its length.
 */
export function withoutEdgeMarks(line: string, leading: RegExp = LEADING_MARKS): string {
  const start = leading.exec(line)?.[0].length ?? 0;
  let end = line.length;
  while (end > start && EDGE_MARK.test(line[end - 1])) end--;
  return line.slice(start, end);
}

/**
 * A line that is only a name and an exclamation mark ("Capitú!", "—¡Frasquita!") calls that person; a name alone
 * with a full stop or a question mark ("Bingley.", "Lizzy?") answers or asks about them and says nothing.
 */
function calledOut(inner: string, cast: Cast): string[] {
  const called = inner.replace(/^¡/u, '');
  if (!called.endsWith('!')) return [];
  // The exclamation marks and spaces at the end are walked back, not matched by a pattern anchored at the end (tried
  // from every position of a long run of spaces, in quadratic time).
  let end = called.length;
  while (end > 0 && /[!\s]/u.test(called[end - 1])) end--;
  const name = /^(?:(?:oh|o|ó|ah|ay)[,!]?\s+)?([^]+)$/iu.exec(called.slice(0, end))?.[1];
  if (name === undefined) return [];
  const mentions = cast.mentions(name);
  return mentions.length === 1 && mentions[0].offset === 0 && mentions[0].length === name.length
    ? [mentions[0].id]
    : [];
}

/**
 * Names a line addresses: at its start or end, or set off by commas inside it ("Mr. Bennet, how can you…",
 * "…, Lizzy.", "Tell me, John,"). A line of one or two words that is a name ("Bingley.") answers, not addresses.
 * Quotations the line reports are left out: a name addressed there was addressed by someone else.
 */
export function addressedIn(line: string, cast: Cast): string[] {
  const inner = withoutEdgeMarks(ownWords(line));
  const byTitle = addressedByTitle(inner, cast);
  if ((inner.match(/\p{L}+/gu) ?? []).length < 3) return [...new Set([...calledOut(inner, cast), ...byTitle])];
  const byName = cast
    .mentions(inner)
    .filter((mention) => {
      if (mention.possessive) return false;
      // In a line, "my friend" is the speaker's friend, not the one the narrator calls so.
      if (mention.role && FIRST_PERSON_POSSESSIVE.test(inner.slice(mention.offset))) return false;
      if (mention.role && TALKED_ABOUT.test(inner.slice(mention.offset))) return false;
      const before = inner.slice(Math.max(0, mention.offset - 16), mention.offset);
      const after = inner.slice(mention.offset + mention.length);
      // "Mr. Darcy, you see, is the man!", "Lady Ames, then, returned …", "Mr. Darcy, who never looks…": the name is
      // what the line talks about.
      if (SUBJECT_AFTER_ASIDE.test(after)) return false;
      // "this maid, Alice,": an apposition to a person spoken of.
      if (besidePersonSpokenOf(inner.slice(Math.max(0, mention.offset - 24), mention.offset))) return false;
      const language = cast.language ?? 'en';
      const opened =
        OPENERS.test(before) ||
        (language === 'en' && ENGLISH_VOCATIVE_O.test(before)) ||
        (language === 'pt' && PORTUGUESE_VOCATIVE_O.test(before));
      if (
        language === 'pt' &&
        PORTUGUESE_RESPECT_BEFORE.test(respectWindow(inner, mention.offset)) &&
        ASKED_AFTER.test(after)
      )
        return true;
      return opened && CLOSERS.test(after);
    })
    .map((mention) => mention.id);
  return [...new Set([...byName, ...byTitle])];
}

/** A name opening a line and asked back at once ("Mr. Crane? Why on earth Mr. Crane?"). */
const ASKED_BACK = /^\s*\?/u;

/**
 * The people a line asks about by echoing their name ("And Mr. Crane." — "Mr. Crane? Why on earth Mr. Crane?"): a
 * name opening the line with a question mark, which the line before named or the line names again, is the person
 * spoken of, not the one spoken to ("Lizzy? Are you there?" still calls her). Such a person is still not the line's
 * speaker (nobody asks back their own name), but is not the one who answers it either.
 */
export function echoedNames(line: string, previousLine: string, cast: Cast): string[] {
  const inner = ownWords(line).replace(LEADING_MARKS, '');
  const mentions = cast.mentions(inner);
  const opening = mentions[0];
  if (opening?.offset !== 0 || !ASKED_BACK.test(inner.slice(opening.length))) return [];
  const namedAgain = mentions.slice(1).some((mention) => mention.id === opening.id);
  const namedBefore = cast.mentions(ownWords(previousLine)).some((mention) => mention.id === opening.id);
  return namedAgain || namedBefore ? [opening.id] : [];
}
