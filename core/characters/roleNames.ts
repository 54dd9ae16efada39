/**
 * Where the narration says who a role is (docs/characters.md): a name with its role in apposition ("maese Nicolás,
 * barbero del pueblo", "Lucas Fernández, molinero,", "la molinera, la señá Rosa,", "minha mãe, D. Gloria,"), a role
 * right before the name ("su amigo el barbero maese Nicolás", "the miller John Hale"), or a naming clause ("Pero Pérez —que así se llamaba el cura—", "el tío Lucas
 * (tal era el nombre del molinero)", "Hale, for that was the name of the miller"). The speaking role "el barbero"
 * is then that named person.
 */
import { foldWord, isFunctionWord, type HeuristicLanguage } from './vocabulary';

const ARTICLE: Record<HeuristicLanguage, string> = {
  en: '(?:the|The)',
  es: '(?:el|El|la|La)',
  pt: '(?:o|O|a|A)',
};
const NOUN = '(\\p{Ll}[\\p{Ll}\\p{M}]+)';
/**
 * The narrator's own people ("my mother", "mi tío", "minha mãe"): a role with this possessive is named as a whole
 * phrase ("minha mae"), never by its noun alone, which would take "a mãe" (someone else's mother) too.
 */
const OWN: Record<HeuristicLanguage, string> = {
  en: '(?:[Mm]y)',
  es: '(?:[Mm]i)',
  pt: '(?:[Mm]inha|[Mm]eu)',
};
/** A role's determiner: the narrator's possessive (captured, after an article in Portuguese) or the article. */
const determiner = (language: HeuristicLanguage): string =>
  `(?:(?:${ARTICLE[language]}\\s+)?(${OWN[language]})|${ARTICLE[language]})`;
/** A clause naming the role after the name, its dash, bracket or comma included. */
const NAMING_CLAUSE: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(
    `^\\s*[,(—–-]*\\s*(?:for|as)?\\s*(?:such|that|this)\\s+was\\s+the\\s+name\\s+of\\s+the\\s+${NOUN}`,
    'u',
  ),
  es: new RegExp(
    `^\\s*[,(—–-]*\\s*(?:que\\s+)?(?:(?:así|tal)\\s+se\\s+llamaba\\s+${ARTICLE.es}\\s+${NOUN}|(?:éste|este|tal|ese|ése)\\s+era\\s+el\\s+nombre\\s+de(?:l|\\s+la)\\s+${NOUN})`,
    'u',
  ),
  pt: new RegExp(
    `^\\s*[,(—–-]*\\s*(?:que\\s+)?(?:(?:assim|tal)\\s+se\\s+chamava\\s+${ARTICLE.pt}\\s+${NOUN}|(?:este|esse|tal)\\s+era\\s+o\\s+nome\\s+d[oa]\\s+${NOUN})`,
    'u',
  ),
};
/**
 * ", barbero del mesmo pueblo", ", molinero,", ", the miller of the village", ", la pulcra, hacendosa y saludable
 * navarra,": the role in apposition, after its article and any adjectives. What follows the article is read word by
 * word; every word that may end the phrase (before "of"/"de"/"do" or a comma, full stop or semicolon) is a candidate
 * role noun, since the adjectives are themselves separated by commas.
 */
const APPOSITION_START: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`^,\\s+(?:${determiner('en')}\\s+)?(?=\\p{Ll})`, 'u'),
  es: new RegExp(`^,\\s+(?:${determiner('es')}\\s+)?(?=\\p{Ll})`, 'u'),
  pt: new RegExp(`^,\\s+(?:${determiner('pt')}\\s+)?(?=\\p{Ll})`, 'u'),
};
/**
 * "la molinera, la señá Rosa,", "minha mãe, D. Gloria,": the role set before the name, a comma between (and the
 * name's own article, in Spanish and Portuguese).
 */
const ROLE_APPOSED_BEFORE: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`(?:^|[^\\p{L}])${determiner('en')}\\s+${NOUN},\\s+(?:${ARTICLE.en}\\s+)?$`, 'u'),
  es: new RegExp(`(?:^|[^\\p{L}])${determiner('es')}\\s+${NOUN},\\s+(?:${ARTICLE.es}\\s+)?$`, 'u'),
  pt: new RegExp(`(?:^|[^\\p{L}])${determiner('pt')}\\s+${NOUN},\\s+(?:${ARTICLE.pt}\\s+)?$`, 'u'),
};
/** After a name set beside a role before it, the apposition ends ("minha mãe, D. Gloria, que…"). */
const APPOSITION_ENDS = /^\s*[,.;:)]/u;
/** What ends an apposition's phrase after a word: its complement ("of the village") or a punctuation mark. */
const PHRASE_ENDS_AFTER: Record<HeuristicLanguage, RegExp> = {
  en: /^(?:\s+of\s|\s+(?:who|whom|that)\s|\s*[,;.])/u,
  es: /^(?:\s+del?\s|\s+que\s|\s*[,;.])/u,
  pt: /^(?:\s+d[oa]s?\s|\s+que\s|\s*[,;.])/u,
};
/** The role's complement ("the miller of the village"): the phrase's noun is the word before it. */
const COMPLEMENT: Record<HeuristicLanguage, RegExp> = {
  en: /^\s+of\s/u,
  es: /^\s+del?\s/u,
  pt: /^\s+d[oa]s?\s/u,
};
/**
 * Words of kinship that an apposition ties to another named person ("D. Teresa, mãe do Sr. Prado", "Ana, hija de
 * don Luis", "Mary, the mother of Mr. Hale"): she is that man's mother, while "a mãe" of the tags is whichever mother
 * speaks in the scene, so the phrase names no role. Husbands and wives are read by rolesOfWives.ts.
 */
const KIN_OF_SOMEONE = new Set(
  ['mother', 'father', 'son', 'daughter', 'brother', 'sister', 'madre', 'padre', 'hijo', 'hija', 'hermano', 'hermana']
    .concat(['mãe', 'pai', 'filho', 'filha', 'irmão', 'irmã'])
    .map(foldWord),
);
/** A complement that is a named person, after its article or title: "of Mr. Hale", "de don Luis", "do Sr. Prado". */
const NAMED_COMPLEMENT: Record<HeuristicLanguage, RegExp> = {
  en: /^\s+of\s+(?:the\s+)?\p{Lu}/u,
  es: /^\s+del?\s+(?:\p{Ll}+\s+)?\p{Lu}/u,
  pt: /^\s+d[oa]s?\s+(?:\p{Ll}+\s+)?\p{Lu}/u,
};
/** "fuerte y saludable navarra": the words that join adjectives inside the phrase. */
const COORDINATING = new Set(['and', 'y', 'e']);
/**
 * A list goes on after the phrase ("Hale, the miller, and the baker"; "There were Holmes, the hydraulic engineer,
 * Inspector Bradstreet…", another name right after the comma): the noun may be someone else.
 */
const LIST_GOES_ON = /^\s*,\s*(?:(?:and|or|nor|y|e|o|ou|ni|nem)\s|\p{Lu})/u;
/** A description longer than this is a clause, not an apposition ("Hale, who came in with the…"). */
const MAX_APPOSITION_WORDS = 6;
/** "el barbero maese Nicolás": the article and the role right before the name, on one line. */
const ROLE_BEFORE: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.en}\\s+${NOUN}\\s+$`, 'u'),
  es: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.es}\\s+${NOUN}\\s+$`, 'u'),
  pt: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.pt}\\s+${NOUN}\\s+$`, 'u'),
};

/**
 * "El alguacil, que seguía al Corregidor, se llamaba Garduña", "The miller was called John Hale", "O boticário
 * chamava-se Fulano": the role, after its article, is the subject of the naming verb right before the name; a clause
 * between commas may stand between them. The name may be set in italics or quotation marks.
 */
const ROLE_CALLED: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(
    `(?:^|[^\\p{L}])${ARTICLE.en}\\s+${NOUN}(?:,[^.!?;]{1,160},)?\\s+was\\s+(?:called|named)\\s+[_"“]?$`,
    'u',
  ),
  es: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.es}\\s+${NOUN}(?:,[^.!?;]{1,160},)?\\s+se\\s+llamaba\\s+[_"“«]?$`, 'u'),
  pt: new RegExp(
    `(?:^|[^\\p{L}])${ARTICLE.pt}\\s+${NOUN}(?:,[^.!?;]{1,160},)?\\s+(?:se\\s+chamava|chamava-se)\\s+[_"“«]?$`,
    'u',
  ),
};
/**
 * "El Sr. Juan López, que como particular y como Alcalde era…", "Tom Reed, as mayor, …", "o Paulo, enquanto
 * regedor, …": the office a name holds, after "as" with no article (with an article, "como el alcalde" is a
 * likeness). A second "as" may stand before it ("como particular y como Alcalde").
 */
const IN_OFFICE: Record<HeuristicLanguage, RegExp> = {
  en: /^,\s+(?:who\s+)?as\s+(?:\p{Ll}+\s+and\s+as\s+)?(\p{L}[\p{Ll}\p{M}]+)(?=[\s,.;])/u,
  es: /^,\s+(?:que\s+)?como\s+(?:\p{Ll}+\s+y\s+como\s+)?(\p{L}[\p{Ll}\p{M}]+)(?=[\s,.;])/u,
  pt: /^,\s+(?:que\s+)?(?:como|enquanto)\s+(?:\p{Ll}+\s+e\s+como\s+)?(\p{L}[\p{Ll}\p{M}]+)(?=[\s,.;])/u,
};

/**
 * "O Juca era o jardineiro.", "El Tuerto era el hortelano.", "Hale was the blacksmith of the village.": a name that
 * opens its sentence (after its own article in Spanish and Portuguese), the past of "to be" and the role after its
 * article, up to two adjectives before the noun ("o velho tropeiro que…"); the noun ends the phrase (a full stop,
 * comma or semicolon, "que"/"who", or its complement "de"/"of"). The sentence defines who the person is, as a naming
 * clause does.
 */
const ROLE_BY_COPULA: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(
    `^\\s+was\\s+${ARTICLE.en}\\s+((?:\\p{Ll}+\\s+){0,2})${NOUN}(?=\\s*[,.;]|\\s+(?:who|that|of)\\s)`,
    'u',
  ),
  es: new RegExp(
    `^\\s+era\\s+(?:${ARTICLE.es}\\s+((?:\\p{Ll}+\\s+){0,2}))?${NOUN}(?=\\s*[,.;]|\\s+(?:que|del?|en)\\s)`,
    'u',
  ),
  pt: new RegExp(
    `^\\s+era\\s+(?:${ARTICLE.pt}\\s+((?:\\p{Ll}+\\s+){0,2}))?${NOUN}(?=\\s*[,.;]|\\s+(?:que|d[oa]s?|de|em|n[oa]s?)\\s)`,
    'u',
  ),
};
/**
 * "The gentleman was Simon Crane. He was the lawyer who…", "…e entrou o Doutor Vasconcelos. Era o advogado da
 * família.": the sentence right after the one the name ends says who that person is, with a pronoun (or, in Spanish
 * and Portuguese, no subject) and the same past of "to be". Read only when the name is the one name of its sentence,
 * so the pronoun has nobody else to stand for.
 */
const PRONOUN_COPULA: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(
    `^\\.\\s+(?:He|She)\\s+was\\s+${ARTICLE.en}\\s+((?:\\p{Ll}+\\s+){0,2})${NOUN}(?=\\s*[,.;]|\\s+(?:who|that|of)\\s)`,
    'u',
  ),
  es: new RegExp(
    `^\\.\\s+(?:(?:Él|Ella)\\s+era|Era)\\s+${ARTICLE.es}\\s+((?:\\p{Ll}+\\s+){0,2})${NOUN}(?=\\s*[,.;]|\\s+(?:que|del?)\\s)`,
    'u',
  ),
  pt: new RegExp(
    `^\\.\\s+(?:(?:Ele|Ela)\\s+era|Era)\\s+${ARTICLE.pt}\\s+((?:\\p{Ll}+\\s+){0,2})${NOUN}(?=\\s*[,.;]|\\s+(?:que|d[oa]s?|de)\\s)`,
    'u',
  ),
};
/** How far back the sentence a name ends is read for another name (a capitalised word after its first). */
const SENTENCE_SPAN = 200;
const SENTENCE_END = /[.!?](?=\s)|\n/gu;
const TITLE_BEFORE = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|St|Sr|Sra|Srta|D)$/u;
/** Where a sentence opens, and the name's own article in Spanish and Portuguese ("O Juca", "El Tuerto"). */
const SENTENCE_OPENS_BEFORE = /(?:^|[.!?]\s+|\n\s*)(?:(?:O|A|El|La)\s+)?$/u;
/**
 * Kinship and words that rank ("o mais velho", "el único", "the first") say how the person stands to others, not a
 * role the tags call them by: "a mãe" of the tags is whichever mother speaks in the scene.
 */
const NOT_COPULA_ROLES = new Set(
  [
    ...KIN_OF_SOMEONE,
    'wife',
    'husband',
    'esposa',
    'mujer',
    'marido',
    'mulher',
    'mais',
    'menos',
    'más',
    'most',
    'only',
    'único',
    'única',
    'primeiro',
    'primeira',
  ]
    .concat(['primero', 'primera', 'first', 'último', 'última', 'last', 'mesmo', 'mesma', 'mismo', 'misma', 'same'])
    .map(foldWord),
);

const ARTICLE_WORD = /^(?:the|a|an|el|la|los|las|un|una|o|os|as|um|uma)$/iu;

/** How far before a name a role called by it may stand. */
const ROLE_CALLED_SPAN = 220;

/** The role nouns the text gives a name, and whether a naming clause said it (the narrator naming the role outright). */
export interface RoleNaming {
  /**
   * Folded: "barbero", "cura", "miller". One for a clause or a role before the name; an apposition's phrase may end at
   * any of its commas ("la pulcra, hacendosa y saludable navarra"), so each word that may end it is a candidate.
   */
  nouns: string[];
  byClause: boolean;
}

/**
 * The role the text says the name written at [start, end) is, or null. A naming clause is the narrator's even inside
 * a line of dialogue ("—…, señor licenciado Pero Pérez —que así se llamaba el cura—, …"); an apposition or a role
 * before the name counts only in narration (`narrated`), where a comma after a name is no vocative ("Sancho, amigo,
 * …"). A function word is never a role ("el que", "the other").
 */
export function roleNamedAt(
  text: string,
  start: number,
  end: number,
  language: HeuristicLanguage,
  narrated: boolean,
): RoleNaming | null {
  const after = text.slice(end, end + 120);
  const clause = NAMING_CLAUSE[language].exec(after)?.slice(1).find(Boolean);
  if (clause !== undefined)
    return isFunctionWord(clause, language) ? null : { nouns: [foldWord(clause)], byClause: true };
  if (!narrated) return null;
  const copula = roleByCopula(text, start, after, language);
  if (copula !== null) return { nouns: [copula], byClause: true };
  const called = ROLE_CALLED[language].exec(text.slice(Math.max(0, start - ROLE_CALLED_SPAN), start));
  if (called !== null)
    return isFunctionWord(called[1], language) ? null : { nouns: [foldWord(called[1])], byClause: true };
  const inOffice = IN_OFFICE[language].exec(after);
  if (inOffice !== null && !isFunctionWord(inOffice[1], language) && !ARTICLE_WORD.test(inOffice[1]))
    return { nouns: [foldWord(inOffice[1])], byClause: false };
  const before = text.slice(Math.max(0, start - 40), start);
  const roleBefore = ROLE_BEFORE[language].exec(before);
  const apposedBefore =
    APPOSITION_ENDS.test(after) && !LIST_GOES_ON.test(after) ? ROLE_APPOSED_BEFORE[language].exec(before) : null;
  const nouns = [
    ...appositionNouns(after, language),
    roleBefore && roleOf(roleBefore[1], undefined, language),
    apposedBefore && roleOf(apposedBefore[2], apposedBefore[1], language),
  ].filter((noun): noun is string => typeof noun === 'string');
  return nouns.length === 0 ? null : { nouns, byClause: false };
}

/**
 * The role noun of "O Juca era o jardineiro." for the name written at `start`, or of "The gentleman was Simon Crane.
 * He was the lawyer…" when the name is the only one of the sentence it ends; null when there is none.
 */
function roleByCopula(text: string, start: number, after: string, language: HeuristicLanguage): string | null {
  const match = SENTENCE_OPENS_BEFORE.test(text.slice(Math.max(0, start - 12), start))
    ? ROLE_BY_COPULA[language].exec(after)
    : onlyNameOfSentence(text, start)
      ? PRONOUN_COPULA[language].exec(after)
      : null;
  if (match === null) return null;
  // Without an article ("era tabelião em Lamego", Spanish and Portuguese only) the noun stands alone.
  const words = [...(match[1] ?? '').split(/\s+/u).filter(Boolean), match[2]];
  if (words.some((word) => isFunctionWord(word, language) || NOT_COPULA_ROLES.has(foldWord(word)))) return null;
  return foldWord(match[2]);
}

/**
 * Whether the sentence the name at `start` stands in names nobody else before it: no capitalised word after the
 * sentence's first word (read back to its opening, at most SENTENCE_SPAN characters: farther is no short sentence).
 */
function onlyNameOfSentence(text: string, start: number): boolean {
  const from = Math.max(0, start - SENTENCE_SPAN);
  const before = text.slice(from, start);
  // The sentence opens after the last full stop, question or exclamation mark before a space, or a line break; not
  // after a title's full stop ("Mr. Whitcomb looked at Mr. Crane.").
  let opening = from === 0 ? 0 : -1;
  for (const end of before.matchAll(SENTENCE_END))
    if (end[0] === '\n' || !TITLE_BEFORE.test(before.slice(0, end.index))) opening = end.index + end[0].length;
  if (opening < 0) return false;
  const words = before.slice(opening).match(/\p{L}+/gu) ?? [];
  // Its own first word is capitalised; any other capitalised word is another name.
  return words.slice(1).every((word) => !/^\p{Lu}/u.test(word));
}

/**
 * A role noun as the folds match it: the noun ("molinera") after an article, the whole phrase ("minha mae") after the
 * narrator's possessive; null for a function word ("el que", "the other").
 */
function roleOf(noun: string, own: string | undefined, language: HeuristicLanguage): string | null {
  if (isFunctionWord(noun, language)) return null;
  return own === undefined ? foldWord(noun) : `${foldWord(own)} ${foldWord(noun)}`;
}

/** The words that may end the role phrase set in apposition right after a name (none when there is none). */
function appositionNouns(after: string, language: HeuristicLanguage): (string | null)[] {
  const start = APPOSITION_START[language].exec(after);
  if (start === null) return [];
  const nouns: (string | null)[] = [];
  // Lower-case words separated by spaces or commas: "pulcra, hacendosa, fuerte y saludable navarra".
  const word = /(\p{Ll}[\p{Ll}\p{M}]*)(\s*,\s*|\s+)?/uy;
  word.lastIndex = start[0].length;
  // The adjectives written right before the current word, after the article or the last comma ("la vieja ama").
  let adjectives: string[] = [];
  for (let count = 0; count < MAX_APPOSITION_WORDS; count++) {
    const match = word.exec(after);
    // Adjectives and "and" between them; any other function word ends the description ("Toñuelo, cuando la …").
    if (match === null || (isFunctionWord(match[1], language) && !COORDINATING.has(match[1]))) break;
    const rest = after.slice(match.index + match[1].length);
    if (KIN_OF_SOMEONE.has(foldWord(match[1])) && NAMED_COMPLEMENT[language].test(rest)) break;
    if (PHRASE_ENDS_AFTER[language].test(rest) && !LIST_GOES_ON.test(rest)) {
      nouns.push(roleOf(match[1], start[1], language));
      // An adjective before the noun is the phrase written short, as the tags do: "Casilda, la vieja ama" is "dijo
      // la vieja" ("el viejo", "o velho", "la pequeña"). Only right after an article: the narrator's own people are
      // named as a whole phrase.
      if (start[1] === undefined) nouns.push(...adjectives.map((adjective) => roleOf(adjective, undefined, language)));
    }
    if (match[2] === undefined || COMPLEMENT[language].test(rest)) break;
    adjectives = /,/u.test(match[2]) || COORDINATING.has(match[1]) ? [] : [...adjectives, match[1]];
  }
  return nouns;
}

/**
 * "la señá Rosa, legítima esposa del tío Blas,", "D. Rosa, mulher do boticário,", "Martha Hale, the wife of the
 * miller,": a woman set beside her husband in apposition, a few adjectives allowed before the word for wife. What
 * follows is the husband, after his article.
 */
const WIFE_OF: Record<HeuristicLanguage, RegExp> = {
  en: /^,\s+(?:the\s+)?((?:\p{Ll}+\s+){0,2})wife\s+of\s+(?:the\s+)?/u,
  es: /^,\s+(?:la\s+)?((?:\p{Ll}+\s+){0,2})(?:esposa|mujer)\s+(?:legítima\s+)?(?:del\s+|de\s+)/u,
  pt: /^,\s+(?:a\s+)?((?:\p{Ll}+\s+){0,2})(?:esposa|mulher)\s+(?:legítima\s+)?(?:d[oa]\s+|de\s+)/u,
};
/** The husband's first word when it is a common noun ("del molinero"): the role itself. */
const HUSBAND_ROLE = /^(\p{Ll}[\p{Ll}\p{M}]+)(?=[\s,.;:)])/u;

/** Where the narration sets a woman beside her husband: where his name or role starts, and his role's noun if any. */
export interface HusbandNaming {
  /** Offset of the husband's words in the text. */
  at: number;
  /**
   * Folded, his first word when written in lower case: "molinero" for "esposa del molinero" (also "tio" for "del tío
   * Blas", which a mention of the name there overrides); null when it is a name ("de Blas").
   */
  role: string | null;
}

/**
 * The husband the text gives the woman named right before `end`: an apposition in narration only, as for roles
 * (`roleNamedAt`), where a comma after a name is no vocative.
 */
export function husbandNamedAt(
  text: string,
  end: number,
  language: HeuristicLanguage,
  narrated: boolean,
): HusbandNaming | null {
  if (!narrated) return null;
  const after = text.slice(end, end + 120);
  const wife = WIFE_OF[language].exec(after);
  // Adjectives only before the word for wife ("legítima esposa"); "que era mujer de" is a clause.
  const adjectives = wife?.[1].split(/\s+/u).filter(Boolean) ?? [];
  if (wife === null || adjectives.some((word) => isFunctionWord(word, language))) return null;
  const role = HUSBAND_ROLE.exec(after.slice(wife[0].length));
  const noun = role === null || isFunctionWord(role[1], language) ? null : foldWord(role[1]);
  return { at: end + wife[0].length, role: noun };
}

/**
 * "la Corregidora se había esmerado… Advertiremos que aquella señora se llamaba Doña Mercedes": a demonstrative and a
 * word for a woman or a man, subject of the naming verb right before the name, pointing back to someone the
 * narration has just spoken of.
 */
const CALLED_BACK: Record<HeuristicLanguage, RegExp> = {
  en: /(?:^|[^\p{L}])(?:that|this)\s+(lady|woman|gentleman|man)\s+was\s+(?:called|named)\s+[_"“]?$/u,
  es: /(?:^|[^\p{L}])(?:aquella|esta|esa|aquel|este|ese)\s+(señora|mujer|dama|señor|hombre|caballero)\s+se\s+llamaba\s+[_"“«]?$/u,
  pt: /(?:^|[^\p{L}])(?:aquela|esta|essa|aquele|este|esse)\s+(senhora|mulher|dama|senhor|homem|cavalheiro)\s+(?:se\s+chamava|chamava-se)\s+[_"“«]?$/u,
};
const WOMAN_WORDS = new Set(['lady', 'woman', 'señora', 'mujer', 'dama', 'senhora', 'mulher']);

/** Someone the narration points back to and names: where the demonstrative stands and whom its noun says. */
export interface CalledBack {
  at: number;
  gender: 'female' | 'male';
}

/** The demonstrative naming right before the name written at `start` (narration only), or null. */
export function calledBackAt(
  text: string,
  start: number,
  language: HeuristicLanguage,
  narrated: boolean,
): CalledBack | null {
  if (!narrated) return null;
  const from = Math.max(0, start - 80);
  const match = CALLED_BACK[language].exec(text.slice(from, start));
  if (match === null) return null;
  const at = from + match.index + match[0].search(/\p{L}/u);
  return { at, gender: WOMAN_WORDS.has(match[1]) ? 'female' : 'male' };
}
